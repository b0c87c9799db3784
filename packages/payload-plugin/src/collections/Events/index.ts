import type { CollectionConfig, DateFieldValidation, NumberFieldSingleValidation } from 'payload'

import { date, number } from 'payload/shared'

import type { EtwTranslationKey } from '../../translations'
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
import { etwText } from '../../utilities/labels'

/** Values of the event `format` select. */
export const EVENT_FORMATS = ['in-person', 'online', 'hybrid'] as const

/** Values of the event `kind` select. */
export const EVENT_KINDS = ['seminar', 'training', 'meeting', 'webinar', 'conference'] as const

/** Keys of the event formats' names, in the admin and in the feed (`formatLabel`). */
export const EVENT_FORMAT_LABELS: Record<(typeof EVENT_FORMATS)[number], EtwTranslationKey> = {
  'in-person': 'eventsInPerson',
  online: 'eventsOnline',
  hybrid: 'eventsHybrid',
}

/** Keys of the event kinds' names, in the admin and in the feed (`kindLabel`). */
export const EVENT_KIND_LABELS: Record<(typeof EVENT_KINDS)[number], EtwTranslationKey> = {
  seminar: 'eventsSeminar',
  training: 'eventsTraining',
  meeting: 'eventsMeeting',
  webinar: 'eventsWebinar',
  conference: 'eventsConference',
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
    singular: etwText('eventsSingular'),
    plural: etwText('eventsPlural'),
  },
  graphQL: { singularName: 'Event', pluralName: 'Events' },
  access: draftedContentAccess(),
  admin: {
    group: ADMIN_GROUP,
    useAsTitle: 'title',
    defaultColumns: ['title', '_status', 'startsAt', 'country', 'organizers', 'format'],
    listSearchableFields: ['title', 'slug', 'summary'],
    description: etwText('eventsDescription'),
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
      label: etwText('eventsTitleLabel'),
    },
    slugField(),
    previousSlugsField(),
    {
      name: 'summary',
      type: 'textarea',
      localized: true,
      label: etwText('eventsSummaryLabel'),
    },
    {
      name: 'description',
      type: 'richText',
      localized: true,
      label: etwText('eventsDescriptionLabel'),
    },
    {
      type: 'row',
      fields: [
        {
          name: 'startsAt',
          type: 'date',
          index: true,
          required: true,
          label: etwText('eventsStartsAtLabel'),
          admin: {
            date: { pickerAppearance: 'dayAndTime' },
            width: '50%',
            description: etwText('eventsStartsAtDescription'),
          },
          timezone: eventTimeZone(options.defaultTimeZone, etwText('eventsStartsAtTimeZoneLabel')),
        },
        {
          name: 'endsAt',
          type: 'date',
          required: true,
          label: etwText('eventsEndsAtLabel'),
          admin: {
            date: { pickerAppearance: 'dayAndTime' },
            width: '50%',
            description: etwText('eventsEndsAtDescription'),
          },
          timezone: eventTimeZone(options.defaultTimeZone, etwText('eventsEndsAtTimeZoneLabel')),
          validate: validateEndsAt,
        },
      ],
    },
    timeZoneField({
      // The pickers of the dates choose the zone; the API takes it here too.
      admin: { hidden: true },
      defaultValue: options.defaultTimeZone,
      label: etwText('eventsTimeZoneLabel'),
      description: etwText('eventsTimeZoneDescription'),
    }),
    {
      type: 'row',
      fields: [
        {
          name: 'format',
          type: 'select',
          required: true,
          label: etwText('eventsFormatLabel'),
          admin: { width: '50%' },
          options: EVENT_FORMATS.map((value) => ({
            value,
            label: etwText(EVENT_FORMAT_LABELS[value]),
          })),
        },
        {
          name: 'kind',
          type: 'select',
          required: true,
          label: etwText('eventsKindLabel'),
          admin: { width: '50%' },
          options: EVENT_KINDS.map((value) => ({
            value,
            label: etwText(EVENT_KIND_LABELS[value]),
          })),
        },
      ],
    },
    {
      name: 'venue',
      type: 'text',
      localized: true,
      label: etwText('eventsVenueLabel'),
    },
    {
      type: 'row',
      fields: [
        {
          name: 'city',
          type: 'text',
          localized: true,
          label: etwText('eventsCityLabel'),
          admin: { width: '50%' },
        },
        countryField({ index: true, admin: { width: '50%' } }),
      ],
    },
    countryField({
      name: 'participatingCountries',
      hasMany: true,
      label: etwText('eventsParticipatingCountriesLabel'),
    }),
    {
      name: 'participantGroups',
      type: 'array',
      label: etwText('eventsParticipantGroupsLabel'),
      labels: {
        singular: etwText('eventsParticipantGroupsSingular'),
        plural: etwText('eventsParticipantGroupsPlural'),
      },
      admin: {
        description: etwText('eventsParticipantGroupsDescription'),
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
              label: etwText('eventsParticipantCountLabel'),
              admin: { step: 1, width: '30%' },
              validate: validateCount,
            },
            {
              name: 'label',
              type: 'text',
              localized: true,
              label: etwText('eventsParticipantWhoLabel'),
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
          label: etwText('eventsRegistrationUrlLabel'),
          admin: { width: '50%' },
        }),
        {
          name: 'registrationDeadline',
          type: 'date',
          label: etwText('eventsRegistrationDeadlineLabel'),
          admin: { date: { pickerAppearance: 'dayAndTime' }, width: '50%' },
          timezone: eventTimeZone(
            options.defaultTimeZone,
            etwText('eventsRegistrationDeadlineTimeZoneLabel'),
          ),
        },
      ],
    },
    {
      name: 'organizers',
      type: 'relationship',
      relationTo: ORGANIZATIONS_SLUG,
      hasMany: true,
      label: etwText('eventsOrganizersLabel'),
    },
    {
      name: 'relatedNews',
      type: 'relationship',
      relationTo: NEWS_SLUG,
      hasMany: true,
      label: etwText('eventsRelatedNewsLabel'),
    },
    {
      name: 'cover',
      type: 'upload',
      relationTo: MEDIA_SLUG,
      label: etwText('eventsCoverLabel'),
    },
  ],
})
