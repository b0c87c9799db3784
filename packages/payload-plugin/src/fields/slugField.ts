import type { TextField } from 'payload'

import type { EtwLabel } from '../utilities/labels'
import { etwText } from '../utilities/labels'

/**
 * The `slug` field: unique, indexed, not localized, shown in the sidebar. The collection's
 * `populateSlug` hook fills it from the title when it is empty and keeps it unique.
 */
export const slugField = (description?: EtwLabel): TextField => ({
  name: 'slug',
  type: 'text',
  index: true,
  unique: true,
  label: etwText('slugLabel'),
  admin: {
    position: 'sidebar',
    description: description ?? etwText('slugDescription'),
  },
})

/**
 * The `previousSlugs` field: every slug the document had before its current one, kept by the
 * `rememberPreviousSlug` hook so old addresses redirect. Indexed for that lookup; read-only in the
 * admin.
 */
export const previousSlugsField = (): TextField => ({
  name: 'previousSlugs',
  type: 'text',
  hasMany: true,
  index: true,
  label: etwText('previousSlugsLabel'),
  admin: {
    position: 'sidebar',
    readOnly: true,
    description: etwText('previousSlugsDescription'),
  },
})
