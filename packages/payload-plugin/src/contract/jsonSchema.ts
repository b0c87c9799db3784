import * as z from 'zod'

import type { ParameterSettings } from './parameters'

import { parameterDefinitions } from './parameters'
import { NAMED_SCHEMAS } from './schemas'

/** A JSON Schema (draft 2020-12) object. */
export type JsonSchema = Record<string, unknown>

/** Where OpenAPI keeps named schemas. */
export const COMPONENTS = '#/components/schemas/'

/** Keywords only the TypeScript generator reads (`tsType`), and the per-document keywords. */
const NOT_OPENAPI = new Set(['$id', '$schema', 'tsType'])

const clean = (value: unknown, drop: ReadonlySet<string>): unknown => {
  if (Array.isArray(value)) return value.map((item) => clean(item, drop))
  if (typeof value !== 'object' || value === null) return value
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !drop.has(key))
      .map(([key, item]) => [key, clean(item, drop)]),
  )
}

/**
 * Every named schema (and `extra` ones) as JSON Schema, by name, each referring to the others
 * with `prefix` + name; `keep` keeps the generator-only keywords.
 */
export const namedJsonSchemas = (
  { extra = [], keep = false, prefix = COMPONENTS } = {} as {
    extra?: [string, z.ZodType][]
    keep?: boolean
    prefix?: string
  },
): Record<string, JsonSchema> => {
  const registry = z.registry<{ id: string }>()
  for (const [id, schema] of [...NAMED_SCHEMAS, ...extra]) registry.add(schema, { id })
  const { schemas } = z.toJSONSchema(registry, {
    io: 'output',
    target: 'draft-2020-12',
    unrepresentable: 'throw',
    uri: (id) => `${prefix}${id}`,
  })
  const drop = keep ? new Set(['$id', '$schema']) : NOT_OPENAPI
  return clean(schemas, drop) as Record<string, JsonSchema>
}

/** Names the client's types have where OpenAPI names the component otherwise. */
export const CLIENT_TYPE_NAMES: Record<string, string> = { Error: 'FeedErrorBody' }

/** Named schemas only the client's types have: no answer of its own. */
export const CLIENT_ONLY = new Set(['HealthResponse', 'Page', 'TextMarks'])

/** `components.schemas` of `docs/openapi.yaml`. */
export const openApiSchemas = (): Record<string, JsonSchema> =>
  Object.fromEntries(Object.entries(namedJsonSchemas()).filter(([id]) => !CLIENT_ONLY.has(id)))

/** `components.parameters` of `docs/openapi.yaml`, for the configured locales and limits. */
export const openApiParameters = (settings: ParameterSettings): Record<string, JsonSchema> => {
  const definitions = Object.entries(parameterDefinitions(settings))
  const names = new Map(NAMED_SCHEMAS.map(([id, schema]) => [schema, id]))
  const schemas = namedJsonSchemas({
    extra: definitions.flatMap(([key, { schema }]): [string, z.ZodType][] =>
      // A copy: the same schema inside another parameter must not refer to this one.
      names.has(schema) ? [] : [[`parameter:${key}`, schema.meta({})]],
    ),
  })
  return Object.fromEntries(
    definitions.map(([key, definition]) => [
      key,
      {
        name: definition.name,
        in: definition.in,
        ...(definition.required ? { required: true } : {}),
        description: definition.description,
        ...(definition.list ? { style: 'form', explode: false } : {}),
        schema: names.has(definition.schema)
          ? { $ref: `${COMPONENTS}${names.get(definition.schema)}` }
          : schemas[`parameter:${key}`],
        ...(definition.example === undefined ? {} : { example: definition.example }),
      },
    ]),
  )
}
