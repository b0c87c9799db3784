import { configToSchema } from '@payloadcms/graphql'
import { lexicographicSortSchema, printSchema } from 'graphql'
import type { SanitizedConfig } from 'payload'

/**
 * The GraphQL schema of `config` in SDL, types sorted by name: what `/api/graphql` serves, with the
 * plugin's consumer queries and descriptions (added while Payload builds the schema).
 */
export const printGraphQLSchema = (config: SanitizedConfig): string =>
  `${printSchema(lexicographicSortSchema(configToSchema(config).schema))}\n`
