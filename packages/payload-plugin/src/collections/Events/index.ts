import type { CollectionConfig, DateFieldValidation, NumberFieldSingleValidation } from 'payload'

import { date, number } from 'payload/shared'

import type { ResolvedEtwPluginOptions } from '../../types'

import { draftedContentAccess } from '../../access/content'
import { countryField } from '../../fields/countryField'
import { eventTimeZone } from '../../fields/eventTimeZone'
import { httpUrlField } from '../../fields/httpUrlField'
import { validateRichTextLinks } from '../../fields/richTextLinks'
import { previousSlugsField, slugField } from '../../fields/slugField'
import { timeZoneField } from '../../fields/timeZoneField'
import {
  validateCountry,
  validateEndsAfterStart,
  validateHttpUrl,
  validateTimeZone,
} from '../../fields/validators'
import { populateSlug } from '../../hooks/populateSlug'
import { rememberPreviousSlug } from '../../hooks/rememberPreviousSlug'
import {
  preventContributorPublish,
  preventContributorUnpublish,
} from '../../hooks/preventContributorPublish'
import { validateFormats } from '../../hooks/validateFormats'
import { ADMIN_GROUP, EVENTS_SLUG, MEDIA_SLUG, NEWS_SLUG, ORGANIZATIONS_SLUG } from '../../slugs'
import { translate } from '../../utilities/translate'
import { draftVersions } from '../drafts'
import { syncTimeZones } from './hooks/syncTimeZones'

/** Values of the event `format` select. */
export const EVENT_FORMATS = ['in-person', 'online', 'hybrid'] as const

/** Values of the event `kind` select. */
export const EVENT_KINDS = ['seminar', 'training', 'meeting', 'webinar', 'conference'] as const

type Labels = { az: string; en: string; uk: string }

/** Names of the event formats, in the admin and in the feed (`formatLabel`). */
export const EVENT_FORMAT_LABELS: Record<(typeof EVENT_FORMATS)[number], Labels> = {
  'in-person': { az: 'Əyani', en: 'In person', uk: 'Очно' },
  online: { az: 'Onlayn', en: 'Online', uk: 'Онлайн' },
  hybrid: { az: 'Hibrid', en: 'Hybrid', uk: 'Змішаний' },
}

/** Names of the event kinds, in the admin and in the feed (`kindLabel`). */
export const EVENT_KIND_LABELS: Record<(typeof EVENT_KINDS)[number], Labels> = {
  seminar: { az: 'Seminar', en: 'Seminar', uk: 'Семінар' },
  training: { az: 'Təlim', en: 'Training', uk: 'Тренінг' },
  meeting: { az: 'Görüş', en: 'Meeting', uk: 'Зустріч' },
  webinar: { az: 'Vebinar', en: 'Webinar', uk: 'Вебінар' },
  conference: { az: 'Konfrans', en: 'Conference', uk: 'Конференція' },
}

const endsAfterStart = validateEndsAfterStart('startsAt')

const validateEndsAt: DateFieldValidation = (value, options) => {
  const base = date(value, options)
  return base === true ? endsAfterStart(value, options) : base
}

const validateCount: NumberFieldSingleValidation = (value, options) => {
  const base = number(value, options)
  if (base !== true) return base
  const whole = value === null || value === undefined || Number.isInteger(value)
  return whole || translate(options.req.t, 'wholeNumber')
}

