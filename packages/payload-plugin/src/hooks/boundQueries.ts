import type {
  CollectionBeforeOperationHook,
  CollectionConfig,
  FlattenedField,
  Payload,
  PayloadRequest,
  SanitizedCollectionConfig,
  Where,
} from 'payload'

import { APIError, NotFound } from 'payload'

/** Most documents one REST or GraphQL list request returns (also what `limit=0` and `pagination=false` get). */
export const MAX_QUERY_LIMIT = 100

/** Largest `page` accepted; beyond it no collection has documents, and offsets stay exact integers. */
export const MAX_QUERY_PAGE = 1_000_000

/** Operators whose value is compared with the field's own type (dates, numbers, ids). */
const COMPARISONS = new Set([
  'equals',
  'not_equals',
  'greater_than',
  'greater_than_equal',
  'less_than',
  'less_than_equal',
  'in',
  'not_in',
  'all',
])

/** Most space-separated words in a `like`, `not_like` or `contains` value. */
export const MAX_PATTERN_WORDS = 50

/**
 * Most characters in a `like`, `not_like` or `contains` value. SQLite refuses LIKE patterns over
 * 50,000 bytes ("LIKE or GLOB pattern too complex"); no title or name is near this long.
 */
export const MAX_PATTERN_LENGTH = 1_000

/** Operators that match text. */
const TEXT_OPERATORS = new Set(['like', 'not_like', 'contains'])

/**
 * Operators that both SQL adapters answer on a path inside a JSON field; the others fail there
 * (`jsonb` has no order or list membership with a text, SQLite's `json_extract` none with a list).
 */
const JSON_PATH_OPERATORS = new Set(['equals', 'not_equals', 'like', 'not_like', 'exists'])

/** Operators that only geometry (point) fields answer. */
const GEO_OPERATORS = new Set(['near', 'within', 'intersects'])

/** Paths of a versions collection that are not the document's own fields. */
const VERSION_META_PATHS = new Set([
  'parent',
  'latest',
  'autosave',
  'snapshot',
  'publishedLocale',
  'createdAt',
  'updatedAt',
])

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** What a query path names: a known field, a path Payload resolves by itself, or nothing. */
type Resolved =
  | { kind: 'field'; field: FlattenedField }
  | { kind: 'id' }
  | { kind: 'opaque' }
  /** A path inside a JSON or rich text field (`body.root.children`). */
  | { kind: 'jsonPath'; field: FlattenedField }
  /** `<link>.relationTo` or `<link>.value` of a link to a list of collections. */
  | { kind: 'linkPart'; part: string; collections: string[] }
  | { kind: 'unknown' }

const subFields = (field: FlattenedField): FlattenedField[] | undefined => {
  if (field.type === 'group' || field.type === 'array' || field.type === 'tab') {
    return field.flattenedFields
  }
  return undefined
}

/**
 * Resolves a dotted (or GraphQL `__`) path against a collection's fields, following single-target
 * relationships into the related collection and skipping a locale segment after a localized field.
 */
