import { createHash } from 'node:crypto'

import {
  CLIENT_ADDRESS_HEADER,
  graphQLCacheControl,
  MAX_QUERY_LIMIT,
  readBodyWithin,
} from '@etw/payload-plugin'
import { GRAPHQL_POST } from '@payloadcms/next/routes'
import type { DocumentNode, OperationDefinitionNode } from 'graphql'
import { GraphQLError, Kind, parse } from 'graphql'
import type { SanitizedConfig } from 'payload'

import { chargeClientBudget, refusalPause } from '../client-budgets'
import { graphQLCost } from '../request-cost'
import { GRAPHQL_LIMITS } from './limits'

/** What the `/api/graphql` route exports. */
export interface GraphQLHandlers {
  /** Anonymous, cacheable reads: `?query=…&variables=…&operationName=…`; mutations refused. */
  GET: (request: Request) => Promise<Response>
  /** Payload's GraphQL endpoint behind the body size limit. */
  POST: (request: Request) => Promise<Response>
}

/**
 * `Vary` of GET answers: the answer depends on the credentials, the negotiated media type and the
 * content coding (the server compresses answers as `Accept-Encoding` asks).
 */
export const GRAPHQL_GET_VARY = 'Accept, Accept-Encoding, Authorization, Cookie'

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(body), {
    status,
    headers: {
      'cache-control': 'no-store',
      'content-type': 'application/json; charset=utf-8',
      ...headers,
    },
  })

/** A GraphQL-style error answer (`{ errors: [{ message }] }`), never cached. */
const graphQLError = (
  status: number,
  message: string,
  headers: Record<string, string> = {},
  extra: Record<string, unknown> = {},
): Response =>
  json(status, { errors: [{ message, extensions: { statusCode: status }, ...extra }] }, headers)

const tooLarge = (limit: number): Response =>
  graphQLError(413, `The request is larger than ${limit} bytes; send a smaller GraphQL document.`)

/** Strong entity tag of a body: 27 base64url characters of its SHA-256. */
const entityTag = (body: string): string =>
  `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`

