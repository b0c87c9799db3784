import type { CollectionBeforeValidateHook } from 'payload'

import { ValidationError } from 'payload'

import type { ValidatorArgs } from '../fields/validators'

type FormatCheck = {
  /** Dotted path of the field in the document, e.g. `'source.url'`. */
  path: string
  validate: (value: unknown, args: ValidatorArgs) => string | true
}

const valueAt = (data: Record<string, unknown>, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>(
      (value, key) =>
        typeof value === 'object' && value !== null
          ? (value as Record<string, unknown>)[key]
          : undefined,
      data,
    )

/**
 * `beforeValidate` hook that applies format checks (links, countries, time zones) to every save,
 * drafts and autosaves included: Payload skips field validation for drafts, yet a `javascript:` link
 * or an unknown country must never be stored. Only values present in the incoming data are checked.
 */
export const validateFormats =
  (checks: FormatCheck[]): CollectionBeforeValidateHook =>
  ({ collection, data, req }) => {
    if (!data) return data
    const errors = checks.flatMap(({ path, validate }) => {
      const value = valueAt(data, path)
      if (value === undefined || value === null || value === '') return []
      const result = validate(value, { req, siblingData: data })
      return result === true ? [] : [{ message: result, path }]
    })
    if (errors.length > 0) {
      throw new ValidationError({ collection: collection.slug, errors, req }, req.t)
    }
    return data
  }
