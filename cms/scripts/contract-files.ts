/**
 * The files generated from the feed's contract (`packages/payload-plugin/src/contract`):
 * `@etw/client`'s types and `docs/openapi.yaml`'s `components.schemas` and
 * `components.parameters`. `generate-contract.ts` writes them; a test compares them with the
 * committed files.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { compile } from 'json-schema-to-typescript'
import prettier from 'prettier'
import { parseDocument } from 'yaml'

import type { SanitizedConfig } from 'payload'

import type { ParameterSettings } from '../../packages/payload-plugin/src/contract/parameters'

import {
  CLIENT_TYPE_NAMES,
  namedJsonSchemas,
  openApiParameters,
  openApiSchemas,
} from '../../packages/payload-plugin/src/contract/jsonSchema'
import { clientQuerySchemas } from '../../packages/payload-plugin/src/contract/routes'
import { DEFAULT_FEED_OPTIONS } from '../../packages/payload-plugin/src/defaults'
import { readFeedOptions } from '../../packages/payload-plugin/src/feed/options'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** The generated files, relative to the repository. */
export const CLIENT_TYPES_FILE = 'packages/client/src/types.ts'
export const OPENAPI_FILE = 'docs/openapi.yaml'

const format = async (text: string, file: string) =>
  prettier.format(text, {
    ...(await prettier.resolveConfig(path.join(root, file))),
    filepath: path.join(root, file),
  })

const DEFS = '#/$defs/'

/** `packages/client/src/types.ts`: one type per named schema and query, with its JSDoc. */
export const renderClientTypes = async (settings: ParameterSettings): Promise<string> => {
  const schemas = namedJsonSchemas({
    extra: clientQuerySchemas(settings),
    keep: true,
    prefix: DEFS,
  })
  const typeName = (id: string) => CLIENT_TYPE_NAMES[id] ?? id
  const $defs = Object.fromEntries(
    Object.entries(schemas).map(([id, schema]) => [id, { ...schema, title: typeName(id) }]),
  )
  const parts: string[] = []
  for (const [id, schema] of Object.entries($defs)) {
    parts.push(
      await compile({ ...schema, $defs } as never, typeName(id), {
        additionalProperties: false,
        bannerComment: '',
        declareExternallyReferenced: false,
        format: false,
        ignoreMinAndMaxItems: true,
        strictIndexSignatures: true,
        unknownAny: true,
      }),
    )
  }
  const banner = `/**
 * Types of the public feed API (\`/api/etw/v1/…\`): the shapes the CMS answers with and the
 * parameters it takes. Generated from the feed's contract (\`packages/payload-plugin/src/contract\`)
 * by \`pnpm generate\`: change the contract, not this file.
 */
`
  return format(`${banner}\n${parts.join('\n')}`, CLIENT_TYPES_FILE)
}

/**
 * `docs/openapi.yaml` with its `components.schemas` and `components.parameters` made from the
 * contract; everything else (paths, responses, headers, comments) is kept as written.
 */
export const renderOpenApi = async (
  current: string,
  settings: ParameterSettings,
): Promise<string> => {
  const document = parseDocument(current)
  const generated = (value: unknown) => {
    const node = document.createNode(value)
    node.commentBefore =
      " Generated from the feed's contract (packages/payload-plugin/src/contract) by `pnpm generate`."
    return node
  }
  document.setIn(['components', 'parameters'], generated(openApiParameters(settings)))
  document.setIn(['components', 'schemas'], generated(openApiSchemas()))
  return format(document.toString({ lineWidth: 0 }), OPENAPI_FILE)
}

/** What the generated files depend on, from the CMS's config: its locales and `maxLimit`. */
export const settingsOf = (config: SanitizedConfig): ParameterSettings => {
  const feed = readFeedOptions(config)
  return {
    defaultLocale: config.localization ? config.localization.defaultLocale : 'en',
    locales: config.localization ? config.localization.localeCodes : ['en'],
    maxLimit: feed === false ? DEFAULT_FEED_OPTIONS.maxLimit : feed.maxLimit,
  }
}

/** Reads a generated file as committed. */
export const readCommitted = (file: string): string =>
  fs.readFileSync(path.join(root, file), 'utf8')

/** Writes a generated file. */
export const writeGenerated = (file: string, text: string): void =>
  fs.writeFileSync(path.join(root, file), text)