/** Whether `If-None-Match` lists `tag` (weak comparison) or is `*`. */
const matches = (ifNoneMatch: string | null, tag: string): boolean => {
  if (ifNoneMatch === null) return false
  if (ifNoneMatch.trim() === '*') return true
  return (ifNoneMatch.match(/(?:W\/)?"[^"]*"/g) ?? []).some(
    (value) => value.replace(/^W\//, '') === tag,
  )
}

/** Whether the request carries credentials: an `Authorization` header or Payload's auth cookie. */
const hasCredentials = (request: Request, cookiePrefix: string): boolean => {
  if (request.headers.has('authorization')) return true
  const cookie = request.headers.get('cookie') ?? ''
  const name = `${cookiePrefix}-token`
  return cookie.split(';').some((part) => part.trim().startsWith(`${name}=`))
}

/** The operation that `operationName` (or the only operation) selects; `undefined` when unclear. */
const selectOperation = (
  document: DocumentNode,
  operationName: string | null,
): OperationDefinitionNode | undefined => {
  const operations = document.definitions.filter(
    (definition): definition is OperationDefinitionNode =>
      definition.kind === Kind.OPERATION_DEFINITION,
  )
  if (operationName !== null) {
    return operations.find((operation) => operation.name?.value === operationName)
  }
  return operations.length === 1 ? operations[0] : undefined
}

const hasErrors = (body: string): boolean => {
  try {
    const parsed: unknown = JSON.parse(body)
    return typeof parsed !== 'object' || parsed === null || 'errors' in parsed
  } catch {
    return true
  }
}

type GetParams = { query: string; variables: unknown; operationName: string | null }

/** Reads `query`, `variables` and `operationName`; an error answer when they are unusable. */
const readGetParams = (url: URL, limit: number): GetParams | Response => {
  const { searchParams } = url
  for (const name of ['query', 'variables', 'operationName']) {
    if (searchParams.getAll(name).length > 1) {
      return graphQLError(400, `"${name}" is given more than once; give it once.`)
    }
  }
  const query = searchParams.get('query')
  if (query === null || query.trim() === '') {
    return graphQLError(400, 'Give the GraphQL document in the "query" parameter.')
  }
  const variablesText = searchParams.get('variables')
  if (Buffer.byteLength(query) + Buffer.byteLength(variablesText ?? '') > limit) {
    return tooLarge(limit)
  }
  let variables: unknown
  if (variablesText !== null && variablesText.trim() !== '') {
    try {
      variables = JSON.parse(variablesText)
    } catch {
      return graphQLError(400, '"variables" is not valid JSON: give a JSON object.')
    }
    if (typeof variables !== 'object' || variables === null || Array.isArray(variables)) {
      return graphQLError(400, '"variables" must be a JSON object.')
    }
  }
  return { query, variables, operationName: searchParams.get('operationName') }
}

/** The document in `query`, or `undefined` when it does not parse (GraphQL refuses it then). */
const parseQuiet = (query: unknown): DocumentNode | undefined => {
  if (typeof query !== 'string') return undefined
  try {
    return parse(query)
  } catch {
    return undefined
  }
}

/**
 * Spends the cost of `document` (beyond the 1 point the server spent to admit the request) from
 * the client's budget; a 429 with `Retry-After` when it is not left, sent after the refusal pause.
 * A document that does not parse costs nothing more: GraphQL refuses it before it runs.
 */
const spendDocumentCost = async (
  request: Request,
  document: DocumentNode | undefined,
  config: SanitizedConfig,
): Promise<Response | undefined> => {
  const address = request.headers.get(CLIENT_ADDRESS_HEADER)
  if (!address || !document) return undefined
  const cost = graphQLCost(document, {
    maxLimit: MAX_QUERY_LIMIT,
    // Payload's default page size.
    defaultLimit: 10,
    maxDepth: config.maxDepth,
    defaultDepth: config.defaultDepth,
  })
  const refusal = await chargeClientBudget(address, cost - 1)
  if (!refusal) return undefined
  await new Promise((resolve) => setTimeout(resolve, refusalPause(refusal)))
  return graphQLError(429, refusal.message, { 'retry-after': String(refusal.retryAfterSeconds) })
}

/**
 * A 400 answer when a POST body is not a JSON object, else the parsed object. Payload's handler
 * answers a body that does not parse with a 500.
 */
const refuseMalformedJson = (body: Uint8Array): Response | { query?: unknown } => {
  let parsed: unknown
  try {
    parsed = JSON.parse(new TextDecoder().decode(body))
  } catch (error) {
    return graphQLError(400, `The request body is not valid JSON: ${(error as Error).message}`)
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return graphQLError(400, 'The request body must be a JSON object with a "query".')
  }
  return parsed
}

/**
 * The GraphQL route: Payload's POST handler behind a body size limit, and a GET handler for
 * read-only operations that a CDN can cache. GET answers of anonymous requests carry a strong
 * `ETag`, answer `304` to a matching `If-None-Match` and are `Cache-Control: public` with the feed's
 * ages; those of requests with credentials are `private, no-store`; errors are never cached.
 * Mutations over GET are refused with 405 and `Allow: POST`.
 */
export const createGraphQLHandlers = (
  configPromise: Promise<SanitizedConfig> | SanitizedConfig,
  { maxBodyBytes = GRAPHQL_LIMITS.maxBodyBytes }: { maxBodyBytes?: number } = {},
): GraphQLHandlers => {
  const payloadPost = GRAPHQL_POST(configPromise)

  const POST = async (request: Request): Promise<Response> => {
    const body = await readBodyWithin(request, maxBodyBytes)
    if (body === undefined) return tooLarge(maxBodyBytes)
    const parsed = refuseMalformedJson(body)
    if (parsed instanceof Response) return parsed
    const overBudget = await spendDocumentCost(
      request,
      parseQuiet(parsed.query),
      await configPromise,
    )
    if (overBudget) return overBudget
    return payloadPost(new Request(request.url, { method: 'POST', headers: request.headers, body }))
  }

  const GET = async (request: Request): Promise<Response> => {
    const config = await configPromise
    const url = new URL(request.url)
    const params = readGetParams(url, maxBodyBytes)
    if (params instanceof Response) return params
    let document: DocumentNode
    try {
      document = parse(params.query)
    } catch (error) {
      if (error instanceof GraphQLError) {
        return graphQLError(400, error.message, {}, { locations: error.locations })
      }
      throw error
    }
    const operation = selectOperation(document, params.operationName)
    if (operation && operation.operation !== 'query') {
      return graphQLError(
        405,
        `${operation.operation === 'mutation' ? 'Mutations' : 'Subscriptions'} are not allowed over GET: send them with POST.`,
        { allow: 'POST' },
      )
    }
    const overBudget = await spendDocumentCost(request, document, config)
    if (overBudget) return overBudget
    const headers = new Headers(request.headers)
    headers.delete('content-length')
    headers.set('content-type', 'application/json')
    const response = await payloadPost(
      new Request(`${url.origin}${url.pathname}`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          query: params.query,
          variables: params.variables,
          operationName: params.operationName ?? undefined,
        }),
      }),
    )
    const text = await response.text()
    const answerHeaders = new Headers(response.headers)
    answerHeaders.delete('content-length')
    answerHeaders.set('vary', GRAPHQL_GET_VARY)
    if (hasCredentials(request, config.cookiePrefix)) {
      answerHeaders.set('cache-control', 'private, no-store')
    } else if (response.status === 200 && !hasErrors(text)) {
      const tag = entityTag(text)
      answerHeaders.set('etag', tag)
      answerHeaders.set('cache-control', graphQLCacheControl(config))
      if (matches(request.headers.get('if-none-match'), tag)) {
        answerHeaders.delete('content-type')
        return new Response(null, { status: 304, headers: answerHeaders })
      }
    } else {
      answerHeaders.set('cache-control', 'no-store')
    }
    return new Response(text, { status: response.status, headers: answerHeaders })
  }

  return { GET, POST }
}
