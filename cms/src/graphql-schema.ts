import { configToSchema } from '@payloadcms/graphql'
import { lexicographicSortSchema, printSchema } from 'graphql'
import type { SanitizedConfig } from 'payload'

/** The GraphQL schema of `config` in SDL, types sorted by name. */
export const printGraphQLSchema = (config: SanitizedConfig): string =>
  `${printSchema(lexicographicSortSchema(configToSchema(config).schema))}\n`
