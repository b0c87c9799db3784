export { createGraphQLHandlers, GRAPHQL_GET_VARY } from './handler'
export type { GraphQLHandlers } from './handler'
export {
  GRAPHQL_LIMITS,
  graphQLValidationRules,
  introspectionAllowed,
  playgroundAllowed,
} from './limits'
export type { GraphQLEnv } from './limits'
export { createPlaygroundHandler } from './playground'
