import type { SnapshotRow } from './snapshots'

/** Size of the trend charts in CSS pixels, and their inner margin. */
export const TREND_SIZE = { width: 120, height: 32, pad: 4 }

/**
 * Where each snapshot of a series (oldest first) is drawn in a trend chart: time along the x axis
 * at its real pace, values between their lowest and highest along the y axis (SVG's y grows
 * downwards, so a higher figure is nearer the top). A flat series sits in the middle.
 */
export const trendPoints = (
  history: readonly Pick<SnapshotRow, 'asOf' | 'value'>[],
  { width, height, pad } = TREND_SIZE,
): [x: number, y: number][] => {
  const times = history.map((row) => Date.parse(row.asOf))
  const values = history.map((row) => row.value)
  const [t0, t1] = [Math.min(...times), Math.max(...times)]
  const [v0, v1] = [Math.min(...values), Math.max(...values)]
  const share = (value: number, low: number, high: number) =>
    high === low ? 0.5 : (value - low) / (high - low)
  return history.map((row, i) => [
    Math.round((pad + share(times[i] as number, t0, t1) * (width - 2 * pad)) * 10) / 10,
    Math.round((height - pad - share(row.value, v0, v1) * (height - 2 * pad)) * 10) / 10,
  ])
}
