import type { TextField } from 'payload'

import type { EtwLabel } from '../utilities/labels'

import { normalizeTimeZone } from '../utilities/timeZone'
import { validateTimeZone } from './validators'

export { validateTimeZone } from './validators'

/** A required text field holding an IANA time zone (`Asia/Baku`), validated with `Intl`. */
export const timeZoneField = ({
  admin,
  defaultValue,
  description,
  label,
  name = 'timeZone',
}: {
  admin?: TextField['admin']
  defaultValue: string
  description: EtwLabel
  label: EtwLabel
  name?: string
}): TextField => ({
  name,
  type: 'text',
  admin: { description, placeholder: defaultValue, ...admin },
  defaultValue,
  hooks: { beforeValidate: [({ value }) => normalizeTimeZone(value)] },
  label,
  required: true,
  validate: validateTimeZone,
})
