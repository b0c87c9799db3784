import type { TextField } from 'payload'

import type { Localized } from '../utilities/labels'

/**
 * The `slug` field: unique, indexed, not localized, shown in the sidebar. The collection's
 * `populateSlug` hook fills it from the title when it is empty and keeps it unique.
 */
export const slugField = (description?: Localized): TextField => ({
  name: 'slug',
  type: 'text',
  index: true,
  unique: true,
  label: { az: 'Slaq (URL)', en: 'Slug', uk: 'Слаг (адреса)' },
  admin: {
    position: 'sidebar',
    description: description ?? {
      az: 'Ünvanın son hissəsi. Boş qalsa, başlıqdan latın hərfləri ilə yaradılır və unikal edilir.',
      en: 'The last part of the address. Left empty, it is made from the title in Latin letters and kept unique.',
      uk: 'Остання частина адреси. Якщо порожньо, створюється із заголовка латиницею й робиться унікальною.',
    },
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
  label: { az: 'Əvvəlki slaqlar', en: 'Previous slugs', uk: 'Попередні слаги' },
  admin: {
    position: 'sidebar',
    readOnly: true,
    description: {
      az: 'Köhnə ünvanlar indiki ünvana yönləndirilir.',
      en: 'Old addresses redirect to the current one.',
      uk: 'Старі адреси переспрямовуються на поточну.',
    },
  },
})
