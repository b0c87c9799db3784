import type { CollectionBeforeOperationHook } from 'payload'

import { ValidationError } from 'payload'

import { translate } from '../../../utilities/translate'

/** Whether `url` names a file this CMS already stores: a path on this server, not a web address. */
const isLocal = (url: string, serverURL: string | undefined): boolean =>
  (url.startsWith('/') && !url.startsWith('//') && !url.startsWith('/\\')) ||
  (Boolean(serverURL) && url.startsWith(`${serverURL}/`))

/**
 * `beforeOperation` hook of the media collection: refuses with 400 a REST or Local API create or
 * update whose data names a remote file (`url` with a web address), which Payload would otherwise
 * download on the server. Files arrive as uploads; the admin's "paste URL" downloads in the editor's
 * browser. The stored file's own path, which the admin sends back on every save, is accepted.
 * (A GraphQL mutation's `url` is out of this hook's sight: there Payload's private-address filter
 * refuses loopback, private, link-local and metadata addresses, also behind DNS names and redirects.)
 */
export const refuseRemoteFiles: CollectionBeforeOperationHook = ({
  args,
  collection,
  operation,
  req,
}) => {
  if (operation !== 'create' && operation !== 'update') return args
  // Payload takes a remote source out of `args.data` on create before this hook runs; the request's
  // own data (REST) still shows what the client sent.
  const url =
    (args as { data?: { url?: unknown } }).data?.url ??
    (req.data as { url?: unknown } | undefined)?.url
  if (url === undefined || url === null || url === '') return args
  if (typeof url === 'string' && isLocal(url, req.payload.config.serverURL)) return args
  throw new ValidationError(
    {
      collection: collection.slug,
      errors: [{ message: translate(req.t, 'remoteFileRefused'), path: 'url' }],
      req,
    },
    req.t,
  )
}
