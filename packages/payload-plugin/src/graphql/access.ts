import type { GraphQLFieldConfig } from 'graphql'
import type { GraphQLInfo } from 'payload'

/**
 * Payload's `Access` query with `canAccessAdmin` always answered. Payload leaves the key out of its
 * access results when it is false, and the field is non-null in the schema, so without this every
 * caller who may not use the admin panel (anonymous callers, machine clients) got a server error
 * instead of `false`. `undefined` when Payload built no `Access` query.
 */
export const accessQueryAnsweringFalse = (
  info: Pick<GraphQLInfo, 'Query'>,
): GraphQLFieldConfig<unknown, unknown> | undefined => {
  const access = info.Query.fields.Access as GraphQLFieldConfig<unknown, unknown> | undefined
  const resolve = access?.resolve
  if (!access || !resolve) return undefined
  return {
    ...access,
    resolve: async (...args) => {
      const result: unknown = await resolve(...args)
      return typeof result === 'object' && result !== null
        ? {
            ...result,
            canAccessAdmin: (result as { canAccessAdmin?: unknown }).canAccessAdmin === true,
          }
        : result
    },
  }
}
