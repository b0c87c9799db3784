import Papa from 'papaparse'

// Papaparse's own `escapeFormulae: true` pattern ends in `.*$`, which misses a cell with a line
// break after the formula; the first character alone decides.
const FORMULA_START = /^[=+\-@\t\r]/

/**
 * `rows` under `header` as CSV (RFC 4180, CRLF line ends). A text cell that a spreadsheet would
 * run as a formula — one starting with `=`, `+`, `-` or `@`, or with a tab or carriage return, which
 * some spreadsheets strip first — is written with a leading `'` and quoted (OWASP's advice on CSV
 * injection, papaparse's `escapeFormulae`). Numbers stay numbers.
 */
export const toCsv = (header: readonly string[], rows: readonly (readonly unknown[])[]): string =>
  Papa.unparse(
    { fields: [...header], data: rows.map((row) => row.map((cell) => cell ?? '')) },
    { escapeFormulae: FORMULA_START, newline: '\r\n' },
  )