const resolvePath = (
  req: PayloadRequest,
  collection: SanitizedCollectionConfig,
  rawPath: string,
): Resolved => {
  const segments = rawPath.replace(/__/g, '.').split('.')
  const locales = new Set(
    req.payload.config.localization ? req.payload.config.localization.localeCodes : [],
  )
  let fields: FlattenedField[] = collection.flattenedFields
  let current: FlattenedField | undefined
  let atRoot = true
  for (let i = 0; i < segments.length; i += 1) {
    const segment = segments[i]!
    if (segment === 'id' || segment === '_id') {
      if (i === segments.length - 1) return { kind: 'id' }
      return { kind: 'unknown' }
    }
    if (current && 'localized' in current && current.localized && locales.has(segment)) continue
    if (current?.type === 'relationship' || current?.type === 'upload') {
      if (typeof current.relationTo !== 'string') {
        if (i !== segments.length - 1) return { kind: 'unknown' }
        return { kind: 'linkPart', part: segment, collections: current.relationTo }
      }
      const related = req.payload.collections[current.relationTo]?.config
      if (!related) return { kind: 'unknown' }
      fields = related.flattenedFields
    } else if (current?.type === 'json' || current?.type === 'richText') {
      return { kind: 'jsonPath', field: current }
    } else if (current?.type === 'blocks') {
      return { kind: 'opaque' }
    } else if (current) {
      const nested = subFields(current)
      if (!nested) return { kind: 'unknown' }
      fields = nested
    }
    const found = fields.find((field) => field.name === segment)
    if (!found) {
      if (atRoot && collection.versions && segment === 'version') {
        // `/versions` paths: `version.<field>` is the document's own field.
        current = undefined
        atRoot = false
        continue
      }
      if (atRoot && collection.versions && VERSION_META_PATHS.has(segment)) {
        return { kind: 'opaque' }
      }
      return { kind: 'unknown' }
    }
    current = found
    atRoot = false
  }
  return current ? { kind: 'field', field: current } : { kind: 'unknown' }
}

/** The choices of a select or radio field, or `undefined` for other fields. */
const optionValues = (resolved: Resolved): Set<string> | undefined => {
  if (resolved.kind !== 'field') return undefined
  const { field } = resolved
  if (field.type !== 'select' && field.type !== 'radio') return undefined
  return new Set(
    field.options.map((option) => (typeof option === 'string' ? option : option.value)),
  )
}

/**
 * A query refused before it reaches the database: 400, with a message for the caller. Logged at
 * `info` (see {@link QUERY_LOGGING_LEVELS}): a caller's bad query is not a server fault.
 */
export class InvalidQuery extends APIError {
  constructor(message: string) {
    super(message, 400, null, true)
  }
}

/** Log levels for refused queries, merged under the host's `loggingLevels`. */
export const QUERY_LOGGING_LEVELS = { InvalidQuery: 'info', QueryError: 'info' } as const

const badRequest = (message: string) => new InvalidQuery(message)

/**
 * A date every database stores: years 1 to 9999. PostgreSQL has no year 0 and refuses years far
 * outside its range, which JavaScript dates reach (`-240353-12-16`).
 */
const isValidDate = (value: unknown): boolean => {
  if (typeof value !== 'string' && typeof value !== 'number') return false
  const year = new Date(value).getUTCFullYear()
  return year >= 1 && year <= 9999
}

const isIntegerId = (value: unknown): boolean =>
  (typeof value === 'number' && Number.isSafeInteger(value)) ||
  (typeof value === 'string' && /^-?\d{1,15}$/.test(value.trim()))

const isFiniteNumber = (value: unknown): boolean =>
  (typeof value === 'number' && Number.isFinite(value)) ||
  (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))

/** The values an operator compares: `in` takes a list or a comma-separated string. */
const valuesOf = (operator: string, value: unknown): unknown[] => {
  if (operator === 'in' || operator === 'not_in' || operator === 'all') {
    if (Array.isArray(value)) return value
    if (typeof value === 'string') return value.split(',')
  }
  return [value]
}

/**
 * "No value" in a comparison: `null`, and what a query string or form sends for it (`''`, the text
 * `null`).
 */
const isNoValue = (value: unknown): boolean =>
  value === null || value === undefined || value === '' || value === 'null'

/** Operators that compare a link (relationship, upload or id) with document ids. */
const LINK_OPERATORS = new Set(['equals', 'not_equals', 'in', 'not_in', 'all'])

/** One condition on one path, built so that a hostile path (`__proto__`) stays an own key. */
const condition = (path: string, operator: string, value: unknown): Where =>
  Object.fromEntries([[path, Object.fromEntries([[operator, value]])]]) as Where

/** What a path links to: an id, a relationship or upload, or several collections at once. */
interface LinkTarget {
  /** The field names its collections as a list (`relationTo: [...]`), even a list of one. */
  polymorphic: boolean
  collections: string[]
}

