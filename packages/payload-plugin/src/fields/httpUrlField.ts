import type { TextField } from 'payload'

import type { EtwLabel } from '../utilities/labels'

import { validateHttpUrl } from './validators'

export { validateHttpUrl } from './validators'

/** A text field holding an absolute `http:`/`https:` URL; other schemes and relative links are refused. */
export const httpUrlField = ({
  admin,
  label,
  name,
  required,
}: {
  admin?: TextField['admin']
  label: EtwLabel
  name: string
  required?: boolean
}): TextField => ({
  name,
  type: 'text',
  admin: { placeholder: 'https://', ...admin },
  label,
  required,
  validate: validateHttpUrl,
})
