import type { TFunction } from '@payloadcms/translations'
import type { CollectionBeforeOperationHook } from 'payload'

import { ValidationError } from 'payload'

import { translate } from '../../../utilities/translate'

/** Fewest characters a password may have. */
export const PASSWORD_MIN_LENGTH = 12

/** Most characters a password may have: long passphrases fit, hashing cost stays bounded. */
export const PASSWORD_MAX_LENGTH = 1024

/**
 * Checks a new password against the policy: {@link PASSWORD_MIN_LENGTH} to
 * {@link PASSWORD_MAX_LENGTH} characters, counted as Unicode code points so a passphrase in
 * Ukrainian or Azerbaijani counts the letters a person typed. Spaces and every script are allowed.
 * Returns `true` or the message to show, translated with `t` when given.
 */
export const checkPasswordPolicy = (password: unknown, t?: TFunction): string | true => {
  const length = typeof password === 'string' ? [...password].length : 0
  if (length < PASSWORD_MIN_LENGTH) {
    return translate(t, 'passwordTooShort', { min: PASSWORD_MIN_LENGTH })
  }
  if (length > PASSWORD_MAX_LENGTH) {
    return translate(t, 'passwordTooLong', { max: PASSWORD_MAX_LENGTH })
  }
  return true
}

/** The operations that set a password: create (also first-user registration), update, reset. */
const SETS_PASSWORD = new Set(['create', 'resetPassword', 'update'])

/**
 * `beforeOperation` hook of the users collection: refuses a new password that breaks
 * {@link checkPasswordPolicy} with a 400 validation error on `password`, before anything is hashed or
 * stored. It runs for REST, GraphQL and the Local API alike. An update without a password (or with an
 * empty one, which Payload ignores) is left alone.
 */
export const enforcePasswordPolicy: CollectionBeforeOperationHook = ({
  args,
  collection,
  operation,
  req,
}) => {
  if (!SETS_PASSWORD.has(operation)) return args
  const data = (args as { data?: { password?: unknown } }).data
  const password = data?.password
  if (password === undefined || password === null) return args
  if (operation === 'update' && password === '') return args
  const result = checkPasswordPolicy(password, req.t)
  if (result !== true) {
    throw new ValidationError(
      { collection: collection.slug, errors: [{ message: result, path: 'password' }], req },
      req.t,
    )
  }
  return args
}
