import type { GraphQLInfo, SanitizedCollectionConfig, SanitizedGlobalConfig } from 'payload'

import { englishText } from './describe'

/**
 * Descriptions of the root queries and mutations Payload makes for every collection and global
 * (`NewsItem`, `News`, `countNews`, `createNewsItem`, `loginUser`…), which `@payloadcms/graphql`
 * leaves without one, so that the schema browser's first screen says what each does.
 */

type Operations = Record<string, string>

/** A label inside a sentence: lower case, unless it starts with an acronym (`API key`). */
const inSentence = (label: string): string =>
  /^[A-Z]{2}/.test(label) ? label : label.charAt(0).toLowerCase() + label.slice(1)

const collectionOperations = (
  singular: string,
  plural: string,
  config: SanitizedCollectionConfig,
): Operations => {
  const one = inSentence(englishText(config.labels?.singular) ?? singular)
  const many = inSentence(englishText(config.labels?.plural) ?? plural)
  const operations: Operations = {
    [singular]: `One ${one} by id; null when there is none you may read.`,
    [plural]: `${many.charAt(0).toUpperCase()}${many.slice(1)} you may read, filtered by \`where\`, sorted by \`sort\`, a page of \`limit\` at a time.`,
    [`count${plural}`]: `How many ${many} you may read match \`where\`.`,
    [`docAccess${singular}`]: `What you may do with one ${one}: read, update, delete, and which fields.`,
    [`create${singular}`]: `Creates a ${one} and returns it.`,
    [`update${singular}`]: `Changes a ${one} by id and returns it; fields not given keep their value.`,
    [`delete${singular}`]: `Deletes a ${one} by id and returns it as it was.`,
    [`duplicate${singular}`]: `Copies a ${one} by id into a new one and returns the copy.`,
    [`version${singular}`]: `One earlier version of a ${one}, by the version's id.`,
    [`versions${plural}`]: `Earlier versions of ${many} you may read, a page at a time.`,
    [`restoreVersion${singular}`]: `Makes an earlier version of a ${one} its current content and returns it.`,
  }
  if (config.auth) {
    Object.assign(operations, {
      [`me${singular}`]: `The signed-in ${one}, with the token's expiry; null when no one is signed in.`,
      [`initialized${singular}`]: `Whether a first ${one} exists (until then the admin offers to create one).`,
      [`login${singular}`]: `Signs a ${one} in with email and password; returns the ${one} and a token (also set as a cookie).`,
      [`logout${singular}`]: `Signs the current ${one} out and ends the session.`,
      [`refreshToken${singular}`]: `Gives the signed-in ${one} a fresh token before the current one expires.`,
      [`forgotPassword${singular}`]: `Sends a password reset link to the ${one} with that email, if there is one.`,
      [`resetPassword${singular}`]: `Sets a new password with the token of a reset link and signs the ${one} in.`,
      [`unlock${singular}`]: `Unlocks a ${one} locked after too many failed sign-ins.`,
      [`verifyEmail${singular}`]: `Confirms a ${one}'s email address with the token sent to it.`,
    })
  }
  return operations
}

const globalOperations = (name: string, config: SanitizedGlobalConfig): Operations => {
  const label = inSentence(englishText(config.label) ?? name)
  return {
    [name]: `The ${label} (a global: one document).`,
    [`docAccess${name}`]: `What you may do with the ${label}: read, update, and which fields.`,
    [`update${name}`]: `Changes the ${label} and returns it; fields not given keep their value.`,
    [`version${name}`]: `One earlier version of the ${label}, by the version's id.`,
    [`versions${name}`]: `Earlier versions of the ${label}.`,
    [`restoreVersion${name}`]: `Makes an earlier version of the ${label} its current content.`,
  }
}

const describeFields = (fields: Record<string, { description?: string }>, texts: Operations) => {
  for (const [name, text] of Object.entries(texts)) {
    const field = fields[name]
    if (field && !field.description) field.description = text
  }
}

/**
 * Describes the root queries and mutations of every collection and global (and `Access`), in
 * English, from their labels. Call it with the `GraphQLInfo` Payload passes to `graphQL.queries`:
 * every collection's and global's operations exist by then. Descriptions already set are kept.
 */
export const describeOperations = (
  info: Pick<GraphQLInfo, 'collections' | 'globals' | 'Mutation' | 'Query'>,
): void => {
  const texts: Operations = {
    Access: 'What you may do on each collection and global: the permissions of the current user.',
  }
  for (const { config, graphQL } of Object.values(info.collections)) {
    const singular = (graphQL?.type as { name?: string } | undefined)?.name
    const plural = (graphQL?.paginatedType as { name?: string } | undefined)?.name
    if (singular && plural) {
      Object.assign(
        texts,
        collectionOperations(singular, plural, config as SanitizedCollectionConfig),
      )
    }
  }
  const globals = info.globals as {
    config: SanitizedGlobalConfig[] | Record<string, SanitizedGlobalConfig>
    graphQL?: Record<string, { type?: { name?: string } } | undefined>
  }
  // `@payloadcms/graphql` keys the globals' types as it keys their configs (by index).
  for (const [key, config] of Object.entries(globals.config)) {
    const name = globals.graphQL?.[key]?.type?.name
    if (name) Object.assign(texts, globalOperations(name, config))
  }
  describeFields(info.Query.fields, texts)
  describeFields(info.Mutation.fields, texts)
}