/** The collections a relationship or upload field links to, or `undefined` for other paths. */
const linkTarget = (resolved: Resolved): LinkTarget | undefined => {
  if (resolved.kind === 'id') return { polymorphic: false, collections: [] }
  if (resolved.kind !== 'field') return undefined
  const { field } = resolved
  if (field.type !== 'relationship' && field.type !== 'upload') return undefined
  return Array.isArray(field.relationTo)
    ? { polymorphic: true, collections: field.relationTo }
    : { polymorphic: false, collections: [field.relationTo] }
}

/** `exists` takes a boolean; a query string sends it as text. */
const existsValue = (path: string, value: unknown): boolean => {
  if (value === true || value === 'true') return true
  if (value === false || value === 'false') return false
  throw badRequest(`The value of ${path} exists must be true or false.`)
}

/**
 * A link to a list of collections (`relationTo: [...]`) is matched as a whole with `equals
 * { relationTo, value }`, or by its parts: `<link>.relationTo` equals one of the collections,
 * `<link>.value` compared with ids. The SQL adapters fail on anything else, `null` and `exists`
 * included.
 */
const checkPolymorphicLink = (
  req: PayloadRequest,
  path: string,
  operator: string,
  value: unknown,
  part: string | undefined,
  collections: string[],
) => {
  const numericIds = req.payload.db.defaultIDType === 'number'
  const isId = (id: unknown) =>
    !isNoValue(id) && !isRecord(id) && !Array.isArray(id) && (!numericIds || isIntegerId(id))
  const names = collections.join(', ')
  if (part === undefined) {
    const valid =
      operator === 'equals' &&
      isRecord(value) &&
      typeof value.relationTo === 'string' &&
      collections.includes(value.relationTo) &&
      isId(value.value)
    if (!valid) {
      throw badRequest(
        `${path} links to ${names}: match it with equals { relationTo, value } or query ${path}.relationTo and ${path}.value.`,
      )
    }
  } else if (part === 'relationTo') {
    if (
      !['equals', 'not_equals'].includes(operator) ||
      typeof value !== 'string' ||
      !collections.includes(value)
    ) {
      throw badRequest(`${path} takes equals or not_equals with one of ${names}.`)
    }
  } else if (part === 'value') {
    if (!['equals', 'not_equals', 'in', 'not_in'].includes(operator)) {
      throw badRequest(`The operator ${operator} does not apply to ${path}.`)
    }
    if (!valuesOf(operator, value).every(isId)) {
      throw badRequest(`The value of ${path} ${operator} must be document ids.`)
    }
  } else {
    throw badRequest(`The following path cannot be queried: ${path}`)
  }
}

/**
 * The condition that replaces a link comparison with "no value" among its values, or `undefined`
 * when it stays as given. The database adapters fail on `null` inside `in` and `not_in` (and on
 * `null` for links to several collections), so "no value" becomes `exists`:
 * `in [null, 3]` → no link, or link 3; `not_in [null, 3]` → a link other than 3;
 * `equals null` → no link; `not_equals null` → a link.
 */
const noValueCondition = (
  req: PayloadRequest,
  resolved: Resolved,
  path: string,
  operator: string,
  value: unknown,
): Where | undefined => {
  const target = linkTarget(resolved)
  if (!target || target.polymorphic || !LINK_OPERATORS.has(operator)) return undefined
  const items = valuesOf(operator, value)
  const ids = items.filter((item) => !isNoValue(item))
  if (ids.length === items.length) return undefined
  if (operator === 'all') throw badRequest(`The value of ${path} all must list document ids.`)
  const linked = condition(path, 'exists', true)
  const unlinked = condition(path, 'exists', false)
  if (operator === 'equals') return unlinked
  if (operator === 'not_equals') return linked
  if (ids.length === 0) return operator === 'in' ? unlinked : linked
  return operator === 'in'
    ? { or: [unlinked, condition(path, 'in', ids)] }
    : { and: [linked, condition(path, 'not_in', ids)] }
}

