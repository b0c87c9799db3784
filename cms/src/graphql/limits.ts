import type { GraphQLError, ValidationContext, ValidationRule } from 'graphql'

import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases'
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth'
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives'

/**
 * Limits of the GraphQL API (`/api/graphql`, GET and POST). A request over a limit is refused
 * before it runs: a body over {@link GRAPHQL_LIMITS.maxBodyBytes} with 413, a document over another
 * limit with a GraphQL validation error.
 */
export const GRAPHQL_LIMITS = Object.freeze({
  /** Largest request body (POST) or `query` plus `variables` (GET), in bytes. */
  maxBodyBytes: 256 * 1024,
  /** Deepest selection nesting; introspection's `__schema` is not counted. */
  maxDepth: 10,
  /** Most aliases in one operation. */
  maxAliases: 15,
  /** Most directives in one operation. */
  maxDirectives: 10,
  /**
   * Highest query cost, as Payload's complexity rule computes it: 1 per field, 10 per relationship,
   * upload and join field.
   */
  maxComplexity: 600,
})

/** Environment variables read per request. */
export type GraphQLEnv = Readonly<Record<string, string | undefined>>

const isOn = (value: string | undefined): boolean => value === 'true' || value === '1'

/**
 * Whether introspection (`__schema`, `__type`) is answered: always outside production; in
 * production (`NODE_ENV=production`) only when `ETW_GRAPHQL_INTROSPECTION=true`.
 */
export const introspectionAllowed = (env: GraphQLEnv = process.env): boolean =>
  env.NODE_ENV !== 'production' || isOn(env.ETW_GRAPHQL_INTROSPECTION)

/**
 * Whether the GraphQL playground (`/api/graphql-playground`) is served: always outside production;
 * in production only when `ETW_GRAPHQL_PLAYGROUND=true`.
 */
export const playgroundAllowed = (env: GraphQLEnv = process.env): boolean =>
  env.NODE_ENV !== 'production' || isOn(env.ETW_GRAPHQL_PLAYGROUND)

// The armor rules throw by default, which would surface as a server error; reported instead, they
// become ordinary validation errors.
const report = {
  propagateOnRejection: false,
  onReject: [
    (context: ValidationContext | null, error: GraphQLError) => context?.reportError(error),
  ],
}

/**
 * The validation rules added to GraphQL's own and Payload's: depth, aliases and directives. The cost
 * limit and the introspection switch are Payload's (`graphQL.maxComplexity`,
 * `graphQL.disableIntrospectionInProduction`).
 */
export const graphQLValidationRules = (): ValidationRule[] => [
  maxDepthRule({ n: GRAPHQL_LIMITS.maxDepth, ...report }) as unknown as ValidationRule,
  maxAliasesRule({ n: GRAPHQL_LIMITS.maxAliases, ...report }) as unknown as ValidationRule,
  maxDirectivesRule({ n: GRAPHQL_LIMITS.maxDirectives, ...report }) as unknown as ValidationRule,
]
