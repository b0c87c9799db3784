import type { CollectionBeforeOperationHook, CollectionBeforeValidateHook } from 'payload'

import { Forbidden } from 'payload'

import { hasAnyRole, hasRole } from '../access/roles'
import { storedStatus } from '../collections/drafts'

/**
 * `beforeValidate` hook closing the one path that update access cannot see: a contributor updating
 * a published document without saving a draft. Payload would write that straight to the live
 * document, so the change would be published without an editor. By the time this hook runs Payload
 * has merged the stored document into `data`, so a request without a status carries the stored
 * `published`; only a draft save (`_status: 'draft'`) passes.
 */
export const preventContributorPublish: CollectionBeforeValidateHook = ({
  data,
  operation,
  originalDoc,
  req,
}) => {
  const contributorOnly = hasAnyRole(req.user) && !hasRole(req.user, 'admin', 'editor')
  if (
    contributorOnly &&
    operation === 'update' &&
    data?._status !== 'draft' &&
    (originalDoc as { _status?: unknown } | undefined)?._status === 'published'
  ) {
    throw new Forbidden(req.t)
  }
  return data
}

/**
 * `beforeOperation` hook closing the reverse path: a contributor saving `_status: 'draft'` to a
 * published document without the draft flag. Payload writes that to the live document, which
 * unpublishes it; unpublishing is an editor's decision. Draft saves (`?draft=true`, GraphQL
 * `draft: true`, autosave) keep the live version and pass.
 */
export const preventContributorUnpublish: CollectionBeforeOperationHook = async ({
  args,
  collection,
  operation,
  req,
}) => {
  const contributorOnly = hasAnyRole(req.user) && !hasRole(req.user, 'admin', 'editor')
  if (!contributorOnly || (operation !== 'update' && operation !== 'updateByID')) return args
  const { data, draft, id } = args as {
    data?: { _status?: unknown }
    draft?: boolean
    id?: unknown
  }
  if (draft || data?._status !== 'draft') return args
  // A bulk update can reach published documents; a contributor has no use for it.
  if (id === undefined) throw new Forbidden(req.t)
  if ((await storedStatus(req, collection.slug, id)) === 'published') throw new Forbidden(req.t)
  return args
}
