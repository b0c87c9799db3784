import type { CollectionConfig } from 'payload'

import type { ResolvedEtwPluginOptions } from '../types'

import { statisticsImportEndpoints } from './endpoints'

export { generateStatisticsImportsCollection } from './collection'
export { importStatisticsTask, IMPORT_STATISTICS_TASK } from './task'

/** The statistics collection with the spreadsheet import and export endpoints, unless disabled. */
export const withStatisticsImport = (
  options: ResolvedEtwPluginOptions,
  collection: CollectionConfig,
): CollectionConfig =>
  options.disabled
    ? collection
    : {
        ...collection,
        endpoints: [
          ...(Array.isArray(collection.endpoints) ? collection.endpoints : []),
          ...statisticsImportEndpoints(options.statisticsImport),
        ],
      }
