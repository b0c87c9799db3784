import type { GraphQLFieldConfig } from 'graphql'
import type { GraphQLInfo } from 'payload'

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
 * Cost of a list query: its selection once per started page of {@link DEFAULT_PAGE_SIZE}
 * documents, so `limit: 100` costs ten times `limit: 10`, and asking for every document costs as
 * much as {@link UNBOUNDED_PAGE_SIZE} of them.
 */
export const listQueryCost = ({ args, childComplexity }: ComplexityArgs): number => {
  const { limit, pagination } = args
  const size =
    pagination === false || (typeof limit === 'number' && limit <= 0)
      ? UNBOUNDED_PAGE_SIZE
      : typeof limit === 'number'
        ? limit
        : DEFAULT_PAGE_SIZE
  return 1 + childComplexity * Math.ceil(size / DEFAULT_PAGE_SIZE)
}

/**
 * Gives every list query Payload built (those taking `limit` and `pagination`: collections and
 * their versions) the cost of {@link listQueryCost}. Payload's complexity rule otherwise counts a
 * list of any length as one document, so `limit: 0` (every document) passed any cost limit.
 */
export const priceListQueries = (info: Pick<GraphQLInfo, 'Query'>): void => {
  for (const field of Object.values(info.Query.fields) as GraphQLFieldConfig<unknown, unknown>[]) {
    if (field.args && 'limit' in field.args && 'pagination' in field.args) {
      field.extensions = { ...field.extensions, complexity: listQueryCost }
    }
  }
}
