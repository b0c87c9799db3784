import type { GlobalConfig } from 'payload'

import type { ResolvedEtwPluginOptions } from '../types'

import { isAdmin } from '../access/roles'
import { validateLinkTemplate } from '../fields/linkTemplate'
import { ADMIN_GROUP, MEDIA_SLUG, SETTINGS_SLUG } from '../slugs'
import { etwText, etwTexts } from '../utilities/labels'

/**
 * The `etw-settings` global: the institution's name, logo and contact address, shown on the public
 * pages, and the link template of the feeds. Signed-in users read, admins edit; the public pages
 * and the feed read it on the server.
 */
export const generateSettingsGlobal = (_options: ResolvedEtwPluginOptions): GlobalConfig => ({
  slug: SETTINGS_SLUG,
  label: etwText('settingsLabel'),
  graphQL: { name: 'EtwSettings' },
  access: {
    read: ({ req }) => Boolean(req.user),
    update: isAdmin,
  },
  admin: {
    group: ADMIN_GROUP,
    // Payload passes a global's description to the admin as it is: a function cannot cross.
    description: etwTexts('settingsDescription'),
  },
  fields: [
    {
      name: 'siteName',
      type: 'text',
      localized: true,
      label: etwText('settingsSiteNameLabel'),
    },
    {
      name: 'logo',
      type: 'upload',
      relationTo: MEDIA_SLUG,
      label: etwText('settingsLogoLabel'),
      admin: {
        description: etwText('settingsLogoDescription'),
      },
    },
    {
      name: 'linkTemplate',
      type: 'text',
      label: etwText('settingsLinkTemplateLabel'),
      validate: validateLinkTemplate,
      admin: {
        placeholder: 'https://univ.example/etwinning/article?slug={slug}&lang={locale}',
        description: etwText('settingsLinkTemplateDescription'),
      },
    },
    {
      name: 'contactEmail',
      type: 'email',
      label: etwText('settingsContactEmailLabel'),
    },
  ],
})
