import type { PayloadRequest, Where } from 'payload'

import { STATISTICS_SLUG } from '../slugs'
import { IMPORT_COLUMNS } from './columns'
import { toCsv } from './escape'

/** Most snapshots one export writes. */
export const MAX_EXPORT_ROWS = 100_000

const PAGE = 1000

type Stored = {
  key?: string | null
  value?: number | null
  approximate?: boolean | null
  asOf?: string | null
  scope?: string | null
  country?: string | null
  region?: string | null
  organization?: { id: number | string; slug?: string | null } | number | string | null
  source?: { title?: string | null; url?: string | null } | null
}

const organizationOf = (organization: Stored['organization']) =>
  typeof organization === 'object' && organization !== null
    ? (organization.slug ?? organization.id)
    : (organization ?? '')

/** A stored snapshot as a row of the import's columns, so an export can be imported again. */
const toRow = (doc: Stored): unknown[] => [
  doc.key ?? '',
  doc.value ?? '',
  doc.approximate ? 'yes' : 'no',
  doc.asOf ? doc.asOf.slice(0, 10) : '',
  doc.scope ?? '',
  doc.country ?? '',
  doc.region ?? '',
  organizationOf(doc.organization),
  doc.source?.title ?? '',
  doc.source?.url ?? '',
]

/**
 * The snapshots matching `where` (the statistics list's filters) that the request's user may read,
 * as CSV with the import's header, formula-like cells escaped, with a byte order mark so that
 * spreadsheets read it as UTF-8.
 */
export const exportCsv = async (
  req: PayloadRequest,
  where: Where | undefined,
  sort: string,
): Promise<string> => {
  const rows: unknown[][] = []
  for (let page = 1; rows.length < MAX_EXPORT_ROWS; page += 1) {
    // Without `req`: a local read, so the REST list bound does not cut the export short.
    const result = await req.payload.find({
      collection: STATISTICS_SLUG,
      depth: 1,
      limit: PAGE,
      overrideAccess: false,
      page,
      populate: { organizations: { slug: true } } as never,
      sort,
      user: req.user,
      where,
    })
    for (const doc of result.docs as unknown as Stored[]) rows.push(toRow(doc))
    if (!result.hasNextPage) break
  }
  return `\uFEFF${toCsv(
    IMPORT_COLUMNS.map(({ header }) => header),
    rows.slice(0, MAX_EXPORT_ROWS),
  )}`
}
