import ExcelJS from 'exceljs'

import { IMPORT_COLUMNS, TEMPLATE_ROWS } from './columns'
import { toCsv } from './escape'

const HEADER = IMPORT_COLUMNS.map(({ header }) => header)

/** The import template as CSV: the header and a few example rows. */
export const templateCsv = (): string => toCsv(HEADER, TEMPLATE_ROWS)

/** The import template as an XLSX workbook: the same header and rows, values as text. */
export const templateXlsx = async (): Promise<Uint8Array<ArrayBuffer>> => {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('statistics')
  sheet.addRow(HEADER).font = { bold: true }
  for (const row of TEMPLATE_ROWS) sheet.addRow(row)
  sheet.columns.forEach((column) => {
    column.width = 18
  })
  return new Uint8Array(Buffer.from(await workbook.xlsx.writeBuffer()))
}
