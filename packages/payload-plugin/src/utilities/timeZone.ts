const resolve = (value: string): string | undefined => {
  try {
    return new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone
  } catch {
    return undefined
  }
}

/**
 * Whether `value` names a time zone of the IANA database (`Asia/Baku`, `Europe/Kyiv`, `UTC`), as the
 * runtime's ICU knows it. Fixed offsets such as `+04:00` are refused: they ignore daylight saving.
 */
export const isTimeZone = (value: unknown): value is string =>
  typeof value === 'string' && /^[A-Za-z]/.test(value) && resolve(value) !== undefined

const listed = Intl.supportedValuesOf('timeZone')

/**
 * A valid time zone with the capitalisation of the IANA database (`asia/baku` → `Asia/Baku`).
 * Names are otherwise kept as typed: aliases such as `Europe/Kyiv` are not replaced by ICU's older name.
 */
export const normalizeTimeZone = <T>(value: T): T | string => {
  if (typeof value !== 'string') return value
  const trimmed = value.trim()
  if (!isTimeZone(trimmed)) return value
  return listed.find((zone) => zone.toLowerCase() === trimmed.toLowerCase()) ?? trimmed
}
