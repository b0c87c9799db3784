import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'

import { ImportFileError, parseCsv, parseSpreadsheet, parseXlsx } from './parse'
import { zipBomb } from './testing'

const limits = {
  maxBytes: 1024 * 1024,
  maxEntries: 200,
  maxRows: 5,
  maxUncompressedBytes: 1024 * 1024,
}
const bytes = (text: string) => new TextEncoder().encode(text)

const refusal = async (promise: Promise<unknown> | (() => unknown)) => {
  try {
    await (typeof promise === 'function' ? promise() : promise)
  } catch (error) {
    if (error instanceof ImportFileError) return { message: error.message, status: error.status }
    throw error
  }
  throw new Error('expected a refusal')
}

describe('parseCsv', () => {
  it('should read a semicolon-separated file with a byte order mark, keeping row numbers', () => {
    const rows = parseCsv(
      bytes(
        '\uFEFFMetric;Value;As of;Source URL\nteachers;4308;2024-06-01;\n\nschools;1;2024-06-01;',
      ),
      limits,
    )
    expect(rows).toEqual([
      { cells: { asOf: '2024-06-01', metric: 'teachers', sourceUrl: '', value: '4308' }, row: 2 },
      { cells: { asOf: '2024-06-01', metric: 'schools', sourceUrl: '', value: '1' }, row: 4 },
    ])
  })

  it('should refuse a header without the required columns', async () => {
    expect(await refusal(() => parseCsv(bytes('name,value\nx,1'), limits))).toEqual({
      message:
        'The file lacks the column(s) metric, asOf. Download the template for the expected header.',
      status: 400,
    })
  })

  it('should refuse more rows than the limit', async () => {
    const text = `metric,value,asOf\n${'teachers,1,2024-06-01\n'.repeat(6)}`
    expect((await refusal(() => parseCsv(bytes(text), limits))).status).toBe(400)
  })

  it('should refuse text that is not UTF-8', async () => {
    expect(await refusal(() => parseCsv(new Uint8Array([0x6d, 0xff, 0xfe, 0x0a]), limits))).toEqual(
      {
        message: 'The file could not be read as CSV: the text is not UTF-8',
        status: 400,
      },
    )
  })
})

describe('parseSpreadsheet', () => {
  it('should refuse a file over the size limit with 413', async () => {
    expect(
      (await refusal(parseSpreadsheet(new Uint8Array(limits.maxBytes + 1), limits))).status,
    ).toBe(413)
  })
})

describe('parseXlsx', () => {
  it('should read the first sheet, dates as dates', async () => {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('s')
    sheet.addRow(['metric', 'value', 'asOf'])
    sheet.addRow(['teachers', 4308, new Date(Date.UTC(2024, 5, 1))])
    const file = new Uint8Array(await workbook.xlsx.writeBuffer())
    expect(await parseXlsx(file, limits)).toEqual([
      { cells: { asOf: new Date(Date.UTC(2024, 5, 1)), metric: 'teachers', value: 4308 }, row: 2 },
    ])
  })

  it('should refuse an archive that expands beyond the limit before reading it', async () => {
    expect(await refusal(parseXlsx(await zipBomb(2 * 1024 * 1024), limits))).toEqual({
      message: `The XLSX file expands to more than ${limits.maxUncompressedBytes} bytes or has too many parts; it is refused.`,
      status: 400,
    })
  })

  it('should refuse a file that is not a zip archive', async () => {
    const broken = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])
    expect((await refusal(parseXlsx(broken, limits))).status).toBe(400)
  })
})

describe('an archive that understates its size', () => {
  it('should be refused once inflating passes the limit', async () => {
    const lying = await zipBomb(2 * 1024 * 1024, 1000)
    expect((await refusal(parseXlsx(lying, limits))).status).toBe(400)
  })
})
