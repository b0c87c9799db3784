/** The columns of a statistics spreadsheet, in the template's order, with the header each one has. */
export const IMPORT_COLUMNS = [
  { id: 'metric', header: 'metric' },
  { id: 'value', header: 'value' },
  { id: 'approximate', header: 'approximate' },
  { id: 'asOf', header: 'asOf' },
  { id: 'scope', header: 'scope' },
  { id: 'country', header: 'country' },
  { id: 'region', header: 'region' },
  { id: 'organization', header: 'organization' },
  { id: 'sourceTitle', header: 'source title' },
  { id: 'sourceUrl', header: 'source URL' },
] as const

/** The id of one of {@link IMPORT_COLUMNS}. */
export type ImportColumn = (typeof IMPORT_COLUMNS)[number]['id']

/** Columns every file must have; the others may be left out. */
export const REQUIRED_COLUMNS: readonly ImportColumn[] = ['metric', 'value', 'asOf']

/** One data row of a spreadsheet: the cell of each known column, as the parser gave it. */
export type RawRow = Partial<Record<ImportColumn, unknown>>

const comparable = (header: string) => header.toLowerCase().replace(/[\s_\-.]+/g, '')

const BY_HEADER = new Map<string, ImportColumn>(
  IMPORT_COLUMNS.flatMap(({ header, id }) => [
    [comparable(header), id],
    [comparable(id), id],
  ]),
)

/**
 * The column a header names, whatever its case, spaces, hyphens or underscores (`source URL`,
 * `sourceUrl`, `source_url`); `undefined` for a column the import does not know, which it ignores.
 */
export const columnOf = (header: unknown): ImportColumn | undefined =>
  typeof header === 'string' ? BY_HEADER.get(comparable(header.replace(/^\uFEFF/, ''))) : undefined

/** The template's example rows: a programme-wide figure, a country's and a region's. */
export const TEMPLATE_ROWS: string[][] = [
  [
    'teachers',
    '4308',
    'no',
    '2024-06-01',
    'country',
    'AZ',
    '',
    '',
    'eTwinning Azerbaijan',
    'https://example.org/report',
  ],
  ['projects', '160000', 'yes', '2024-06-01', 'programme', '', '', '', '', ''],
  ['schools', '120', 'no', '2024-06-01', 'region', 'UA', 'Lviv', '', '', ''],
]
