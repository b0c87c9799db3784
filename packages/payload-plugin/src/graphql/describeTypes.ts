import type { Config, Field } from 'payload'

import { englishText } from './describe'

type Description = unknown

/** One of Payload's `typescript.schema` steps. */
type SchemaStep = NonNullable<NonNullable<Config['typescript']>['schema']>[number]

/** The JSON Schema Payload turns into `payload-types.ts`. */
type JSONSchema4 = ReturnType<SchemaStep>

/** The English text of a description Payload leaves out of the types: one written as a function. */
const functionText = (description: Description): string | undefined =>
  typeof description === 'function' ? englishText(description) : undefined

const describeProperties = (schema: JSONSchema4 | undefined, fields: readonly Field[]): void => {
  const properties = schema?.properties
  if (!properties) return
  for (const field of fields) {
    if ('name' in field && field.name) {
      const property = properties[field.name]
      if (!property) continue
      const admin =
        'admin' in field ? (field.admin as { description?: Description } | undefined) : {}
      const text = functionText(admin?.description)
      if (text && !property.description) property.description = text
      if (field.type === 'group') describeProperties(property, field.fields)
      if (field.type === 'array') describeProperties(property.items as JSONSchema4, field.fields)
    } else if (field.type === 'tabs') {
      for (const tab of field.tabs) {
        if ('name' in tab && tab.name) {
          const property = properties[tab.name]
          const text = functionText(tab.description)
          if (property && text && !property.description) property.description = text
          describeProperties(property, tab.fields)
        } else {
          describeProperties(schema, tab.fields)
        }
      }
    } else if ('fields' in field) {
      // Rows and collapsibles: their fields belong to the surrounding interface.
      describeProperties(schema, field.fields)
    }
  }
}

/**
 * A `typescript.schema` step for `payload generate:types`: Payload writes a JSDoc comment for every
 * collection, global and field whose admin description is text, but skips descriptions written as
 * functions of `t` — which is how the plugin's are. This step puts their English text in, so
 * `payload-types.ts` documents the plugin's fields as it would a host's.
 */
export const describeTypes: SchemaStep = ({ config, jsonSchema }) => {
  const definitions = jsonSchema.definitions ?? {}
  for (const entity of [...config.collections, ...config.globals]) {
    const schema = definitions[entity.slug]
    if (!schema) continue
    const text = functionText(entity.admin?.description)
    if (text && !schema.description) schema.description = text
    describeProperties(schema, entity.fields)
  }
  return jsonSchema
}