/** The `events` collection: seminars, trainings and conferences with an IANA time zone. */
export const generateEventsCollection = (options: ResolvedEtwPluginOptions): CollectionConfig => ({
  slug: EVENTS_SLUG,
  labels: {
    singular: { az: 'Tədbir', en: 'Event', uk: 'Подія' },
    plural: { az: 'Tədbirlər', en: 'Events', uk: 'Події' },
  },
  graphQL: { singularName: 'Event', pluralName: 'Events' },
  access: draftedContentAccess(),
  admin: {
    group: ADMIN_GROUP,
    useAsTitle: 'title',
    defaultColumns: ['title', '_status', 'startsAt', 'country', 'organizers', 'format'],
    listSearchableFields: ['title', 'slug', 'summary'],
    description: {
      az: 'Seminarlar, təlimlər, görüşlər, vebinarlar və konfranslar.',
      en: 'Seminars, trainings, meetings, webinars and conferences.',
      uk: 'Семінари, тренінги, зустрічі, вебінари та конференції.',
    },
  },
  defaultSort: '-startsAt',
  // The public feed lists published events by start, upcoming (by end) or past, optionally by country.
  indexes: [
    { fields: ['_status', 'startsAt'] },
    { fields: ['_status', 'endsAt', 'startsAt'] },
    { fields: ['_status', 'country', 'startsAt'] },
  ],
  versions: draftVersions,
  hooks: options.disabled
    ? {}
    : {
        beforeOperation: [preventContributorUnpublish, syncTimeZones],
        beforeValidate: [
          preventContributorPublish,
          validateFormats([
            { path: 'description', validate: validateRichTextLinks },
            { path: 'timeZone', validate: validateTimeZone },
            { path: 'registrationUrl', validate: validateHttpUrl },
            { path: 'country', validate: validateCountry },
            { path: 'participatingCountries', validate: validateCountry },
          ]),
          populateSlug({
            defaultLocale: options.defaultLocale,
            fallback: 'event',
            followTitleUntilPublished: true,
            sourceFields: ['title'],
          }),
        ],
        beforeChange: [rememberPreviousSlug],
      },
  fields: [
    {
      name: 'title',
      type: 'text',
      localized: true,
      required: true,
      label: { az: 'Ad', en: 'Title', uk: 'Назва' },
    },
    slugField(),
    previousSlugsField(),
    {
      name: 'summary',
      type: 'textarea',
      localized: true,
      label: { az: 'Qısa məzmun', en: 'Summary', uk: 'Короткий опис' },
    },
    {
      name: 'description',
      type: 'richText',
      localized: true,
      label: { az: 'Təsvir', en: 'Description', uk: 'Опис' },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'startsAt',
          type: 'date',
          index: true,
          required: true,
          label: { az: 'Başlayır', en: 'Starts', uk: 'Початок' },
          admin: {
            date: { pickerAppearance: 'dayAndTime' },
            width: '50%',
            description: {
              az: 'Tədbirin keçirildiyi yerin vaxtı; saat qurşağı tədbirin saat qurşağıdır.',
              en: 'Local time of the place of the event; its time zone is the event’s.',
              uk: 'Місцевий час місця проведення; його часовий пояс — пояс події.',
            },
          },
          timezone: eventTimeZone(options.defaultTimeZone, {
            az: 'Başlanğıcın saat qurşağı',
            en: 'Time zone of the start',
            uk: 'Часовий пояс початку',
          }),
        },
        {
          name: 'endsAt',
          type: 'date',
          required: true,
          label: { az: 'Bitir', en: 'Ends', uk: 'Завершення' },
          admin: {
            date: { pickerAppearance: 'dayAndTime' },
            width: '50%',
            description: {
              az: 'Başlamadan sonra olmalıdır.',
              en: 'Must be after the start.',
              uk: 'Має бути пізніше за початок.',
            },
          },
          timezone: eventTimeZone(options.defaultTimeZone, {
            az: 'Bitmənin saat qurşağı',
            en: 'Time zone of the end',
            uk: 'Часовий пояс завершення',
          }),
          validate: validateEndsAt,
        },
      ],
    },
    timeZoneField({
      // The pickers of the dates choose the zone; the API takes it here too.
      admin: { hidden: true },
      defaultValue: options.defaultTimeZone,
      label: { az: 'Saat qurşağı', en: 'Time zone', uk: 'Часовий пояс' },
      description: {
        az: 'Tədbirin keçirildiyi yerin IANA saat qurşağı, məsələn Asia/Baku və ya Europe/Kyiv.',
        en: 'IANA time zone of the place where the event happens, e.g. Asia/Baku or Europe/Kyiv.',
        uk: 'Часовий пояс IANA місця проведення, наприклад Europe/Kyiv або Asia/Baku.',
      },
    }),
    {
      type: 'row',
      fields: [
        {
          name: 'format',
          type: 'select',
          required: true,
          label: { az: 'Format', en: 'Format', uk: 'Формат' },
          admin: { width: '50%' },
          options: EVENT_FORMATS.map((value) => ({ value, label: EVENT_FORMAT_LABELS[value] })),
        },
        {
          name: 'kind',
          type: 'select',
          required: true,
          label: { az: 'Növ', en: 'Kind', uk: 'Вид' },
          admin: { width: '50%' },
          options: EVENT_KINDS.map((value) => ({ value, label: EVENT_KIND_LABELS[value] })),
        },
      ],
    },
    {
      name: 'venue',
      type: 'text',
      localized: true,
      label: { az: 'Məkan', en: 'Venue', uk: 'Місце проведення' },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'city',
          type: 'text',
          localized: true,
          label: { az: 'Şəhər', en: 'City', uk: 'Місто' },
          admin: { width: '50%' },
        },
        countryField({ index: true, admin: { width: '50%' } }),
      ],
    },
    countryField({
      name: 'participatingCountries',
      hasMany: true,
      label: { az: 'İştirakçı ölkələr', en: 'Participating countries', uk: 'Країни-учасниці' },
    }),
    {
      name: 'participantGroups',
      type: 'array',
      label: { az: 'İştirakçı qrupları', en: 'Participant groups', uk: 'Групи учасників' },
      labels: {
        singular: { az: 'Qrup', en: 'Group', uk: 'Група' },
        plural: { az: 'Qruplar', en: 'Groups', uk: 'Групи' },
      },
      admin: {
        description: {
          az: 'Məsələn: 25 müəllim, 10 məktəb direktoru.',
          en: 'For example: 25 educators, 10 head teachers.',
          uk: 'Наприклад: 25 освітян, 10 директорів шкіл.',
        },
      },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'count',
              type: 'number',
              required: true,
              min: 0,
              label: { az: 'Say', en: 'Count', uk: 'Кількість' },
              admin: { step: 1, width: '30%' },
              validate: validateCount,
            },
            {
              name: 'label',
              type: 'text',
              localized: true,
              label: { az: 'Kim', en: 'Who', uk: 'Хто' },
              admin: { width: '70%' },
            },
          ],
        },
      ],
    },
    {
      type: 'row',
      fields: [
        httpUrlField({
          name: 'registrationUrl',
          label: { az: 'Qeydiyyat linki', en: 'Registration link', uk: 'Посилання на реєстрацію' },
          admin: { width: '50%' },
        }),
        {
          name: 'registrationDeadline',
          type: 'date',
          label: { az: 'Qeydiyyatın son tarixi', en: 'Registration deadline', uk: 'Реєстрація до' },
          admin: { date: { pickerAppearance: 'dayAndTime' }, width: '50%' },
          timezone: eventTimeZone(options.defaultTimeZone, {
            az: 'Qeydiyyatın son tarixinin saat qurşağı',
            en: 'Time zone of the registration deadline',
            uk: 'Часовий пояс кінця реєстрації',
          }),
        },
      ],
    },
    {
      name: 'organizers',
      type: 'relationship',
      relationTo: ORGANIZATIONS_SLUG,
      hasMany: true,
      label: { az: 'Təşkilatçılar', en: 'Organizers', uk: 'Організатори' },
    },
    {
      name: 'relatedNews',
      type: 'relationship',
      relationTo: NEWS_SLUG,
      hasMany: true,
      label: { az: 'Əlaqəli xəbərlər', en: 'Related news', uk: 'Пов’язані новини' },
    },
    {
      name: 'cover',
      type: 'upload',
      relationTo: MEDIA_SLUG,
      label: { az: 'Örtük şəkli', en: 'Cover image', uk: 'Обкладинка' },
    },
  ],
})
