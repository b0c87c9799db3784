import type { Config, SanitizedConfig } from 'payload'

import type { EtwFeedOptions } from '../types'

import { applyFeedDefaults } from '../defaults'

/** Resolved feed options, or `false` when the feed is off. */
export type FeedOptions = Required<EtwFeedOptions> | false

/** Where the plugin keeps its resolved feed options in the Payload config (`config.custom`). */
export const FEED_OPTIONS_KEY = 'etwFeed'

/** The config with the feed options stored where {@link readFeedOptions} finds them. */
export const storeFeedOptions = (config: Config, options: FeedOptions): Config => ({
  ...config,
  custom: { ...config.custom, [FEED_OPTIONS_KEY]: options },
})

/**
 * The feed options the plugin stored in `config`; the defaults when the config was not built with
 * the plugin.
 */
export const readFeedOptions = (config: Pick<SanitizedConfig, 'custom'>): FeedOptions => {
  const stored = (config.custom as Record<string, unknown> | undefined)?.[FEED_OPTIONS_KEY]
  if (stored === false) return false
  return applyFeedDefaults((stored as EtwFeedOptions | undefined) ?? {})
}
