/**
 * The module the self-hosted loader imports for `<etw-stats-chart>` (Lit and the shared code come
 * from the shared chunk): the class, not registered.
 */
import '../shared/served-from'

export { EtwStatsChart as element } from '../etw-stats-chart/etw-stats-chart'
