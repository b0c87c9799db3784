import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionConfig,
  GlobalAfterChangeHook,
  GlobalConfig,
} from 'payload'

import { getFeed } from './feed'

/**
 * Clears the feed cache when a document changes: create, edit, publish, unpublish, scheduled
 * publishing (an update by the job runner) and autosave alike, since any of them may change what
 * the feed shows (an organization's name, an image's alt text…), then tells the feed's change
 * listeners (other instances).
 */
export const invalidateFeedAfterChange: CollectionAfterChangeHook = async ({
  collection,
  doc,
  req,
}) => {
  await getFeed(req.payload).changed({ collection: collection.slug, req })
  return doc
}

/** Clears the feed cache when a document is deleted. */
export const invalidateFeedAfterDelete: CollectionAfterDeleteHook = async ({
  collection,
  doc,
  req,
}) => {
  await getFeed(req.payload).changed({ collection: collection.slug, req })
  return doc
}

/** `collection` with the feed-invalidation hooks appended to its own. */
export const withFeedInvalidation = (collection: CollectionConfig): CollectionConfig => ({
  ...collection,
  hooks: {
    ...collection.hooks,
    afterChange: [...(collection.hooks?.afterChange ?? []), invalidateFeedAfterChange],
    afterDelete: [...(collection.hooks?.afterDelete ?? []), invalidateFeedAfterDelete],
  },
})

/** Clears the feed cache when a global the feed reads (the settings' link template) changes. */
export const invalidateFeedAfterGlobalChange: GlobalAfterChangeHook = ({ doc, req }) => {
  getFeed(req.payload).invalidate()
  return doc
}

/** `global` with the feed-invalidation hook appended to its own. */
export const withGlobalFeedInvalidation = (global: GlobalConfig): GlobalConfig => ({
  ...global,
  hooks: {
    ...global.hooks,
    afterChange: [...(global.hooks?.afterChange ?? []), invalidateFeedAfterGlobalChange],
  },
})
