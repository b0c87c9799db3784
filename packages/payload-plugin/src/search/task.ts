import type { TaskConfig } from 'payload'

import { REINDEX_SEARCH_TASK, reindexSearch } from '.'

/**
 * The `reindexSearch` job task: a full reindex of news and events ({@link reindexSearch}), one
 * transaction per collection. Queued when the CMS starts with an empty index and stored content
 * (`ensureSearchIndex`), so the start is not held up by it; the job runner carries it out.
 * A second run rebuilds the same index, so a failed run is retried.
 */
export const reindexSearchTask: TaskConfig = {
  slug: REINDEX_SEARCH_TASK as never,
  outputSchema: [
    { name: 'documents', type: 'number' },
    { name: 'milliseconds', type: 'number' },
  ],
  retries: 2,
  handler: async ({ req }) => {
    const { documents, milliseconds } = await reindexSearch(req.payload)
    req.payload.logger.info(
      `search: indexed ${documents} documents in ${Math.round(milliseconds)} ms`,
    )
    return { output: { documents, milliseconds: Math.round(milliseconds) } }
  },
}
