import type { GraphQLNamedType, GraphQLObjectType, GraphQLType } from 'graphql'

import * as GraphQL from 'graphql'
import { describe, expect, it } from 'vitest'

import type { JsonSchema } from '../contract/jsonSchema'

import { namedJsonSchemas } from '../contract/jsonSchema'
import { feedQueries } from './queries'

/**
 * The GraphQL consumer types against the feed's contract: each object type has the fields of its
 * contract schema, with the same nullability, lists and scalars, and refers to the types of the
 * same schemas. GraphQL groups paging as `pageInfo` and flattens the scope's variants.
 */

const DEFS = '#/$defs/'
const schemas = namedJsonSchemas({ keep: false, prefix: DEFS })
const def = (ref: string): JsonSchema => schemas[ref.slice(DEFS.length)]!
const properties = (schema: JsonSchema) => (schema.properties ?? {}) as Record<string, JsonSchema>

/** Contract schema of each GraphQL object type, and the properties GraphQL leaves out or adds. */
const PAIRS: Record<string, { schema: JsonSchema; omitted?: string[]; added?: string[] }> = {
  EventsFeed: {
    schema: schemas.EventsResponse!,
    added: ['pageInfo'],
    omitted: ['hasNextPage', 'limit', 'nextCursor', 'page', 'when'],
  },
  FeedEvent: { schema: schemas.EventItem! },
  FeedEventFormatted: { schema: schemas.EventFormatted! },
  FeedHighlight: { schema: schemas.Highlight! },
  FeedImage: { schema: schemas.FeedImage! },
  FeedImageSource: { schema: schemas.FeedImageSource! },
  FeedCountryStatistic: { schema: schemas.StatCountry! },
  FeedMetric: { schema: schemas.MetricName! },
  FeedNewsFormatted: { schema: schemas.NewsFormatted! },
  FeedNewsItem: { schema: schemas.NewsItem! },
  FeedOrganization: { schema: schemas.FeedOrganization! },
  FeedPageInfo: { schema: schemas.Page! },
  FeedSource: { schema: schemas.Source! },
  FeedStatistic: { schema: schemas.StatMetric! },
  FeedStatisticFormatted: { schema: schemas.StatFormatted! },
  FeedStatisticPoint: { schema: schemas.StatPoint! },
  FeedStatisticPrevious: { schema: schemas.StatPrevious! },
  LatestStatistics: { schema: schemas.StatsResponse! },
  NewsFeed: {
    schema: schemas.NewsResponse!,
    added: ['pageInfo'],
    omitted: ['hasNextPage', 'limit', 'nextCursor', 'page'],
  },
  StatisticComparison: { schema: schemas.StatsCompareResponse! },
  StatisticHistory: { schema: schemas.StatsHistoryResponse! },
}

const isNull = (schema: JsonSchema) => schema.type === 'null'

/** The schema without `null`, and whether `null` is allowed. */
const withoutNull = (schema: JsonSchema): { schema: JsonSchema; nullable: boolean } => {
  if (Array.isArray(schema.type) && schema.type.includes('null')) {
    const type = (schema.type as string[]).filter((each) => each !== 'null')
    return { nullable: true, schema: { ...schema, type: type.length === 1 ? type[0] : type } }
  }
  const anyOf = schema.anyOf as JsonSchema[] | undefined
  if (anyOf?.some(isNull)) {
    const rest = anyOf.filter((each) => !isNull(each))
    return { nullable: true, schema: rest.length === 1 ? rest[0]! : { anyOf: rest } }
  }
  return { nullable: false, schema }
}

const SCALARS: Record<string, string[]> = {
  boolean: ['Boolean'],
  integer: ['Int'],
  number: ['Float'],
  string: ['String', 'ID'],
}