const checkValue = (
  req: PayloadRequest,
  resolved: Resolved,
  path: string,
  operator: string,
  value: unknown,
) => {
  if (resolved.kind === 'unknown') return
  // SQL adapters build conditions from an operator table; one missing there (`all`) fails deep in
  // the query builder.
  const supported = (req.payload.db as { operators?: Record<string, unknown> }).operators
  if (supported && !GEO_OPERATORS.has(operator) && !(operator in supported)) {
    throw badRequest(`The operator ${operator} on ${path} is not supported by this database.`)
  }
  if (TEXT_OPERATORS.has(operator)) {
    const texts = Array.isArray(value) ? value : [value]
    // Nested queries (`contains` on links) are objects; Payload checks those itself.
    if (
      !texts.every((text) => typeof text === 'string' || typeof text === 'number' || isRecord(text))
    ) {
      throw badRequest(`The value of ${path} ${operator} must be a text.`)
    }
    // `like` becomes one SQL condition per space-separated word; thousands overflow the database.
    if (
      texts.some((text) => !isRecord(text) && String(text).split(' ').length > MAX_PATTERN_WORDS)
    ) {
      throw badRequest(`The value of ${path} ${operator} has more than ${MAX_PATTERN_WORDS} words.`)
    }
    if (texts.some((text) => !isRecord(text) && String(text).length > MAX_PATTERN_LENGTH)) {
      throw badRequest(
        `The value of ${path} ${operator} is longer than ${MAX_PATTERN_LENGTH} characters.`,
      )
    }
  }
  if (resolved.kind === 'opaque') return
  if (resolved.kind === 'linkPart') {
    checkPolymorphicLink(req, path, operator, value, resolved.part, resolved.collections)
    return
  }
  if (resolved.kind === 'jsonPath') {
    // Lexical's JSON is no shape to query by path, and the adapters fail on most such paths.
    if (resolved.field.type === 'richText') {
      throw badRequest(
        `The following path cannot be queried: ${path} (rich text is matched whole).`,
      )
    }
    if (!JSON_PATH_OPERATORS.has(operator)) {
      throw badRequest(`The operator ${operator} does not apply to ${path}, a path inside JSON.`)
    }
    return
  }
  const type = resolved.kind === 'id' ? 'id' : resolved.field.type
  if (GEO_OPERATORS.has(operator) && type !== 'point') {
    throw badRequest(`The operator ${operator} does not apply to ${path}.`)
  }
  const target = linkTarget(resolved)
  if (target?.polymorphic) {
    checkPolymorphicLink(req, path, operator, value, undefined, target.collections)
    return
  }
  const options = optionValues(resolved)
  if (TEXT_OPERATORS.has(operator)) {
    // PostgreSQL stores choices as enums, which have no substring match.
    if (options && operator !== 'contains') {
      throw badRequest(`The operator ${operator} does not apply to ${path}.`)
    }
    // Substring matching on ids, numbers, dates or booleans fails in SQL (`integer ILIKE text`),
    // and on a whole JSON or rich text column in PostgreSQL (`jsonb ILIKE text`).
    if (['id', 'number', 'date', 'checkbox', 'point', 'json', 'richText'].includes(type)) {
      throw badRequest(`The operator ${operator} does not apply to ${path}.`)
    }
    if (type === 'relationship' || type === 'upload') {
      // Links match by id: `contains` one id (or a nested query Payload checks itself).
      const numericIds = req.payload.db.defaultIDType === 'number'
      const idLike = (item: unknown) => !numericIds || isRecord(item) || isIntegerId(item)
      if (operator !== 'contains' || !(Array.isArray(value) ? value : [value]).every(idLike)) {
        throw badRequest(`The operator ${operator} on ${path} takes a document id.`)
      }
    }
    const hasMany =
      resolved.kind === 'field' && 'hasMany' in resolved.field && resolved.field.hasMany
    if (Array.isArray(value) && !(operator === 'contains' && hasMany)) {
      throw badRequest(`The value of ${path} ${operator} must be one text.`)
    }
  }
  if (options && (COMPARISONS.has(operator) || operator === 'contains')) {
    for (const item of valuesOf(operator, value)) {
      if (item === null || item === undefined || item === '' || item === 'null') continue
      // A value that is no choice matches nothing; PostgreSQL refuses it as an enum.
      if (typeof item !== 'string' || !options.has(item)) {
        throw badRequest(`The value of ${path} ${operator} is not one of its choices.`)
      }
    }
    return
  }
  if (!COMPARISONS.has(operator)) return
  const numericIds = req.payload.db.defaultIDType === 'number'
  for (const item of valuesOf(operator, value)) {
    // `null` and empty values mean "no value"; Payload answers them itself.
    if (item === null || item === undefined || item === '' || item === 'null') continue
    if (isRecord(item) || Array.isArray(item)) {
      throw badRequest(`The value of ${path} ${operator} must be a plain value.`)
    }
    const invalid =
      (type === 'date' && !isValidDate(item)) ||
      (type === 'number' && !isFiniteNumber(item)) ||
      ((type === 'id' || type === 'relationship' || type === 'upload') &&
        numericIds &&
        (resolved.kind === 'id' ||
          (resolved.kind === 'field' &&
            'relationTo' in resolved.field &&
            typeof resolved.field.relationTo === 'string')) &&
        !isIntegerId(item))
    if (invalid) throw badRequest(`The value of ${path} ${operator} is not a valid ${type}.`)
  }
}

