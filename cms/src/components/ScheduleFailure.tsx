import type { ServerProps } from 'payload'

import { findScheduleFailures, translateEtw } from '@etw/payload-plugin'

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
      {translateEtw(i18n.t as never, 'scheduleFailed', { message: failure.message })}
    </p>
  )
}
