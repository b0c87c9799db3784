import type { GraphQLFieldConfig } from 'graphql'
import type { GraphQLInfo } from 'payload'

import { boundQueries, MAX_QUERY_LIMIT } from '../hooks/boundQueries'

/** Documents a Payload list query returns without `limit`. */
export const DEFAULT_PAGE_SIZE = 10

/** Documents assumed for `limit: 0` or `pagination: false`, which return every document. */
export const UNBOUNDED_PAGE_SIZE = 10_000

/** What the complexity rule passes to a field's `complexity` function. */
export interface ComplexityArgs {
  args: Record<string, unknown>
  childComplexity: number
}

/**
 * Cost function of a list query that returns at most `maxDocuments` documents: its selection once
 * per started page of {@link DEFAULT_PAGE_SIZE} documents, so `limit: 100` costs ten times
 * `limit: 10`, and asking for every document (`limit: 0`, `pagination: false`) costs as much as
 * `maxDocuments` of them.
 */
export const listQueryCostUpTo =
  (maxDocuments: number) =>
  ({ args, childComplexity }: ComplexityArgs): number => {
    const { limit, pagination } = args
    const asked =
      pagination === false || (typeof limit === 'number' && limit <= 0)
        ? maxDocuments
        : typeof limit === 'number'
          ? limit
          : DEFAULT_PAGE_SIZE
    return 1 + childComplexity * Math.ceil(Math.min(asked, maxDocuments) / DEFAULT_PAGE_SIZE)
  }

/** Cost of a list query without a bound: every document counts as {@link UNBOUNDED_PAGE_SIZE}. */
export const listQueryCost = listQueryCostUpTo(UNBOUNDED_PAGE_SIZE)

/** Cost of a list query of a collection whose queries {@link boundQueries} clamps. */
export const boundedListQueryCost = listQueryCostUpTo(MAX_QUERY_LIMIT)

/**
 * Gives every list query Payload built (those taking `limit` and `pagination`: collections and
 * their versions) a cost by its length: {@link boundedListQueryCost} for the list of a collection
 * that {@link boundQueries} clamps to {@link MAX_QUERY_LIMIT} documents, {@link listQueryCost}
 * for every other. Payload's complexity rule otherwise counts a list of any length as one
 * document, so `limit: 0` (every document) passed any cost limit.
 */
export const priceListQueries = (info: Pick<GraphQLInfo, 'collections' | 'Query'>): void => {
  // Payload builds each list query's type anew, with the name of the collection's list type.
  const bounded = new Set<string | undefined>(
    Object.values(info.collections ?? {})
      .filter(({ config }) => config.hooks?.beforeOperation?.includes(boundQueries))
      .map((collection) => collection.graphQL?.paginatedType?.name),
  )
  for (const field of Object.values(info.Query.fields) as GraphQLFieldConfig<unknown, unknown>[]) {
    if (field.args && 'limit' in field.args && 'pagination' in field.args) {
      const name = (field.type as { name?: string }).name
      const complexity = bounded.has(name) ? boundedListQueryCost : listQueryCost
      field.extensions = { ...field.extensions, complexity }
    }
  }
}