/** Differences between a GraphQL type and a contract schema, as readable lines. */
const differences = (
  type: GraphQLType,
  schema: JsonSchema,
  nullable: boolean,
  at: string,
): string[] => {
  const found: string[] = []
  let inner = type
  if (GraphQL.isNonNullType(inner)) inner = inner.ofType
  else if (!nullable) found.push(`${at}: nullable in GraphQL, required in the contract`)
  if (GraphQL.isNonNullType(type) && nullable) {
    found.push(`${at}: non-null in GraphQL, nullable in the contract`)
  }
  const resolved = typeof schema.$ref === 'string' ? def(schema.$ref) : schema
  if (resolved.type === 'array') {
    if (!GraphQL.isListType(inner)) return [...found, `${at}: a list in the contract only`]
    const items = withoutNull(resolved.items as JsonSchema)
    return [...found, ...differences(inner.ofType, items.schema, items.nullable, `${at}[]`)]
  }
  if (GraphQL.isListType(inner)) return [...found, `${at}: a list in GraphQL only`]
  const named = inner as GraphQLNamedType
  if (GraphQL.isObjectType(named) && named.name === 'FeedScope') {
    return resolved === schemas.Scope ? found : [...found, `${at}: FeedScope for another schema`]
  }
  if (GraphQL.isObjectType(named)) {
    const pair = PAIRS[named.name]
    if (!pair) return [...found, `${at}: ${named.name} has no contract schema`]
    if (pair.schema !== resolved) found.push(`${at}: ${named.name} is another schema's type`)
    return found
  }
  if (GraphQL.isEnumType(named)) {
    const values = named.getValues().map((value) => value.value as string)
    const variants = (resolved.oneOf ?? resolved.anyOf) as JsonSchema[] | undefined
    const expected = resolved.enum ?? variants?.map((each) => properties(each).kind?.const)
    if (JSON.stringify([...values].sort()) !== JSON.stringify([...(expected as string[])].sort())) {
      found.push(`${at}: ${named.name} has other values`)
    }
    return found
  }
  const scalars = SCALARS[(resolved.type ?? (resolved.enum ? 'string' : '')) as string] ?? []
  if (!scalars.includes(named.name)) found.push(`${at}: ${named.name} for ${String(resolved.type)}`)
  return found
}

const compareObject = (type: GraphQLObjectType, name: string): string[] => {
  const { added = [], omitted = [], schema } = PAIRS[name]!
  const fields = type.getFields()
  const props = properties(schema)
  const required = new Set((schema.required ?? []) as string[])
  const found: string[] = []
  for (const field of Object.keys(fields)) {
    if (!(field in props) && !added.includes(field))
      found.push(`${name}.${field}: not in the contract`)
  }
  for (const [prop, propSchema] of Object.entries(props)) {
    if (omitted.includes(prop)) continue
    const field = fields[prop]
    if (!field) {
      found.push(`${name}.${prop}: missing in GraphQL`)
      continue
    }
    const { nullable, schema: base } = withoutNull(propSchema)
    found.push(...differences(field.type, base, nullable || !required.has(prop), `${name}.${prop}`))
  }
  return found
}

describe('GraphQL consumer types', () => {
  const query = new GraphQL.GraphQLObjectType({
    name: 'Query',
    fields: feedQueries(GraphQL, { custom: {} }) as never,
  })
  const schema = new GraphQL.GraphQLSchema({ query })

  it.each(Object.keys(PAIRS))('should give %s the fields of its contract schema', (name) => {
    const type = schema.getType(name)
    expect(type && GraphQL.isObjectType(type), name).toBe(true)
    expect(compareObject(type as GraphQLObjectType, name)).toEqual([])
  })

  it('should describe every object type of the consumer queries in the contract', () => {
    const objects = Object.values(schema.getTypeMap()).filter(
      (type) => GraphQL.isObjectType(type) && !type.name.startsWith('__') && type !== query,
    )
    expect(objects.map((type) => type.name).sort()).toEqual(
      [...Object.keys(PAIRS), 'FeedScope'].sort(),
    )
  })

  it('should flatten the variants of the contract scope into FeedScope', () => {
    const scope = schema.getType('FeedScope') as GraphQLObjectType
    const variants = (schemas.Scope!.oneOf ?? schemas.Scope!.anyOf) as JsonSchema[]
    const names = new Set(variants.flatMap((variant) => Object.keys(properties(variant))))
    expect(Object.keys(scope.getFields()).sort()).toEqual([...names].sort())
    const kind = scope.getFields().kind!
    expect(differences(kind.type, schemas.Scope!, false, 'FeedScope.kind')).toEqual([])
  })

  it('should report a field whose nullability differs from the contract', () => {
    const type = new GraphQL.GraphQLObjectType({
      name: 'FeedSource',
      fields: {
        title: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLString) },
        url: { type: GraphQL.GraphQLString },
      },
    })
    expect(compareObject(type, 'FeedSource')).toEqual([
      'FeedSource.title: non-null in GraphQL, nullable in the contract',
    ])
  })
})
