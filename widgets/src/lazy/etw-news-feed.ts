/**
 * The module the self-hosted loader imports for `<etw-news-feed>` (Lit and the shared code come from the
 * shared chunk): the class, not registered.
 */
import '../shared/served-from'

export { EtwNewsFeed as element } from '../etw-news-feed/etw-news-feed'
