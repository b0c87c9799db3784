import type {
  CollectionConfig,
  CollectionSlug,
  GlobalConfig,
  GlobalSlug,
  SchedulePublishTaskInput,
  TaskConfig,
} from 'payload'

import { planSchedule } from './plan'

const schedules = (entity: CollectionConfig | GlobalConfig) => {
  const drafts = typeof entity.versions === 'object' ? entity.versions.drafts : undefined
  return typeof drafts === 'object' && Boolean(drafts.schedulePublish)
}

/**
 * The `schedulePublish` task, in place of Payload's own (the job runner takes the first task of a
 * slug, and this one is listed before the one Payload adds). Same input as Payload's, so the admin's
 * schedule drawer and its list of upcoming jobs keep working; it differs in how it publishes:
 * {@link planSchedule} checks the draft again when the job runs, and the document is published in
 * a locale that has its required fields (the editor's pick, or the first filled one), so an item
 * written only in Ukrainian goes live instead of failing on empty English fields. A refused or failed
 * publication fails the job, and the admin shows the failure on the document and the dashboard.
 */
export const generateSchedulePublishTask = (
  collections: CollectionConfig[],
  globals: GlobalConfig[],
  authCollections: string[],
): TaskConfig<'schedulePublish'> => {
  const collectionSlugs = collections.filter(schedules).map(({ slug }) => slug)
  const globalSlugs = globals.filter(schedules).map(({ slug }) => slug)
  return {
    slug: 'schedulePublish',
    inputSchema: [
      {
        name: 'type',
        type: 'radio',
        defaultValue: 'publish',
        options: ['publish', 'unpublish'],
      },
      { name: 'locale', type: 'text' },
      ...(collectionSlugs.length > 0
        ? [
            {
              name: 'doc',
              type: 'relationship' as const,
              relationTo: collectionSlugs as CollectionSlug[],
            },
          ]
        : []),
      { name: 'global', type: 'select', options: globalSlugs },
      { name: 'user', type: 'relationship', relationTo: authCollections as CollectionSlug[] },
    ],
    handler: async ({ input: taskInput, req }) => {
      const input = taskInput as SchedulePublishTaskInput
      const { payload } = req
      const _status = !input.type || input.type === 'publish' ? 'published' : 'draft'
      let user: Record<string, unknown> | null = null
      if (input.user !== undefined && input.user !== null) {
        // Payload's own task fails closed on a bare user id, which says nothing of the collection.
        if (typeof input.user !== 'object') throw new Error('The scheduling user is unknown.')
        user = {
          ...(await payload.findByID({
            collection: input.user.relationTo,
            depth: 0,
            id: input.user.value,
          })),
          collection: input.user.relationTo,
        }
      }
      const plan = await planSchedule(payload, input, req.t, req.i18n?.language)
      if (input.doc) {
        const idType =
          payload.collections[input.doc.relationTo]?.customIDType ?? payload.db.defaultIDType
        await payload.update({
          collection: input.doc.relationTo,
          data: { _status },
          depth: 0,
          id: idType === 'number' ? Number(input.doc.value) : input.doc.value,
          locale: plan.locale as never,
          overrideAccess: user === null,
          publishSpecificLocale: (plan.onlyThisLocale ? plan.locale : undefined) as never,
          user: user as never,
        })
      }
      if (input.global) {
        await payload.updateGlobal({
          slug: input.global as GlobalSlug,
          data: { _status } as never,
          depth: 0,
          locale: plan.locale as never,
          overrideAccess: user === null,
          publishSpecificLocale: (plan.onlyThisLocale ? plan.locale : undefined) as never,
          user: user as never,
        })
      }
      return { output: {} }
    },
  }
}
