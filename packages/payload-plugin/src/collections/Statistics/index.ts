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
import type { Localized } from '../../utilities/labels'

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

const metricOptionLabels: Record<string, Localized> = {
  ...Object.fromEntries(BUILT_IN_METRICS.map((metric) => [metric, metricLabels(metric)])),
  custom: { az: 'Fərdi göstərici', en: 'Custom metric', uk: 'Власний показник' },
}

const scopeLabels: Record<string, Localized> = {
  programme: { az: 'Bütün proqram', en: 'Whole programme', uk: 'Уся програма' },
  country: { az: 'Ölkə', en: 'Country', uk: 'Країна' },
  region: { az: 'Region', en: 'Region', uk: 'Регіон' },
  organization: { az: 'Təşkilat', en: 'Organization', uk: 'Організація' },
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
    singular: { az: 'Statistik qeyd', en: 'Statistics snapshot', uk: 'Знімок статистики' },
    plural: { az: 'Statistika', en: 'Statistics', uk: 'Статистика' },
  },
  graphQL: { singularName: 'Statistic', pluralName: 'Statistics' },
  access: statisticsAccess(),
  admin: {
    group: ADMIN_GROUP,
    useAsTitle: 'key',
    defaultColumns: ['metric', 'value', 'approximate', 'asOf', 'scope', 'country', 'organization'],
    listSearchableFields: ['key', 'scopeKey', 'region'],
    description: {
      az: 'Hər qeyd müəyyən tarixə olan rəqəmdir. Yeni rəqəm üçün yeni qeyd yaradın; köhnələr tarixçə kimi qalır.',
      en: 'Each snapshot is a figure as of a date. Record a new figure as a new snapshot; older ones stay as history.',
      uk: 'Кожен знімок — це показник на певну дату. Нове значення записуйте новим знімком; попередні лишаються як історія.',
    },
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
          label: { az: 'Göstərici', en: 'Metric', uk: 'Показник' },
          admin: { width: '50%' },
          options: Object.entries(metricOptionLabels).map(([value, label]) => ({ label, value })),
        },
        {
          name: 'customKey',
          type: 'text',
          label: { az: 'Fərdi açar', en: 'Custom key', uk: 'Власний ключ' },
          admin: {
            width: '50%',
            condition: (_data, siblingData) => siblingData.metric === 'custom',
            description: {
              az: 'Kiçik latın hərfləri, rəqəmlər və defislər, məsələn: partner-schools.',
              en: 'Lowercase letters, digits and hyphens, e.g. partner-schools.',
              uk: 'Малі латинські літери, цифри й дефіси, наприклад partner-schools.',
            },
          },
          validate: validateCustomKey,
        },
      ],
    },
    {
      name: 'label',
      type: 'text',
      localized: true,
      label: { az: 'Ad', en: 'Label', uk: 'Підпис' },
      admin: {
        description: {
          az: 'Fərdi göstəricinin oxunaqlı adı.',
          en: 'Readable name of a custom metric.',
          uk: 'Зрозуміла назва власного показника.',
        },
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
          label: { az: 'Dəyər', en: 'Value', uk: 'Значення' },
          admin: { width: '50%' },
          validate: validateNonNegative,
        },
        {
          name: 'approximate',
          type: 'checkbox',
          defaultValue: false,
          label: {
            az: 'Təxmini ("160 000+")',
            en: 'Approximate ("160,000+")',
            uk: 'Приблизно («160 000+»)',
          },
          admin: {
            width: '50%',
            description: {
              az: 'Rəqəm "+" işarəsi ilə göstərilir.',
              en: 'The figure is shown with a "+".',
              uk: 'Число показується зі знаком «+».',
            },
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
      label: { az: 'Tarix', en: 'As of', uk: 'Станом на' },
      admin: {
        date: { pickerAppearance: 'dayOnly' },
        description: {
          az: 'Rəqəmin aid olduğu gün.',
          en: 'The day the figure refers to.',
          uk: 'День, на який подано значення.',
        },
      },
    },
    {
      name: 'scope',
      type: 'select',
      required: true,
      defaultValue: 'programme',
      label: { az: 'Əhatə', en: 'Scope', uk: 'Охоплення' },
      options: Object.entries(scopeLabels).map(([value, label]) => ({ label, value })),
    },
    countryField({
      admin: { condition: showForScopes('country', 'region', 'organization') },
      validate: validateSnapshotCountry,
    }),
    {
      name: 'region',
      type: 'text',
      label: { az: 'Region', en: 'Region', uk: 'Регіон' },
      admin: { condition: showForScopes('region') },
      validate: validateRegion,
    },
    {
      name: 'organization',
      type: 'relationship',
      relationTo: ORGANIZATIONS_SLUG,
      label: { az: 'Təşkilat', en: 'Organization', uk: 'Організація' },
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
          label: { az: 'Açar', en: 'Key', uk: 'Ключ' },
          admin: {
            readOnly: true,
            width: '50%',
            description: {
              az: 'Göstəricidən avtomatik hesablanır.',
              en: 'Computed from the metric.',
              uk: 'Обчислюється з показника.',
            },
          },
        },
        {
          name: 'scopeKey',
          type: 'text',
          index: true,
          label: { az: 'Əhatə açarı', en: 'Scope key', uk: 'Ключ охоплення' },
          admin: {
            readOnly: true,
            width: '50%',
            description: {
              az: 'Əhatədən hesablanır: programme, country:AZ, region:AZ:…, organization:…',
              en: 'Computed from the scope: programme, country:AZ, region:AZ:…, organization:…',
              uk: 'Обчислюється з охоплення: programme, country:AZ, region:AZ:…, organization:…',
            },
          },
        },
      ],
    },
    {
      name: 'source',
      type: 'group',
      label: { az: 'Mənbə', en: 'Source', uk: 'Джерело' },
      fields: [
        {
          name: 'title',
          type: 'text',
          label: { az: 'Ad', en: 'Title', uk: 'Назва' },
        },
        httpUrlField({ name: 'url', label: { az: 'Link', en: 'Link', uk: 'Посилання' } }),
      ],
    },
  ],
})
