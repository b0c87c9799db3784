import type { Payload, SchedulePublishTaskInput } from 'payload'

import { planSchedule } from './plan'

/**
 * Makes `payload.jobs.queue` refuse a `schedulePublish` job that {@link planSchedule} refuses, so
 * the editor learns it when setting the schedule rather than when the job fails. Payload queues jobs
 * straight into the database, without the jobs collection's hooks, so the queue call itself is the
 * one place every path (the admin's schedule drawer, the Local API) goes through.
 */
export const guardScheduleQueue = (payload: Payload): void => {
  const queue = payload.jobs.queue.bind(payload.jobs)
  payload.jobs.queue = (async (args: Parameters<typeof queue>[0]) => {
    if ('task' in args && args.task === 'schedulePublish') {
      await planSchedule(
        payload,
        args.input as SchedulePublishTaskInput,
        args.req?.t,
        args.req?.i18n?.language,
      )
    }
    return queue(args)
  }) as typeof queue
}
