/**
 * The module the self-hosted loader imports for `<etw-events>` (Lit and the shared code come from the
 * shared chunk): the class, not registered.
 */
import '../shared/served-from'

export { EtwEvents as element } from '../etw-events/etw-events'
