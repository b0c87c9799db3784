import type { TFunction } from '@payloadcms/translations'
import type { CollectionBeforeOperationHook, CollectionBeforeValidateHook } from 'payload'

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

const refuse = (
  collection: { slug: string },
  req: Parameters<CollectionBeforeValidateHook>[0]['req'],
  password: unknown,
): void => {
  const result = checkPasswordPolicy(password, req.t)
  if (result === true) return
  throw new ValidationError(
    { collection: collection.slug, errors: [{ message: result, path: 'password' }], req },
    req.t,
  )
}

/**
 * `beforeValidate` hook of the users collection: refuses a new password that breaks
 * {@link checkPasswordPolicy} with a 400 validation error on `password`, before anything is hashed or
 * stored. It runs after access checks, for create (first-user registration included) and update
 * through REST, GraphQL and the Local API. A save without a password (or with an empty one on update,
 * which Payload ignores) is left alone.
 */
export const enforcePasswordPolicy: CollectionBeforeValidateHook = ({
  collection,
  data,
  operation,
  req,
}) => {
  const password = (data as { password?: unknown } | undefined)?.password
  if (password === undefined || password === null) return data
  if (operation === 'update' && password === '') return data
  refuse(collection, req, password)
  return data
}

/**
 * `beforeOperation` hook of the users collection: applies {@link checkPasswordPolicy} to the new
 * password of a reset (the reset token is the caller's authority; no access check comes first).
 */
export const enforcePasswordPolicyOnReset: CollectionBeforeOperationHook = ({
  args,
  collection,
  operation,
  req,
}) => {
  if (operation !== 'resetPassword') return args
  refuse(collection, req, (args as { data?: { password?: unknown } }).data?.password)
  return args
}
