import type { GlobalConfig } from 'payload'

import type { ResolvedEtwPluginOptions } from '../types'

import { isAdmin } from '../access/roles'
import { ADMIN_GROUP, SETTINGS_SLUG } from '../slugs'

/** The `etw-settings` global: site-wide name and contact address; signed-in users read, admins edit. */
export const generateSettingsGlobal = (_options: ResolvedEtwPluginOptions): GlobalConfig => ({
  slug: SETTINGS_SLUG,
  label: { az: 'eTwinning ayarları', en: 'eTwinning settings', uk: 'Налаштування eTwinning' },
  graphQL: { name: 'EtwSettings' },
  access: {
    read: ({ req }) => Boolean(req.user),
    update: isAdmin,
  },
  admin: {
    group: ADMIN_GROUP,
    description: {
      az: 'Bütün sayt üçün ad və əlaqə ünvanı.',
      en: 'Site-wide name and contact address.',
      uk: 'Назва та контактна адреса для всього сайту.',
    },
  },
  fields: [
    {
      name: 'siteName',
      type: 'text',
      localized: true,
      label: { az: 'Saytın adı', en: 'Site name', uk: 'Назва сайту' },
    },
    {
      name: 'contactEmail',
      type: 'email',
      label: { az: 'Əlaqə e-poçtu', en: 'Contact email', uk: 'Контактна електронна пошта' },
    },
  ],
})
