import type { CollectionConfig } from 'payload'

import type { ResolvedEtwPluginOptions } from '../../types'

import { draftedContentAccess } from '../../access/content'
import { countryField } from '../../fields/countryField'
import { httpUrlField } from '../../fields/httpUrlField'
import { validateRichTextLinks } from '../../fields/richTextLinks'
import { previousSlugsField, slugField } from '../../fields/slugField'
import { validateCountry, validateHttpUrl } from '../../fields/validators'
import { populateSlug } from '../../hooks/populateSlug'
import { rememberPreviousSlug } from '../../hooks/rememberPreviousSlug'
import {
  preventContributorPublish,
  preventContributorUnpublish,
} from '../../hooks/preventContributorPublish'
import { validateFormats } from '../../hooks/validateFormats'
import { ADMIN_GROUP, EVENTS_SLUG, MEDIA_SLUG, NEWS_SLUG, ORGANIZATIONS_SLUG } from '../../slugs'
import { draftVersions } from '../drafts'
import { normalizeTags } from './hooks/normalizeTags'
import { setPublishedAt } from './hooks/setPublishedAt'

/** The `news` collection: localized articles with drafts, autosave and scheduled publishing. */
export const generateNewsCollection = (options: ResolvedEtwPluginOptions): CollectionConfig => ({
  slug: NEWS_SLUG,
  labels: {
    singular: { az: 'Xəbər', en: 'News item', uk: 'Новина' },
    plural: { az: 'Xəbərlər', en: 'News', uk: 'Новини' },
  },
  graphQL: { singularName: 'NewsItem', pluralName: 'News' },
  access: draftedContentAccess(),
  admin: {
    group: ADMIN_GROUP,
    useAsTitle: 'title',
    defaultColumns: ['title', '_status', 'publishedAt', 'country', 'organization'],
    listSearchableFields: ['title', 'slug', 'summary'],
    description: {
      az: 'eTwinning xəbərləri: bütün dillərdə yazın, planlaşdırın və ya dərhal dərc edin.',
      en: 'eTwinning news: write in every language, schedule or publish at once.',
      uk: 'Новини eTwinning: пишіть усіма мовами, плануйте або публікуйте одразу.',
    },
  },
  defaultSort: '-publishedAt',
  // The public feed lists published news newest first, optionally by country or organization.
  indexes: [
    { fields: ['_status', 'publishedAt'] },
    { fields: ['_status', 'country', 'publishedAt'] },
    { fields: ['_status', 'organization', 'publishedAt'] },
  ],
  versions: draftVersions,
  hooks: options.disabled
    ? {}
    : {
        beforeOperation: [preventContributorUnpublish],
        beforeValidate: [
          preventContributorPublish,
          validateFormats([
            { path: 'body', validate: validateRichTextLinks },
            { path: 'sourceUrl', validate: validateHttpUrl },
            { path: 'country', validate: validateCountry },
          ]),
          populateSlug({
            defaultLocale: options.defaultLocale,
            fallback: 'news',
            followTitleUntilPublished: true,
            sourceFields: ['title'],
          }),
        ],
        beforeChange: [setPublishedAt, rememberPreviousSlug],
      },
  fields: [
    {
      name: 'title',
      type: 'text',
      localized: true,
      required: true,
      label: { az: 'Başlıq', en: 'Title', uk: 'Заголовок' },
    },
    slugField(),
    {
      name: 'summary',
      type: 'textarea',
      localized: true,
      label: { az: 'Qısa məzmun', en: 'Summary', uk: 'Короткий зміст' },
      admin: {
        description: {
          az: 'Lentlərdə və paylaşımlarda göstərilən bir-iki cümlə.',
          en: 'One or two sentences shown in feeds and link previews.',
          uk: 'Одне-два речення для стрічок і попереднього перегляду посилань.',
        },
      },
    },
    {
      name: 'body',
      type: 'richText',
      localized: true,
      label: { az: 'Mətn', en: 'Body', uk: 'Текст' },
    },
    {
      name: 'cover',
      type: 'upload',
      relationTo: MEDIA_SLUG,
      label: { az: 'Örtük şəkli', en: 'Cover image', uk: 'Обкладинка' },
    },
    {
      name: 'publishedAt',
      type: 'date',
      index: true,
      label: { az: 'Dərc tarixi', en: 'Published at', uk: 'Дата публікації' },
      admin: {
        position: 'sidebar',
        date: { pickerAppearance: 'dayAndTime' },
        description: {
          az: 'Boş qalsa, ilk dərc zamanı indiki vaxt yazılır.',
          en: 'Left empty, it is set to the moment of first publication.',
          uk: 'Якщо порожньо, встановлюється момент першої публікації.',
        },
      },
    },
    {
      name: 'organization',
      type: 'relationship',
      relationTo: ORGANIZATIONS_SLUG,
      label: { az: 'Təşkilat', en: 'Organization', uk: 'Організація' },
      admin: { position: 'sidebar' },
    },
    countryField({
      index: true,
      admin: {
        position: 'sidebar',
        description: {
          az: 'Xəbərin aid olduğu ölkə.',
          en: 'The country the news is about.',
          uk: 'Країна, якої стосується новина.',
        },
      },
    }),
    {
      name: 'tags',
      type: 'text',
      hasMany: true,
      index: true,
      label: { az: 'Teqlər', en: 'Tags', uk: 'Теги' },
      hooks: { beforeValidate: [normalizeTags] },
      admin: {
        position: 'sidebar',
        description: {
          az: 'Kiçik hərflərlə saxlanılır.',
          en: 'Stored in lower case.',
          uk: 'Зберігаються малими літерами.',
        },
      },
    },
    {
      name: 'relatedEvents',
      type: 'relationship',
      relationTo: EVENTS_SLUG,
      hasMany: true,
      label: { az: 'Əlaqəli tədbirlər', en: 'Related events', uk: 'Пов’язані події' },
    },
    httpUrlField({
      name: 'sourceUrl',
      label: { az: 'Mənbə linki', en: 'Source link', uk: 'Посилання на джерело' },
      admin: {
        description: {
          az: 'Orijinal nəşrin ünvanı (yalnız http və ya https).',
          en: 'Address of the original publication (http or https only).',
          uk: 'Адреса першоджерела (лише http або https).',
        },
      },
    }),
    {
      name: 'sourceTitle',
      type: 'text',
      localized: true,
      label: { az: 'Mənbənin adı', en: 'Source name', uk: 'Назва джерела' },
      admin: {
        description: {
          az: 'Məsələn, universitetin saytı; "ilk dərc edən" linkində göstərilir.',
          en: 'For example the university’s website; shown in the “originally published by” link.',
          uk: 'Наприклад, сайт університету; показується в посиланні «уперше опубліковано».',
        },
      },
    },
    previousSlugsField(),
  ],
})
