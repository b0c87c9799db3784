import type { CollectionBeforeOperationHook } from 'payload'

/** The date fields of an event whose zone is stored beside them (`<field>_tz`). */
export const EVENT_ZONED_DATES = ['startsAt', 'endsAt', 'registrationDeadline'] as const

type EventData = Record<string, unknown> & { timeZone?: unknown }

/**
 * Keeps the event's `timeZone` (what the feed, iCalendar and widgets use) and the zones beside its
 * dates in step, before Payload applies defaults: the admin's pickers set `startsAt_tz`, which
 * becomes the event's zone and that of any date still empty; an API client that sends only `timeZone` gets it beside every date it
 * did not give a zone to.
 */
export const syncTimeZones: CollectionBeforeOperationHook = ({ args, operation }) => {
  if (operation !== 'create' && operation !== 'update' && operation !== 'updateByID') return args
  const data = (args as { data?: EventData }).data
  if (!data || typeof data !== 'object') return args
  const picked = data.startsAt_tz
  if (typeof picked === 'string' && picked) {
    data.timeZone = picked
    // A date not filled in yet follows the event's zone, so its picker opens there.
    for (const field of EVENT_ZONED_DATES) {
      if (data[field] === undefined || data[field] === null) data[`${field}_tz`] = picked
    }
  } else if (typeof data.timeZone === 'string' && data.timeZone) {
    for (const field of EVENT_ZONED_DATES) {
      const key = `${field}_tz`
      if (data[key] === undefined || data[key] === null) data[key] = data.timeZone
    }
  }
  return args
}
