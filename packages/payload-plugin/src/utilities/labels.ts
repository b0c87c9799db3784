/** A label or description in every admin language the plugin ships. */
export type Localized = { az: string; en: string; uk: string }

/** Singular and plural labels of a collection. */
export type CollectionLabels = { plural: Localized; singular: Localized }
