import type { ServerProps } from 'payload'

import { findScheduleFailures } from '@etw/payload-plugin'
import { etwT } from '@etw/payload-plugin/i18n'

/**
 * Shown before the document controls of a news item or event whose latest scheduled publication
 * failed: "Scheduled publishing failed: …" with the job's message. Nothing otherwise.
 */
export const ScheduleFailure = async ({
  collectionSlug,
  i18n,
  id,
  payload,
  user,
}: ServerProps & { collectionSlug: string }) => {
  if (id === undefined || !user) return null
  const [failure] = await findScheduleFailures(payload, user, { collection: collectionSlug, id })
  if (!failure) return null
  return (
    <p className="etw-schedule-failure" role="alert">
      {etwT(i18n.t)('scheduleFailed', { message: failure.message })}
    </p>
  )
}
