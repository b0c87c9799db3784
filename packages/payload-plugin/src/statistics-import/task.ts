import type { TaskConfig } from 'payload'

import { runImport } from './run'

/** Slug of the job task that records a checked spreadsheet import. */
export const IMPORT_STATISTICS_TASK = 'importStatistics'

/**
 * The `importStatistics` job task: records the rows of one `statistics-imports` document in one
 * transaction ({@link runImport}). Not retried: a failed import is rolled back and says why; the
 * editor imports the corrected file again.
 */
export const importStatisticsTask: TaskConfig = {
  slug: IMPORT_STATISTICS_TASK,
  inputSchema: [{ name: 'import', type: 'text', required: true }],
  outputSchema: [
    { name: 'status', type: 'text' },
    { name: 'created', type: 'number' },
    { name: 'skipped', type: 'number' },
  ],
  retries: 0,
  handler: async ({ input, req }) => {
    const { created, skipped, status } = await runImport(
      req.payload,
      (input as { import: string }).import,
    )
    return { output: { created: created ?? 0, skipped: skipped ?? 0, status } }
  },
}
