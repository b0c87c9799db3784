import type {
  CollectionConfig,
  RelationshipFieldSingleValidation,
  SelectFieldSingleValidation,
  TextFieldSingleValidation,
} from 'payload'

import { relationship, text } from 'payload/shared'

import type { ValidatorArgs } from '../../fields/validators'
import type { EtwTranslationKey } from '../../translations'
import type { ResolvedEtwPluginOptions } from '../../types'
import type { EtwLabel } from '../../utilities/labels'

import { statisticsAccess } from '../../access/content'
import { countryField } from '../../fields/countryField'
import { httpUrlField } from '../../fields/httpUrlField'
import { validateCountry, validateHttpUrl, validateNonNegative } from '../../fields/validators'
import { validateFormats } from '../../hooks/validateFormats'
import { ADMIN_GROUP, ORGANIZATIONS_SLUG, STATISTICS_SLUG } from '../../slugs'
import { BUILT_IN_METRICS, CUSTOM_METRIC_KEY, metricLabels } from '../../utilities/metrics'
import { translate } from '../../utilities/translate'
import { computeKeys } from './hooks/computeKeys'
import { refuseDuplicateSnapshot } from './hooks/refuseDuplicateSnapshot'
import { etwText } from '../../utilities/labels'

const metricOptionLabels: Record<string, EtwLabel> = {
  ...Object.fromEntries(BUILT_IN_METRICS.map((metric) => [metric, metricLabels(metric)])),
  custom: etwText('statisticsCustom'),
}

const scopeLabels: Record<string, EtwLabel> = {
  programme: etwText('statisticsProgramme'),
  country: etwText('statisticsCountry'),
  region: etwText('statisticsRegion'),
  organization: etwText('statisticsOrganization'),
}

const scopeOf = (args: { siblingData?: unknown }): string => {
  const scope = (args.siblingData as { scope?: unknown } | undefined)?.scope
  return typeof scope === 'string' ? scope : 'programme'
}

const isBlank = (value: unknown) => value === undefined || value === null || value === ''

/** Validator factory: the field is required when the snapshot's scope is one of `scopes`. */
const requiredForScopes =
  (scopes: string[], message: EtwTranslationKey) =>
  (value: unknown, args: ValidatorArgs): string | true =>
    !scopes.includes(scopeOf(args)) || !isBlank(value) || translate(args.req?.t, message)

const countryRequired = requiredForScopes(['country', 'region'], 'countryRequiredForScope')
const regionRequired = requiredForScopes(['region'], 'regionRequiredForScope')
const organizationRequired = requiredForScopes(['organization'], 'organizationRequiredForScope')

const validateSnapshotCountry: SelectFieldSingleValidation = (value, options) => {
  const required = countryRequired(value, options)
  return required === true ? validateCountry(value, options) : required
}

const validateRegion: TextFieldSingleValidation = (value, options) => {
  const required = regionRequired(value, options)
  return required === true ? text(value, options) : required
}

const validateOrganization: RelationshipFieldSingleValidation = (value, options) => {
  const required = organizationRequired(value, options)
  return required === true ? relationship(value, options) : required
}

const validateCustomKey: TextFieldSingleValidation = (value, options) => {
  const metric = (options.siblingData as { metric?: unknown } | undefined)?.metric
  if (metric !== 'custom') return true
  if (isBlank(value)) return translate(options.req.t, 'customKeyRequired')
  return (
    (typeof value === 'string' && CUSTOM_METRIC_KEY.test(value)) ||
    translate(options.req.t, 'invalidCustomKey')
  )
}

const showForScopes =
  (...scopes: string[]) =>
  (_data: unknown, siblingData: Record<string, unknown>): boolean =>
    scopes.includes(typeof siblingData.scope === 'string' ? siblingData.scope : 'programme')

/**
 * Name of the statistics form's `ui` field under the value: where a host's admin shows the previous
 * snapshot of the same metric and scope while a new figure is typed. It has no component of its
 * own (the plugin ships no React); the host gives it one (`admin.components.Field`).
 */
export const PREVIOUS_FIGURE_FIELD = 'previousFigure'

/**
 * The `statistics` collection: dated snapshots of a metric for a scope. A new figure is a new
 * document; the latest per `key` and `scopeKey` is the current value, the rest is the history.
 */
