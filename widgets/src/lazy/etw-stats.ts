/**
 * The module the self-hosted loader imports for `<etw-stats>` (Lit and the shared code come from the
 * shared chunk): the class, not registered.
 */
import '../shared/served-from'

export { EtwStats as element } from '../etw-stats/etw-stats'