/**
 * `contains` one id on a link means "links to it", which is `equals` for a link and a list of
 * links alike; PostgreSQL cannot substring-match an integer column (`integer ILIKE text`). A nested
 * query (an object) stays as given.
 */
const containsLinkCondition = (
  resolved: Resolved,
  path: string,
  operator: string,
  value: unknown,
): Where | undefined => {
  const target = linkTarget(resolved)
  if (!target || target.polymorphic || operator !== 'contains' || isRecord(value)) return undefined
  return Array.isArray(value)
    ? { or: value.map((id) => condition(path, 'equals', id)) }
    : condition(path, 'equals', value)
}

/**
 * GraphQL types a condition on a link to a list of collections as `{ relationTo, value }` without
 * an operator, which the database adapters ignore: it becomes the equality it stands for.
 */
const graphQLLinkCondition = (path: string, constraint: Record<string, unknown>) => {
  const keys = Object.keys(constraint)
  if (keys.length === 0 || !keys.every((key) => key === 'relationTo' || key === 'value')) {
    return undefined
  }
  const { relationTo, value } = constraint
  if (relationTo === undefined || relationTo === null) {
    return condition(`${path}.value`, 'equals', value)
  }
  if (value === undefined) return condition(`${path}.relationTo`, 'equals', relationTo)
  return condition(path, 'equals', { relationTo, value })
}

/**
 * `where` as the database can answer it: values it would fail on (a 5xx) are refused with a 400
 * naming the path, and "no value" among link ids is rewritten (see {@link noValueCondition}).
 */
const boundWhere = (
  req: PayloadRequest,
  collection: SanitizedCollectionConfig,
  where: unknown,
  depth = 0,
): Where => {
  if (!isRecord(where)) throw badRequest('A where query must be an object of field conditions.')
  if (depth > 20) throw badRequest('The where query is nested too deeply.')
  const kept: [string, unknown][] = []
  const added: Where[] = []
  for (const [path, constraint] of Object.entries(where)) {
    if (['and', 'or'].includes(path.toLowerCase()) && Array.isArray(constraint)) {
      // GraphQL sends `null` for an absent list entry; it adds no condition.
      const items = constraint.filter((item) => item !== null)
      kept.push([path, items.map((item) => boundWhere(req, collection, item, depth + 1))])
      continue
    }
    if (!isRecord(constraint)) {
      throw badRequest(`The condition on ${path} must be an object of operators.`)
    }
    const resolved = resolvePath(req, collection, path)
    const asGraphQL = linkTarget(resolved)?.polymorphic && graphQLLinkCondition(path, constraint)
    if (asGraphQL) {
      added.push(boundWhere(req, collection, asGraphQL, depth + 1))
      continue
    }
    const operators: [string, unknown][] = []
    for (const [operator, value] of Object.entries(constraint)) {
      checkValue(req, resolved, path, operator, value)
      const replacement =
        noValueCondition(req, resolved, path, operator, value) ??
        containsLinkCondition(resolved, path, operator, value)
      if (replacement) added.push(replacement)
      else operators.push([operator, operator === 'exists' ? existsValue(path, value) : value])
    }
    if (operators.length > 0 || Object.keys(constraint).length === 0) {
      kept.push([path, Object.fromEntries(operators)])
    }
  }
  const bounded = Object.fromEntries(kept) as Where
  return added.length > 0 ? { and: [bounded, ...added] } : bounded
}

