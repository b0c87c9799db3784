import type { GlobalConfig } from 'payload'

import type { ResolvedEtwPluginOptions } from '../types'

import { isAdmin } from '../access/roles'
import { validateLinkTemplate } from '../fields/linkTemplate'
import { ADMIN_GROUP, MEDIA_SLUG, SETTINGS_SLUG } from '../slugs'

/**
 * The `etw-settings` global: the institution's name, logo and contact address, shown on the public
 * pages, and the link template of the feeds. Signed-in users read, admins edit; the public pages
 * and the feed read it on the server.
 */
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
      az: 'Bütün sayt üçün ad, loqo, əlaqə ünvanı və link şablonu.',
      en: 'Site-wide name, logo, contact address and link template.',
      uk: 'Назва, логотип, контактна адреса та шаблон посилань для всього сайту.',
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
      name: 'logo',
      type: 'upload',
      relationTo: MEDIA_SLUG,
      label: { az: 'Loqo', en: 'Logo', uk: 'Логотип' },
      admin: {
        description: {
          az: 'Açıq səhifələrin başlığında göstərilir.',
          en: 'Shown in the header of the public pages.',
          uk: 'Показується в заголовку публічних сторінок.',
        },
      },
    },
    {
      name: 'linkTemplate',
      type: 'text',
      label: { az: 'Link şablonu', en: 'Link template', uk: 'Шаблон посилання' },
      validate: validateLinkTemplate,
      admin: {
        placeholder: 'https://univ.example/etwinning/article?slug={slug}&lang={locale}',
        description: {
          az: 'Xəbərləri öz saytınızda göstərirsinizsə: lentlərin və vidcetlərin linkləri bu ünvana aparır ({slug}, {id}, {locale}). Boş qalsa, CMS-in açıq səhifəsinə.',
          en: 'When you show news on your own site: the links of the feeds and widgets lead to this address ({slug}, {id}, {locale}). Left empty, they lead to the CMS’s public page.',
          uk: 'Якщо ви показуєте новини на власному сайті: посилання стрічок і віджетів ведуть на цю адресу ({slug}, {id}, {locale}). Якщо порожньо — на публічну сторінку CMS.',
        },
      },
    },
    {
      name: 'contactEmail',
      type: 'email',
      label: { az: 'Əlaqə e-poçtu', en: 'Contact email', uk: 'Контактна електронна пошта' },
    },
  ],
})
