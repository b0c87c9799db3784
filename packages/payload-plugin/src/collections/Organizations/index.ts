import type { CollectionConfig } from 'payload'

import type { ResolvedEtwPluginOptions } from '../../types'

import { referenceDataAccess } from '../../access/content'
import { countryField } from '../../fields/countryField'
import { httpUrlField } from '../../fields/httpUrlField'
import { slugField } from '../../fields/slugField'
import { validateCountry, validateHttpUrl } from '../../fields/validators'
import { populateSlug } from '../../hooks/populateSlug'
import { validateFormats } from '../../hooks/validateFormats'
import { ADMIN_GROUP, MEDIA_SLUG, ORGANIZATIONS_SLUG } from '../../slugs'
import { etwText } from '../../utilities/labels'

/** Values of the organization `kind` select. */
export const ORGANIZATION_KINDS = [
  'university',
  'ministry',
  'school',
  'support-service',
  'centre',
] as const

/** The `organizations` collection: universities, ministries, schools and support services. */
export const generateOrganizationsCollection = (
  options: ResolvedEtwPluginOptions,
): CollectionConfig => ({
  slug: ORGANIZATIONS_SLUG,
  labels: {
    singular: etwText('organizationsSingular'),
    plural: etwText('organizationsPlural'),
  },
  graphQL: { singularName: 'Organization', pluralName: 'Organizations' },
  access: referenceDataAccess(),
  admin: {
    group: ADMIN_GROUP,
    useAsTitle: 'name',
    defaultColumns: ['name', 'shortName', 'kind', 'country', 'city'],
    listSearchableFields: ['name', 'shortName', 'slug'],
    description: etwText('organizationsDescription'),
  },
  defaultSort: 'name',
  hooks: options.disabled
    ? {}
    : {
        beforeValidate: [
          validateFormats([
            { path: 'website', validate: validateHttpUrl },
            { path: 'country', validate: validateCountry },
          ]),
          populateSlug({
            defaultLocale: options.defaultLocale,
            fallback: 'organization',
            sourceFields: ['shortName', 'name'],
          }),
        ],
      },
  fields: [
    {
      name: 'name',
      type: 'text',
      localized: true,
      required: true,
      label: etwText('organizationsNameLabel'),
    },
    {
      name: 'shortName',
      type: 'text',
      label: etwText('organizationsShortNameLabel'),
      admin: {
        description: etwText('organizationsShortNameDescription'),
      },
    },
    slugField(),
    {
      name: 'kind',
      type: 'select',
      required: true,
      label: etwText('organizationsKindLabel'),
      options: [
        { value: 'university', label: etwText('organizationsKind_university') },
        { value: 'ministry', label: etwText('organizationsKind_ministry') },
        { value: 'school', label: etwText('organizationsKind_school') },
        {
          value: 'support-service',
          label: etwText('organizationsKind_supportService'),
        },
        { value: 'centre', label: etwText('organizationsKind_centre') },
      ],
    },
    {
      type: 'row',
      fields: [
        countryField({ admin: { width: '50%' } }),
        {
          name: 'city',
          type: 'text',
          localized: true,
          label: etwText('organizationsCityLabel'),
          admin: { width: '50%' },
        },
      ],
    },
    httpUrlField({ name: 'website', label: etwText('organizationsWebsiteLabel') }),
    {
      name: 'logo',
      type: 'upload',
      relationTo: MEDIA_SLUG,
      label: etwText('organizationsLogoLabel'),
    },
  ],
})
