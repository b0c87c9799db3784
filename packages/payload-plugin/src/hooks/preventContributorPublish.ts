import type { CollectionBeforeValidateHook } from 'payload'

import { Forbidden } from 'payload'

import { hasAnyRole, hasRole } from '../access/roles'

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
