import type { DateField, Field } from 'payload'

import type { EtwLabel } from '../utilities/labels'

import { validateTimeZone } from './validators'

const zones = [...new Set([...Intl.supportedValuesOf('timeZone'), 'Europe/Kyiv', 'UTC'])].sort()

/** Every IANA time zone the runtime knows, with the current names ICU may lack (`Europe/Kyiv`). */
export const TIME_ZONE_OPTIONS = zones.map((zone) => ({ label: zone, value: zone }))

/**
 * The `timezone` option of an event's date fields: the admin shows and takes the time in the zone
 * stored beside the date (`<field>_tz`), not in the editor's browser zone. The stored zone is a
 * text field checked against the IANA database, so no list of zones ends up in the database schema.
 */
export const eventTimeZone = (
  defaultTimeZone: string,
  label: EtwLabel,
): NonNullable<DateField['timezone']> => ({
  defaultTimezone: defaultTimeZone,
  supportedTimezones: TIME_ZONE_OPTIONS,
  override: ({ baseField }) =>
    ({
      name: baseField.name,
      type: 'text',
      admin: { hidden: true },
      defaultValue: baseField.defaultValue,
      label,
      // Optional for API clients, which may send `timeZone` alone; the date's own validation still
      // asks for a zone beside a required date, and the default or the event's zone fills it.
      required: false,
      validate: validateTimeZone,
    }) as Field as typeof baseField,
})
