import type { SnapshotRow } from './snapshots'

import { formatDay, formatFigure } from './format'
import { TREND_SIZE, trendPoints } from './trend'

/**
 * A small line chart of one metric's snapshots in one scope, oldest first, as inline SVG (see
 * {@link trendPoints}). Named for screen readers by its first and last figures, with a point per
 * snapshot titled by its date and value. Nothing for fewer than two snapshots.
 */
export const TrendChart = ({
  history,
  label,
  language,
}: {
  history: readonly SnapshotRow[]
  /** What the chart shows, e.g. "Teachers, Azerbaijan". */
  label: string
  language: string
}) => {
  if (history.length < 2) return null
  const points = trendPoints(history)
  const describe = (row: SnapshotRow) =>
    `${formatFigure(row, language)} (${formatDay(row.asOf, language)})`
  const { width, height } = TREND_SIZE
  return (
    <svg
      className="etw-trend"
      role="img"
      aria-label={`${label}: ${describe(history[0] as SnapshotRow)} → ${describe(history.at(-1) as SnapshotRow)}`}
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      data-points={history.length}
    >
      <polyline
        className="etw-trend__line"
        points={points.map((point) => point.join(',')).join(' ')}
      />
      {points.map(([x, y], i) => (
        <circle key={i} className="etw-trend__point" cx={x} cy={y} r={2}>
          <title>{describe(history[i] as SnapshotRow)}</title>
        </circle>
      ))}
    </svg>
  )
}
