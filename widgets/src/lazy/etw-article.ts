/**
 * The module the self-hosted loader imports for `<etw-article>` (Lit and the shared code come from the
 * shared chunk): the class, not registered.
 */
import '../shared/served-from'

export { EtwArticle as element } from '../etw-article/etw-article'
