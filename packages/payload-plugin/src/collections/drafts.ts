import type { CollectionConfig } from 'payload'

/** Versions of news and events: autosaved drafts every two seconds, scheduled publishing, 50 versions kept. */
export const draftVersions: CollectionConfig['versions'] = {
  drafts: { autosave: { interval: 2000 }, schedulePublish: true },
  maxPerDoc: 50,
}
