/**
 * The module the self-hosted loader imports for `<etw-article>` (Lit and the shared code come from the
 * shared chunk): the class, not registered.
 */
import { originOf, setDefaultApiBase } from '../shared/config'

// The chunks are served from the CMS, as the loader is: its origin is the default `api-base`.
setDefaultApiBase(originOf(import.meta.url))

export { EtwArticle as element } from '../etw-article/etw-article'
