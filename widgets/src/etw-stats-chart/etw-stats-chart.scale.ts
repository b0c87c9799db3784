/**
 * Scales and axis ticks of `<etw-stats-chart>`: plain arithmetic, no chart library.
 */

/**
 * Round tick values covering `min`…`max`: about `count` steps of 1, 2 or 5 times a power of ten,
 * from a multiple of the step at or below `min` to one at or above `max`. Whole numbers stay whole
 * (counts never get a tick at 4,212.5). An empty span is widened so that the ticks still frame it.
 */
export const niceTicks = (min: number, max: number, count = 5): number[] => {
  if (!(max > min)) {
    const pad = Math.abs(min) / 10 || 1
    ;[min, max] = [min - pad, max + pad]
  }
  const raw = (max - min) / Math.max(1, count)
  const power = 10 ** Math.floor(Math.log10(raw))
  const fraction = raw / power
  let step = (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power
  if (Number.isInteger(min) && Number.isInteger(max)) step = Math.max(1, step)
  const ticks: number[] = []
  for (let i = Math.floor(min / step); i <= Math.ceil(max / step); i++) {
    // Rounded, so that 0.1 × 3 is 0.3 and not 0.30000000000000004.
    ticks.push(Number((i * step).toPrecision(12)))
  }
  return ticks
}

/** A linear map from `[d0, d1]` to `[r0, r1]`; an empty domain maps to the middle of the range. */
export const linear =
  (d0: number, d1: number, r0: number, r1: number) =>
  (value: number): number =>
    d1 === d0 ? (r0 + r1) / 2 : r0 + ((value - d0) * (r1 - r0)) / (d1 - d0)

/** Milliseconds since 1970 of an ISO day (`2023-05-15`), at midnight UTC. */
export const dayTime = (day: string): number => Date.parse(`${day.slice(0, 10)}T00:00:00Z`)

/** At most `count` indexes of `length` items, evenly spread, the first and the last included. */
export const spread = (length: number, count: number): number[] => {
  if (length <= count) return Array.from({ length }, (_, i) => i)
  const step = (length - 1) / (count - 1)
  return Array.from({ length: count }, (_, i) => Math.round(i * step))
}
