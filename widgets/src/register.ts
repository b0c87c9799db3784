import { EtwArticle } from './etw-article/etw-article'
import { EtwEvents } from './etw-events/etw-events'
import { EtwNewsFeed } from './etw-news-feed/etw-news-feed'
import { EtwStats } from './etw-stats/etw-stats'
import { EtwStatsChart } from './etw-stats-chart/etw-stats-chart'

export { mount, mountWhenReady } from './shared/mount'

/** Tag names and their classes. */
export const elements = {
  'etw-stats': EtwStats,
  'etw-news-feed': EtwNewsFeed,
  'etw-events': EtwEvents,
  'etw-article': EtwArticle,
  'etw-stats-chart': EtwStatsChart,
} as const

/**
 * Registers every widget tag, skipping tags already defined (by another copy or version of the
 * widgets on the page), so it never throws.
 */
export const define = (registry: CustomElementRegistry = customElements) => {
  for (const [tag, element] of Object.entries(elements)) {
    if (!registry.get(tag)) registry.define(tag, element)
  }
}
