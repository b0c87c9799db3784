import type { TFunction } from '@payloadcms/translations'

import ExcelJS from 'exceljs'
import Papa from 'papaparse'

import type { EtwTranslationKey } from '../translations'
import type { ImportColumn, RawRow } from './columns'
import type { NumberedRow } from './validate'

import { translate } from '../utilities/translate'
import { ArchiveRefused, checkArchive } from './archive'
import { columnOf, IMPORT_COLUMNS, REQUIRED_COLUMNS } from './columns'

/** The limits a file is held to before and while it is read. */
export interface FileLimits {
  maxBytes: number
  maxRows: number
  maxUncompressedBytes: number
  maxEntries: number
}

/** A file the import refuses as a whole, with the HTTP status that says why (400 or 413). */
export class ImportFileError extends Error {
  constructor(
    readonly status: 400 | 413,
    message: string,
  ) {
    super(message)
  }
}

/** The two formats a file may have. */
export type FileFormat = 'csv' | 'xlsx'

const refuse = (
  t: TFunction | undefined,
  key: EtwTranslationKey,
  vars?: Record<string, number | string>,
  status: 400 | 413 = 400,
) => new ImportFileError(status, translate(t, key, vars))

/** An XLSX file is a zip archive: it starts with a local file header, `PK\x03\x04`. */
export const detectFormat = (bytes: Uint8Array): FileFormat =>
  bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04 ? 'xlsx' : 'csv'

const isBlank = (cells: readonly unknown[]) =>
  cells.every((cell) => cell === undefined || cell === null || String(cell).trim() === '')

/**
 * Turns a grid (header first) into numbered rows of known columns: the header must name every
 * required column; unknown columns are ignored; blank rows are skipped but keep their number.
 */
const toRows = (
  grid: readonly (readonly unknown[])[],
  limits: FileLimits,
  t: TFunction | undefined,
): NumberedRow[] => {
  const [header = [], ...body] = grid
  const columns = header.map(columnOf)
  const missing = REQUIRED_COLUMNS.filter((column) => !columns.includes(column))
  if (missing.length > 0) {
    const names = missing.map((id) => IMPORT_COLUMNS.find((column) => column.id === id)!.header)
    throw refuse(t, 'importMissingColumns', { columns: names.join(', ') })
  }
  const rows: NumberedRow[] = []
  body.forEach((cells, index) => {
    if (isBlank(cells)) return
    const row: RawRow = {}
    columns.forEach((column: ImportColumn | undefined, position) => {
      if (column && row[column] === undefined) row[column] = cells[position]
    })
    rows.push({ cells: row, row: index + 2 })
  })
  if (rows.length === 0) throw refuse(t, 'importEmpty')
  if (rows.length > limits.maxRows) throw refuse(t, 'importTooManyRows', { limit: limits.maxRows })
  return rows
}

/**
 * Reads a CSV file with papaparse: UTF-8 (a byte order mark is dropped), the delimiter detected
 * (`,`, `;` or tab, as spreadsheets export them), quoted fields per RFC 4180.
 */
export const parseCsv = (bytes: Uint8Array, limits: FileLimits, t?: TFunction): NumberedRow[] => {
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw refuse(t, 'importBadFile', { format: 'CSV', reason: 'the text is not UTF-8' })
  }
  if (text.includes('\u0000')) {
    throw refuse(t, 'importBadFile', { format: 'CSV', reason: 'the file is binary' })
  }
  // The whole file is read (its size is bounded): blank lines keep the row numbers right.
  const result = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
    delimitersToGuess: [',', ';', '\t'],
    skipEmptyLines: false,
  })
  const fatal = result.errors.find((error) => error.type === 'Quotes')
  if (fatal) {
    const where = fatal.row === undefined ? '' : ` (row ${fatal.row + 1})`
    throw refuse(t, 'importBadFile', { format: 'CSV', reason: `${fatal.message}${where}` })
  }
  return toRows(result.data, limits, t)
}

type CellValue = ExcelJS.CellValue

/** A cell's value as the import reads it: a formula's last result, a link's or rich text's text. */
const plain = (value: CellValue): unknown => {
  if (value === null || value === undefined) return undefined
  if (typeof value !== 'object' || value instanceof Date) return value
  if ('richText' in value) return value.richText.map((part) => part.text).join('')
  if ('hyperlink' in value) return plain(value.text as CellValue)
  if ('formula' in value || 'sharedFormula' in value) return plain(value.result as CellValue)
  if ('error' in value) return value.error
  return undefined
}

/**
 * Reads the first worksheet of an XLSX file with exceljs, after {@link checkArchive} has made sure
 * the archive does not expand beyond the limits. Formulas are not run: their stored result is read.
 */
export const parseXlsx = async (
  bytes: Uint8Array,
  limits: FileLimits,
  t?: TFunction,
): Promise<NumberedRow[]> => {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  try {
    await checkArchive(buffer, limits)
  } catch (error) {
    if (error instanceof ArchiveRefused && error.reason === 'expands') {
      throw refuse(t, 'importExpands', { limit: limits.maxUncompressedBytes })
    }
    const reason = error instanceof Error ? error.message : String(error)
    throw refuse(t, 'importBadFile', { format: 'XLSX', reason })
  }
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(buffer as never)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw refuse(t, 'importBadFile', { format: 'XLSX', reason })
  }
  const sheet = workbook.worksheets[0]
  if (!sheet) throw refuse(t, 'importEmpty')
  if (sheet.actualRowCount > limits.maxRows + 1) {
    throw refuse(t, 'importTooManyRows', { limit: limits.maxRows })
  }
  const grid: unknown[][] = []
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    const cells: unknown[] = []
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = plain(cell.value)
    })
    grid[number - 1] = cells
  })
  for (let index = 0; index < grid.length; index += 1) grid[index] ??= []
  return toRows(grid, limits, t)
}

/** Reads a file of either format, refusing one over `limits.maxBytes` with a 413. */
export const parseSpreadsheet = async (
  bytes: Uint8Array,
  limits: FileLimits,
  t?: TFunction,
): Promise<{ format: FileFormat; rows: NumberedRow[] }> => {
  if (bytes.byteLength > limits.maxBytes) {
    throw refuse(t, 'importTooLarge', { limit: limits.maxBytes }, 413)
  }
  if (bytes.byteLength === 0) throw refuse(t, 'importEmpty')
  const format = detectFormat(bytes)
  const rows = format === 'xlsx' ? await parseXlsx(bytes, limits, t) : parseCsv(bytes, limits, t)
  return { format, rows }
}