export const generateStatisticsCollection = (
  options: ResolvedEtwPluginOptions,
): CollectionConfig => ({
  slug: STATISTICS_SLUG,
  labels: {
    singular: etwText('statisticsSingular'),
    plural: etwText('statisticsPlural'),
  },
  graphQL: { singularName: 'Statistic', pluralName: 'Statistics' },
  access: statisticsAccess(),
  admin: {
    group: ADMIN_GROUP,
    useAsTitle: 'key',
    defaultColumns: ['metric', 'value', 'approximate', 'asOf', 'scope', 'country', 'organization'],
    listSearchableFields: ['key', 'scopeKey', 'region'],
    description: etwText('statisticsDescription'),
  },
  defaultSort: '-asOf',
  indexes: [{ fields: ['key', 'scopeKey', 'asOf'], unique: true }],
  hooks: options.disabled
    ? {}
    : {
        beforeValidate: [
          validateFormats([
            { path: 'country', validate: validateCountry },
            { path: 'source.url', validate: validateHttpUrl },
          ]),
          computeKeys,
        ],
        beforeChange: [refuseDuplicateSnapshot],
      },
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'metric',
          type: 'select',
          required: true,
          label: etwText('statisticsMetricLabel'),
          admin: { width: '50%' },
          options: Object.entries(metricOptionLabels).map(([value, label]) => ({ label, value })),
        },
        {
          name: 'customKey',
          type: 'text',
          label: etwText('statisticsCustomKeyLabel'),
          admin: {
            width: '50%',
            condition: (_data, siblingData) => siblingData.metric === 'custom',
            description: etwText('statisticsCustomKeyDescription'),
          },
          validate: validateCustomKey,
        },
      ],
    },
    {
      name: 'label',
      type: 'text',
      localized: true,
      label: etwText('statisticsLabelLabel'),
      admin: {
        description: etwText('statisticsLabelDescription'),
      },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'value',
          type: 'number',
          required: true,
          min: 0,
          label: etwText('statisticsValueLabel'),
          admin: { width: '50%' },
          validate: validateNonNegative,
        },
        {
          name: 'approximate',
          type: 'checkbox',
          defaultValue: false,
          label: etwText('statisticsApproximateLabel'),
          admin: {
            width: '50%',
            description: etwText('statisticsApproximateDescription'),
          },
        },
      ],
    },
    {
      name: PREVIOUS_FIGURE_FIELD,
      type: 'ui',
      label: { az: 'Əvvəlki rəqəm', en: 'Previous figure', uk: 'Попереднє значення' },
      admin: { disableListColumn: true },
    },
    {
      name: 'asOf',
      type: 'date',
      required: true,
      label: etwText('statisticsAsOfLabel'),
      admin: {
        date: { pickerAppearance: 'dayOnly' },
        description: etwText('statisticsAsOfDescription'),
      },
    },
    {
      name: 'scope',
      type: 'select',
      required: true,
      defaultValue: 'programme',
      label: etwText('statisticsScopeLabel'),
      options: Object.entries(scopeLabels).map(([value, label]) => ({ label, value })),
    },
    countryField({
      admin: { condition: showForScopes('country', 'region', 'organization') },
      validate: validateSnapshotCountry,
    }),
    {
      name: 'region',
      type: 'text',
      label: etwText('statisticsRegionLabel'),
      admin: { condition: showForScopes('region') },
      validate: validateRegion,
    },
    {
      name: 'organization',
      type: 'relationship',
      relationTo: ORGANIZATIONS_SLUG,
      label: etwText('statisticsOrganizationLabel'),
      admin: { condition: showForScopes('organization') },
      validate: validateOrganization,
    },
    {
      type: 'row',
      fields: [
        {
          name: 'key',
          type: 'text',
          index: true,
          label: etwText('statisticsKeyLabel'),
          admin: {
            readOnly: true,
            width: '50%',
            description: etwText('statisticsKeyDescription'),
          },
        },
        {
          name: 'scopeKey',
          type: 'text',
          index: true,
          label: etwText('statisticsScopeKeyLabel'),
          admin: {
            readOnly: true,
            width: '50%',
            description: etwText('statisticsScopeKeyDescription'),
          },
        },
      ],
    },
    {
      name: 'source',
      type: 'group',
      label: etwText('statisticsSourceLabel'),
      fields: [
        {
          name: 'title',
          type: 'text',
          label: etwText('statisticsSourceTitleLabel'),
        },
        httpUrlField({ name: 'url', label: etwText('statisticsSourceUrlLabel') }),
      ],
    },
  ],
})
