import type { SelectField, SelectFieldManyValidation, SelectFieldSingleValidation } from 'payload'

import type { EtwLabel } from '../utilities/labels'

import { countryOptions } from '../utilities/countries'
import { validateCountry } from './validators'
import { etwText } from '../utilities/labels'

type CountryFieldArgs = {
  admin?: SelectField['admin']
  hasMany?: boolean
  index?: boolean
  label?: EtwLabel
  name?: string
  required?: boolean
  /** Replaces the ISO-code check, e.g. to add a condition; call `validateCountry` from it. */
  validate?: SelectFieldSingleValidation
}

const defaultLabel: EtwLabel = etwText('countryLabel')

/**
 * A select of every ISO 3166-1 alpha-2 code (stored upper case, e.g. `'UA'`), each labelled with the
 * country's name in the admin language. Unknown codes are refused with a message naming the code.
 */
export const countryField = ({
  admin,
  hasMany = false,
  index,
  label = defaultLabel,
  name = 'country',
  required,
  validate,
}: CountryFieldArgs = {}): SelectField => {
  const base = {
    name,
    type: 'select' as const,
    admin: { isClearable: true, ...admin },
    index,
    label,
    options: countryOptions(),
    required,
  }
  if (hasMany) {
    const validateMany: SelectFieldManyValidation = (value, options) =>
      validateCountry(value, options)
    return { ...base, hasMany: true, validate: validateMany }
  }
  const validateOne: SelectFieldSingleValidation = (value, options) =>
    validateCountry(value, options)
  return { ...base, hasMany: false, validate: validate ?? validateOne }
}
