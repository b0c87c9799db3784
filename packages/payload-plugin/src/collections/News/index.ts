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
import { etwText } from '../../utilities/labels'

/** The `news` collection: localized articles with drafts, autosave and scheduled publishing. */
export const generateNewsCollection = (options: ResolvedEtwPluginOptions): CollectionConfig => ({
  slug: NEWS_SLUG,
  labels: {
    singular: etwText('newsSingular'),
    plural: etwText('newsPlural'),
  },
  graphQL: { singularName: 'NewsItem', pluralName: 'News' },
  access: draftedContentAccess(),
  admin: {
    group: ADMIN_GROUP,
    useAsTitle: 'title',
    defaultColumns: ['title', '_status', 'publishedAt', 'country', 'organization'],
    listSearchableFields: ['title', 'slug', 'summary'],
    description: etwText('newsDescription'),
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
      label: etwText('newsTitleLabel'),
    },
    slugField(),
    {
      name: 'summary',
      type: 'textarea',
      localized: true,
      label: etwText('newsSummaryLabel'),
      admin: {
        description: etwText('newsSummaryDescription'),
      },
    },
    {
      name: 'body',
      type: 'richText',
      localized: true,
      label: etwText('newsBodyLabel'),
    },
    {
      name: 'cover',
      type: 'upload',
      relationTo: MEDIA_SLUG,
      label: etwText('newsCoverLabel'),
    },
    {
      name: 'publishedAt',
      type: 'date',
      index: true,
      label: etwText('newsPublishedAtLabel'),
      admin: {
        position: 'sidebar',
        date: { pickerAppearance: 'dayAndTime' },
        description: etwText('newsPublishedAtDescription'),
      },
    },
    {
      name: 'organization',
      type: 'relationship',
      relationTo: ORGANIZATIONS_SLUG,
      label: etwText('newsOrganizationLabel'),
      admin: { position: 'sidebar' },
    },
    countryField({
      index: true,
      admin: {
        position: 'sidebar',
        description: etwText('newsCountryDescription'),
      },
    }),
    {
      name: 'tags',
      type: 'text',
      hasMany: true,
      index: true,
      label: etwText('newsTagsLabel'),
      hooks: { beforeValidate: [normalizeTags] },
      admin: {
        position: 'sidebar',
        description: etwText('newsTagsDescription'),
      },
    },
    {
      name: 'relatedEvents',
      type: 'relationship',
      relationTo: EVENTS_SLUG,
      hasMany: true,
      label: etwText('newsRelatedEventsLabel'),
    },
    httpUrlField({
      name: 'sourceUrl',
      label: etwText('newsSourceUrlLabel'),
      admin: {
        description: etwText('newsSourceUrlDescription'),
      },
    }),
    {
      name: 'sourceTitle',
      type: 'text',
      localized: true,
      label: etwText('newsSourceTitleLabel'),
      admin: {
        description: etwText('newsSourceTitleDescription'),
      },
    },
    previousSlugsField(),
  ],
})
