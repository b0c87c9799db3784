import type { DocumentNode, SelectionSetNode } from 'graphql'

import { Kind } from 'graphql'

/**
 * What the cost of a REST or GraphQL request is estimated from: the bounds Payload applies (the
 * plugin's `boundQueries` clamps `limit`, the config bounds `depth`) and their defaults.
 */
export interface CostBounds {
  /** Largest `limit` a list is answered with (`limit=0`, `pagination=false` and more give it). */
  maxLimit: number
  /** `limit` of a list that gives none. */
  defaultLimit: number
  /** Deepest `depth` a read is answered with. */
  maxDepth: number
  /** `depth` of a read that gives none. */
  defaultDepth: number
}

/**
 * The unit of cost: a request reading this many documents without relationships costs 1; each
 * level of REST `depth` makes a document cost 4 times as much (its relationships are read too,
 * and theirs: a news item at depth 3 reads its organization, cover, events and theirs).
 */
export const DOCUMENTS_PER_POINT = 8

/**
 * What an answer of 400–499 other than 404 costs on top (wrong logins, malformed or refused input,
 * refusals): every request through Next costs the server about as much as a small read, whatever
 * it answers, so a client sending such requests in a loop runs out of budget within a few of them,
 * while one that errs now and then does not notice.
 */
export const CLIENT_ERROR_COST = 200

/** Whether an answer with `status` costs {@link CLIENT_ERROR_COST} more. */
export const isClientError = (status: number): boolean =>
  status >= 400 && status < 500 && status !== 404

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value))

const integer = (text: string | null | undefined): number | undefined => {
  if (text === null || text === undefined || !/^\s*-?\d+\s*$/.test(text)) return undefined
  return Number(text)
}

const points = (documents: number, depth: number) =>
  Math.max(1, Math.ceil((documents * 4 ** depth) / DOCUMENTS_PER_POINT))

/**
 * The estimated cost of a REST request, in points of a client's budget, from its method and URL
 * alone (before it runs): a list (`GET /api/{collection}`) costs by its clamped `limit` and
 * `depth`, one document (`GET /api/{collection}/{id}`) by its `depth`, anything else 1. A
 * 100-document list at depth 3 costs 800, a 10-document list at depth 0 costs 2.
 */
export const restCost = (method: string, url: string, bounds: CostBounds): number => {
  if (method !== 'GET' && method !== 'HEAD') return 1
  const { pathname, searchParams } = new URL(url, 'http://localhost')
  const segments = pathname.split('/').filter(Boolean)
  // /api/{collection}[/{id}]; /api/{collection}/versions is a list too.
  if (segments[0] !== 'api' || segments.length < 2) return 1
  const depth = clamp(integer(searchParams.get('depth')) ?? bounds.defaultDepth, 0, bounds.maxDepth)
  const isList = segments.length === 2 || (segments.length === 3 && segments[2] === 'versions')
  if (!isList) return points(1, depth)
  const limit = integer(searchParams.get('limit'))
  const unbounded =
    searchParams.get('pagination') === 'false' || limit === 0 || (limit ?? 0) > bounds.maxLimit
  const documents = unbounded
    ? bounds.maxLimit
    : clamp(limit ?? bounds.defaultLimit, 1, bounds.maxLimit)
  return points(documents, depth)
}

const limitArgument = (field: {
  arguments?: readonly { name: { value: string }; value: unknown }[]
}) => {
  const argument = field.arguments?.find((candidate) => candidate.name.value === 'limit')
  const value = argument?.value as { kind?: string; value?: string } | undefined
  if (!argument) return undefined
  // A variable or another literal: the largest the server would answer.
  return value?.kind === Kind.INT ? Number(value.value) : Number.POSITIVE_INFINITY
}

/**
 * The estimated cost of a GraphQL document, in points of a client's budget, before it runs: every
 * selected field costs what one document does, times the documents of the lists it is inside (a
 * field with a `limit` argument or `docs` is a list of that many documents, clamped, of the
 * default page without `limit`, of the largest page when the limit is a variable or 0), doubled
 * inside each relationship it is reached through; fragments count where they are spread. One
 * `News(limit: 5) { docs { id title } }` costs 2; 300 aliases of a 100-document list cost more
 * than a budget holds.
 */
export const graphQLCost = (document: DocumentNode, bounds: CostBounds): number => {
  const fragments = new Map<string, SelectionSetNode>()
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragments.set(definition.name.value, definition.selectionSet)
    }
  }
  let fields = 0
  const visit = (selectionSet: SelectionSetNode, multiplier: number, spread: Set<string>) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        fields += multiplier
        if (!selection.selectionSet) continue
        const limit = limitArgument(selection)
        const isList =
          limit !== undefined ||
          selection.selectionSet.selections.some(
            (child) => child.kind === Kind.FIELD && child.name.value === 'docs',
          )
        const documents = !isList
          ? // A relationship or join: its documents are read too, maybe several.
            selection.name.value === 'docs'
            ? 1
            : 2
          : limit === undefined
            ? bounds.defaultLimit
            : limit === 0 || limit > bounds.maxLimit
              ? bounds.maxLimit
              : clamp(limit, 1, bounds.maxLimit)
        visit(selection.selectionSet, multiplier * documents, spread)
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet, multiplier, spread)
      } else {
        const name = selection.name.value
        const fragment = fragments.get(name)
        // A fragment spread inside itself is refused by validation; counted once here.
        if (!fragment || spread.has(name)) continue
        visit(fragment, multiplier, new Set([...spread, name]))
      }
    }
  }
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) visit(definition.selectionSet, 1, new Set())
  }
  return Math.max(1, Math.ceil(fields / DOCUMENTS_PER_POINT))
}
