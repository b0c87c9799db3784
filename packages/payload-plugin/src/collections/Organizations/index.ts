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
    singular: { az: 'Təşkilat', en: 'Organization', uk: 'Організація' },
    plural: { az: 'Təşkilatlar', en: 'Organizations', uk: 'Організації' },
  },
  graphQL: { singularName: 'Organization', pluralName: 'Organizations' },
  access: referenceDataAccess(),
  admin: {
    group: ADMIN_GROUP,
    useAsTitle: 'name',
    defaultColumns: ['name', 'shortName', 'kind', 'country', 'city'],
    listSearchableFields: ['name', 'shortName', 'slug'],
    description: {
      az: 'Xəbərləri dərc edən və tədbirləri təşkil edən universitetlər, nazirliklər, məktəblər və dəstək xidmətləri.',
      en: 'Universities, ministries, schools and support services that publish news and organise events.',
      uk: 'Університети, міністерства, школи та служби підтримки, що публікують новини й організовують події.',
    },
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
      label: { az: 'Ad', en: 'Name', uk: 'Назва' },
    },
    {
      name: 'shortName',
      type: 'text',
      label: { az: 'Qısa ad', en: 'Short name', uk: 'Скорочена назва' },
      admin: {
        description: {
          az: 'Abreviatura, məsələn ADPU. Slaq ondan yaradılır.',
          en: 'Abbreviation, e.g. K-PNU. The slug is made from it.',
          uk: 'Абревіатура, наприклад K-PNU. З неї створюється слаг.',
        },
      },
    },
    slugField(),
    {
      name: 'kind',
      type: 'select',
      required: true,
      label: { az: 'Növ', en: 'Kind', uk: 'Тип' },
      options: [
        { value: 'university', label: { az: 'Universitet', en: 'University', uk: 'Університет' } },
        { value: 'ministry', label: { az: 'Nazirlik', en: 'Ministry', uk: 'Міністерство' } },
        { value: 'school', label: { az: 'Məktəb', en: 'School', uk: 'Школа' } },
        {
          value: 'support-service',
          label: { az: 'Dəstək xidməti', en: 'Support service', uk: 'Служба підтримки' },
        },
        { value: 'centre', label: { az: 'Mərkəz', en: 'Centre', uk: 'Центр' } },
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
          label: { az: 'Şəhər', en: 'City', uk: 'Місто' },
          admin: { width: '50%' },
        },
      ],
    },
    httpUrlField({ name: 'website', label: { az: 'Veb sayt', en: 'Website', uk: 'Вебсайт' } }),
    {
      name: 'logo',
      type: 'upload',
      relationTo: MEDIA_SLUG,
      label: { az: 'Loqo', en: 'Logo', uk: 'Логотип' },
    },
  ],
})
