import type { TFunction } from '@payloadcms/translations'

import { isCountryCode } from '../utilities/countries'
import { isTimeZone } from '../utilities/timeZone'
import { translate } from '../utilities/translate'
import { isHttpUrl } from '../utilities/url'

/** The part of Payload's validate options these validators read. */
export type ValidatorArgs = {
  req?: { t?: TFunction }
  required?: boolean
  siblingData?: unknown
}

type Result = string | true

const isEmpty = (value: unknown): boolean =>
  value === undefined || value === null || value === '' || (Array.isArray(value) && !value.length)

const requiredMessage = (args: ValidatorArgs): string =>
  args.req?.t ? args.req.t('validation:required') : 'This field is required.'

const checkRequired = (value: unknown, args: ValidatorArgs): Result | undefined => {
  if (!isEmpty(value)) return undefined
  return args.required ? requiredMessage(args) : true
}

/** Field validator: an absolute `http:`/`https:` URL (see {@link isHttpUrl}); empty passes unless required. */
export const validateHttpUrl = (value: unknown, args: ValidatorArgs = {}): Result =>
  checkRequired(value, args) ?? (isHttpUrl(value) || translate(args.req?.t, 'invalidUrl'))

/** Field validator: one ISO 3166-1 alpha-2 code, or a list of them (`hasMany`). */
export const validateCountry = (value: unknown, args: ValidatorArgs = {}): Result => {
  const empty = checkRequired(value, args)
  if (empty !== undefined) return empty
  const values = Array.isArray(value) ? value : [value]
  const invalid = values.find((code) => !isCountryCode(code))
  return (
    invalid === undefined || translate(args.req?.t, 'invalidCountry', { value: String(invalid) })
  )
}

/** Field validator: an IANA time zone name (see {@link isTimeZone}). */
export const validateTimeZone = (value: unknown, args: ValidatorArgs = {}): Result =>
  checkRequired(value, args) ??
  (isTimeZone(value) || translate(args.req?.t, 'invalidTimeZone', { value: String(value) }))

/** Field validator: a finite number that is zero or more. */
export const validateNonNegative = (value: unknown, args: ValidatorArgs = {}): Result => {
  const empty = checkRequired(value, args)
  if (empty !== undefined) return empty
  const number = typeof value === 'number' ? value : Number(value)
  if (!Number.isFinite(number))
    return args.req?.t ? args.req.t('validation:enterNumber') : 'Enter a number.'
  return number >= 0 || translate(args.req?.t, 'negativeValue')
}

const toTime = (value: unknown): number =>
  value instanceof Date ? value.getTime() : typeof value === 'string' ? Date.parse(value) : NaN

/**
 * Field validator for an end date: later than the sibling `startsAt` (or the sibling named by `startField`).
 * Passes when either date is missing or unreadable; `required` and the date check report those.
 */
export const validateEndsAfterStart =
  (startField = 'startsAt') =>
  (value: unknown, args: ValidatorArgs = {}): Result => {
    const empty = checkRequired(value, args)
    if (empty !== undefined) return empty
    const end = toTime(value)
    const start = toTime((args.siblingData as Record<string, unknown> | undefined)?.[startField])
    if (Number.isNaN(end) || Number.isNaN(start)) return true
    return end > start || translate(args.req?.t, 'endsBeforeStart')
  }