/** Refuses sorting by a path that names no field (Payload would silently ignore it). */
const checkSort = (
  req: PayloadRequest,
  collection: SanitizedCollectionConfig,
  sort: unknown,
): void => {
  const entries = Array.isArray(sort) ? sort : typeof sort === 'string' ? sort.split(',') : []
  // One field sorted twice (`title.en` and `title`) joins its table twice, which PostgreSQL's
  // `SELECT DISTINCT … ORDER BY` refuses.
  const sorted = new Set<unknown>()
  for (const entry of entries) {
    if (typeof entry !== 'string') throw badRequest('The sort parameter must name fields.')
    const path = entry.trim().replace(/^-/, '')
    if (path === '') continue
    const resolved = resolvePath(req, collection, path)
    if (resolved.kind === 'unknown') {
      throw badRequest(`The following path cannot be sorted: ${path}`)
    }
    const field = resolved.kind === 'field' ? resolved.field : resolved.kind
    if (resolved.kind !== 'opaque' && sorted.has(field)) {
      throw badRequest(`The sort names ${path} more than once.`)
    }
    sorted.add(field)
  }
}

/** `limit` bounded to 1…MAX_QUERY_LIMIT; 0, negative and "all" become the maximum. */
const clampLimit = (limit: unknown): number | undefined => {
  if (limit === undefined || limit === null) return undefined
  const value = Number(limit)
  if (!Number.isFinite(value) || value <= 0) return MAX_QUERY_LIMIT
  return Math.min(Math.floor(value), MAX_QUERY_LIMIT) || 1
}

const clampPage = (page: unknown): number | undefined => {
  if (page === undefined || page === null) return undefined
  const value = Math.floor(Number(page))
  if (!Number.isFinite(value) || value < 1) return 1
  return Math.min(value, MAX_QUERY_PAGE)
}

const clampDepth = (depth: unknown, maxDepth: number): number | undefined => {
  if (depth === undefined || depth === null) return undefined
  const value = Math.floor(Number(depth))
  if (!Number.isFinite(value) || value < 0) return 0
  return Math.min(value, maxDepth)
}

/** A by-id request whose id cannot exist in this database: the answer is "not found", not a 5xx. */
const checkId = (req: PayloadRequest, collection: SanitizedCollectionConfig, id: unknown) => {
  if (id === undefined || req.payload.db.defaultIDType !== 'number') return
  const custom = collection.flattenedFields.find((field) => field.name === 'id')
  if (custom && custom.type !== 'number') return
  if (!isIntegerId(id)) throw new NotFound(req.t)
}

/** `/api/<slug>/versions[/<id>]`: Payload answers it for collections without versions with a 5xx. */
const isVersionsPath = (req: PayloadRequest, slug: string): boolean => {
  if (!req.url) return false
  const { pathname } = new URL(req.url, 'http://localhost')
  return new RegExp(`/${slug.replace(/[^\w-]/g, '')}/versions(/|$)`).test(pathname)
}

/** The arguments of a collection operation that this hook reads and bounds. */
interface BoundedArgs {
  depth?: unknown
  id?: unknown
  limit?: unknown
  page?: unknown
  pagination?: unknown
  sort?: unknown
  where?: unknown
}

