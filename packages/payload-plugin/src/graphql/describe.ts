import type { GraphQLField, GraphQLNamedType, GraphQLObjectType, GraphQLType } from 'graphql'
import type { Field, GraphQLInfo, SanitizedCollectionConfig } from 'payload'

import { en } from '@payloadcms/translations/languages/en'

import { etwTranslationsOf } from '../translations'

/**
 * Descriptions in the GraphQL schema. `@payloadcms/graphql` leaves out every label and admin
 * description; this step copies them, in English, onto the object types Payload builds for
 * collections and onto their fields, so that introspection and the printed schema document them.
 */

/** A label or description as Payload configs hold them: text, text per language, or a function. */
type Text = unknown

const englishTranslations: Record<string, Record<string, string>> = {
  ...(en.translations as unknown as Record<string, Record<string, string>>),
  etw: etwTranslationsOf('en'),
}

/** Payload's `t` for English: the labels of the fields Payload adds itself and the plugin's own. */
const englishT = (key: string): string => {
  const [group = '', name = ''] = key.split(':')
  return englishTranslations[group]?.[name] ?? key
}

/** The English text of a label or description; `undefined` when there is none. */
export const englishText = (value: Text): string | undefined => {
  if (typeof value === 'string') return value.trim() || undefined
  if (typeof value === 'function') {
    const text: unknown = (value as (args: object) => unknown)({
      i18n: { language: 'en', t: englishT },
      t: englishT,
    })
    return englishText(text)
  }
  if (typeof value === 'object' && value !== null) {
    const texts = value as Record<string, unknown>
    return englishText(texts.en ?? Object.values(texts).find((text) => typeof text === 'string'))
  }
  return undefined
}

/** The description of a field or collection, else its label. */
const describe = (description: Text, label: Text): string | undefined =>
  englishText(description) ?? englishText(label)

const namedObjectType = (type: GraphQLType): GraphQLObjectType | undefined => {
  let named: GraphQLType = type
  while ('ofType' in named && named.ofType) named = named.ofType as GraphQLType
  // Duck-typed: the schema may be built by another copy of `graphql` than this module's.
  const candidate = named as GraphQLNamedType
  return 'getFields' in candidate && !('getValues' in candidate) && !('parseLiteral' in candidate)
    ? (candidate as GraphQLObjectType)
    : undefined
}

/** Sets the descriptions of `type`'s fields from the Payload `fields` it was built from. */
const describeFields = (type: GraphQLObjectType, fields: readonly Field[]): void => {
  const graphQLFields = type.getFields() as Record<string, GraphQLField<unknown, unknown>>
  for (const field of fields) {
    if ('name' in field && field.name) {
      const graphQLField = graphQLFields[field.name]
      if (!graphQLField) continue
      const admin = 'admin' in field ? (field.admin as { description?: Text } | undefined) : {}
      const text = describe(admin?.description, 'label' in field ? field.label : undefined)
      if (text && !graphQLField.description) graphQLField.description = text
      if ((field.type === 'group' || field.type === 'array') && 'fields' in field) {
        const nested = namedObjectType(graphQLField.type)
        if (nested) {
          if (text && !nested.description) nested.description = text
          describeFields(nested, field.fields)
        }
      }
    } else if (field.type === 'tabs') {
      for (const tab of field.tabs) {
        if ('name' in tab && tab.name) {
          const graphQLField = graphQLFields[tab.name]
          const nested = graphQLField && namedObjectType(graphQLField.type)
          const text = describe(tab.description, tab.label)
          if (graphQLField && text && !graphQLField.description) graphQLField.description = text
          if (nested) describeFields(nested, tab.fields)
        } else {
          describeFields(type, tab.fields)
        }
      }
    } else if ('fields' in field) {
      // Rows and collapsibles: their fields belong to the surrounding type.
      describeFields(type, field.fields)
    }
  }
}

/**
 * Describes the object type of every collection and its fields from the collections' admin
 * descriptions (or labels where a collection or field has no description), in English. Call it with
 * the `GraphQLInfo` Payload passes to `graphQL.queries`: every collection type exists by then.
 * Descriptions already set are kept.
 */
export const describeCollectionTypes = (info: Pick<GraphQLInfo, 'collections'>): void => {
  for (const { config, graphQL } of Object.values(info.collections)) {
    const type = graphQL?.type as GraphQLObjectType | undefined
    if (!type) continue
    const collection = config as SanitizedCollectionConfig
    const text = describe(collection.admin?.description, collection.labels?.singular)
    if (text && !type.description) type.description = text
    const id = type.getFields().id
    if (id && !id.description) id.description = 'Unique identifier of the document.'
    describeFields(type, collection.fields)
  }
}