/**
 * `beforeOperation` hook bounding what an API caller can ask of a collection. Only requests made
 * through REST or GraphQL (`req.payloadAPI`) are touched; the Local API of the plugin, the feed and
 * the seed keep their own limits.
 *
 * - Lists (`find`, `findVersions`, `findDistinct`): `pagination=false` is ignored and `limit` is
 *   bounded to 1…{@link MAX_QUERY_LIMIT} (`limit=0` and larger values give the maximum); `page` to
 *   1…{@link MAX_QUERY_PAGE}.
 * - Every read: `depth` is bounded to 0…`config.maxDepth`.
 * - Sorting by a path that names no field → 400 (Payload refuses unreadable fields itself).
 * - A `where` that is not an object of conditions → 400; `where: null` means no filter.
 * - `where` values the database cannot compare (a date that is no date, a number that is no
 *   number, a non-integer id on SQL, geometry operators on non-point fields, `exists` that is not
 *   a boolean, a link to several collections not given as `{ relationTo, value }`) → 400.
 * - "No value" (`null`, `''`, `'null'`) among the ids of `equals`, `not_equals`, `in` and
 *   `not_in` on relationships, uploads and `id` means "no link" and is answered as `exists`.
 * - An operator the SQL adapter does not implement (`all`) → 400.
 * - A non-integer id on SQL databases, and `/versions` of a collection without versions → 404.
 */
export const boundQueries: CollectionBeforeOperationHook = ({
  args,
  collection,
  operation,
  req,
}) => {
  if (req.payloadAPI !== 'REST' && req.payloadAPI !== 'GraphQL') return args
  const bounded = args as BoundedArgs
  const next: BoundedArgs = { ...bounded }

  // Bulk updates and deletes keep their own semantics: they change what `where` selects.
  const isList = operation === 'read' || operation === 'readDistinct'
  if (isList && ('limit' in bounded || 'pagination' in bounded || 'page' in bounded)) {
    if (bounded.pagination === false || bounded.pagination === 'false') {
      next.pagination = true
      next.limit = clampLimit(bounded.limit ?? 0)
    } else {
      next.limit = clampLimit(bounded.limit)
    }
    next.page = clampPage(bounded.page)
  }
  if ('depth' in bounded) next.depth = clampDepth(bounded.depth, req.payload.config.maxDepth)
  if (bounded.sort !== undefined) checkSort(req, collection, bounded.sort)
  // GraphQL passes `where: null` for "no filter"; Payload's draft queries fail on it.
  if (bounded.where === null) next.where = undefined
  else if (bounded.where !== undefined) next.where = boundWhere(req, collection, bounded.where)
  if ('id' in bounded) checkId(req, collection, bounded.id)
  if (!collection.versions && req.payloadAPI === 'REST' && isVersionsPath(req, collection.slug)) {
    throw new NotFound(req.t)
  }
  return { ...args, ...next } as typeof args
}

/** `collection` with {@link boundQueries} as its first `beforeOperation` hook. */
export const withBoundQueries = (collection: CollectionConfig): CollectionConfig => ({
  ...collection,
  hooks: {
    ...collection.hooks,
    beforeOperation: [boundQueries, ...(collection.hooks?.beforeOperation ?? [])],
  },
})

/**
 * Adds {@link boundQueries} to the collections Payload adds to every config after the plugins have
 * run (`payload-preferences`, `payload-locked-documents`, `payload-migrations`, `payload-jobs`…),
 * which REST and GraphQL serve to signed-in users like any other. `known` lists the collections
 * the plugin saw.
 */
export const boundPayloadCollections = (payload: Payload, known: ReadonlySet<string>): void => {
  for (const { config } of Object.values(payload.collections)) {
    if (known.has(config.slug)) continue
    const hooks = config.hooks.beforeOperation ?? []
    if (!hooks.includes(boundQueries)) config.hooks.beforeOperation = [boundQueries, ...hooks]
  }
}
