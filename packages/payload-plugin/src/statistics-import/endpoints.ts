import type { Endpoint, PayloadRequest, Where } from 'payload'

import { Forbidden, NotFound, UnauthorizedError } from 'payload'

import type { ResolvedEtwPluginOptions } from '../types'
import type { DuplicateMode } from './collection'
import type { ImportDoc } from './run'
import type { RowResult } from './validate'

import { canRecordStatistics, hasAnyRole, hasRole } from '../access/roles'
import { STATISTICS_IMPORTS_SLUG } from '../slugs'
import { translate } from '../utilities/translate'
import { readUpload } from './body'
import { DUPLICATE_MODES } from './collection'
import { exportCsv } from './export'
import { existingIdentities, organizationsByName } from './lookups'
import { ImportFileError, parseSpreadsheet } from './parse'
import { importProgress } from './run'
import { IMPORT_STATISTICS_TASK } from './task'
import { templateCsv, templateXlsx } from './template'
import { validateRows } from './validate'

type ImportOptions = ResolvedEtwPluginOptions['statisticsImport']

const errorResponse = (status: number, message: string, extra: object = {}) =>
  Response.json({ errors: [{ message }], ...extra }, { status })

/**
 * 401 without a user, 403 for one without the role; `undefined` when the request may go on.
 * Answered rather than thrown: a refusal is the caller's mistake, not a server error to log.
 */
const refusal = (
  req: PayloadRequest,
  allowed: (req: PayloadRequest) => boolean,
): Response | undefined => {
  if (!req.user) return errorResponse(401, new UnauthorizedError(req.t).message)
  if (!allowed(req)) return errorResponse(403, new Forbidden(req.t).message)
  return undefined
}

const mayImport = (req: PayloadRequest) => canRecordStatistics({ req })
const mayExport = (req: PayloadRequest) =>
  hasAnyRole(req.user) || hasRole(req.user, 'statistics-writer')

/** A query parameter that must be one of `allowed`; `fallback` when absent. */
const choice = <T extends string>(
  req: PayloadRequest,
  name: string,
  allowed: readonly T[],
  fallback: T,
): T | Response => {
  const value = new URL(req.url ?? 'http://localhost').searchParams.get(name)
  if (value === null || value === '') return fallback
  if ((allowed as readonly string[]).includes(value)) return value as T
  return errorResponse(
    400,
    translate(req.t, 'importBadParameter', { allowed: allowed.join(', '), parameter: name }),
  )
}

/** What a preview shows of a row: its result and, for a readable row, the figure it records. */
const publicRow = ({ messages, row, snapshot, status }: RowResult) => ({
  row,
  status,
  messages,
  ...(snapshot && {
    snapshot: {
      key: snapshot.key,
      scopeKey: snapshot.scopeKey,
      value: snapshot.value,
      approximate: snapshot.approximate,
      asOf: snapshot.asOf.slice(0, 10),
    },
  }),
})

const importStatus = (doc: ImportDoc) => ({
  id: doc.id,
  status: doc.status,
  fileName: doc.fileName ?? null,
  duplicates: doc.duplicates,
  total: doc.total,
  processed:
    doc.status === 'succeeded'
      ? doc.total
      : doc.status === 'running'
        ? (importProgress(doc.id) ?? 0)
        : 0,
  created: doc.created ?? 0,
  skipped: doc.skipped ?? 0,
  message: doc.message ?? null,
})

const importEndpoint = (limits: ImportOptions): Endpoint => ({
  path: '/import',
  method: 'post',
  handler: async (req) => {
    const refused = refusal(req, mayImport)
    if (refused) return refused
    const dryRun = choice(req, 'dryRun', ['true', 'false', '1', '0'], 'false')
    if (dryRun instanceof Response) return dryRun
    const duplicates = choice<DuplicateMode>(req, 'duplicates', DUPLICATE_MODES, 'refuse')
    if (duplicates instanceof Response) return duplicates

    let parsed: Awaited<ReturnType<typeof parseSpreadsheet>>
    let fileName: string
    try {
      const upload = await readUpload(req, limits.maxBytes)
      fileName = upload.fileName
      parsed = await parseSpreadsheet(upload.bytes, limits, req.t)
    } catch (error) {
      if (error instanceof ImportFileError) return errorResponse(error.status, error.message)
      throw error
    }

    const { payload } = req
    const organizations = await organizationsByName(payload)
    const checked = validateRows(parsed.rows, { metrics: limits.metrics, organizations, t: req.t })
    const snapshots = checked.flatMap((result) => (result.snapshot ? [result.snapshot] : []))
    const existing = await existingIdentities(payload, snapshots)
    const results = validateRows(
      parsed.rows,
      { metrics: limits.metrics, organizations, t: req.t },
      existing,
    )
    const count = (status: RowResult['status']) =>
      results.filter((result) => result.status === status).length
    const summary = {
      dryRun: dryRun === 'true' || dryRun === '1',
      duplicates,
      format: parsed.format,
      total: results.length,
      valid: count('valid'),
      duplicate: count('duplicate'),
      invalid: count('invalid'),
      rows: results.map(publicRow),
    }
    if (summary.dryRun) return Response.json(summary, { status: 200 })
    if (summary.invalid > 0) {
      return errorResponse(400, translate(req.t, 'importFixErrors'), summary)
    }
    if (summary.duplicate > 0 && duplicates === 'refuse') {
      return errorResponse(409, translate(req.t, 'importRefusedDuplicates'), summary)
    }

    const rows = results.flatMap((result) => (result.snapshot ? [result.snapshot] : []))
    const created = (await payload.create({
      collection: STATISTICS_IMPORTS_SLUG,
      data: {
        duplicates,
        fileName,
        rows,
        status: 'queued',
        total: rows.length,
        user: req.user!.id,
      } as never,
      depth: 0,
      overrideAccess: true,
    })) as unknown as ImportDoc
    const job = await payload.jobs.queue({
      input: { import: String(created.id) },
      task: IMPORT_STATISTICS_TASK,
    } as never)
    // Started at once in this process; the job runner's cron (on any instance) is the fallback,
    // and an import already started is not run twice.
    void payload.jobs
      .runByID({ id: (job as { id: number | string }).id, silent: true })
      .catch((error: unknown) => payload.logger.error({ err: error }, 'statistics import failed'))
    return Response.json(
      {
        ...summary,
        rows: undefined,
        import: importStatus(created),
        statusUrl: `${payload.config.routes.api}/statistics/import/${created.id}`,
      },
      { status: 202 },
    )
  },
})

const statusEndpoint: Endpoint = {
  path: '/import/:id',
  method: 'get',
  handler: async (req) => {
    const refused = refusal(req, mayImport)
    if (refused) return refused
    const id = String(req.routeParams?.id ?? '')
    const { docs } = await req.payload.find({
      collection: STATISTICS_IMPORTS_SLUG,
      depth: 0,
      limit: 1,
      overrideAccess: false,
      select: { rows: false },
      user: req.user,
      where: { id: { equals: id } },
    })
    const doc = docs[0] as unknown as ImportDoc | undefined
    if (!doc) throw new NotFound(req.t)
    return Response.json(importStatus(doc), { headers: { 'Cache-Control': 'no-store' } })
  },
}

const templateEndpoint: Endpoint = {
  path: '/import-template',
  method: 'get',
  handler: async (req) => {
    const refused = refusal(req, mayImport)
    if (refused) return refused
    const format = choice(req, 'format', ['csv', 'xlsx'], 'csv')
    if (format instanceof Response) return format
    const body = format === 'xlsx' ? await templateXlsx() : templateCsv()
    return new Response(body, {
      headers: {
        'Content-Disposition': `attachment; filename="statistics-template.${format}"`,
        'Content-Type':
          format === 'xlsx'
            ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
            : 'text/csv; charset=utf-8',
      },
    })
  },
}

const exportEndpoint: Endpoint = {
  path: '/export',
  method: 'get',
  handler: async (req) => {
    const refused = refusal(req, mayExport)
    if (refused) return refused
    const where = (req.query?.where ?? undefined) as Where | undefined
    const sort = typeof req.query?.sort === 'string' ? req.query.sort : '-asOf'
    const csv = await exportCsv(req, where, sort)
    const day = new Date().toISOString().slice(0, 10)
    return new Response(csv, {
      headers: {
        'Cache-Control': 'no-store',
        'Content-Disposition': `attachment; filename="statistics-${day}.csv"`,
        'Content-Type': 'text/csv; charset=utf-8',
      },
    })
  },
}

/**
 * The statistics collection's spreadsheet endpoints: `POST /import` (check, and unless `dryRun`
 * queue the import job), `GET /import/:id` (its progress), `GET /import-template?format=csv|xlsx`
 * and `GET /export` (CSV of the snapshots matching the list's `where`).
 */
export const statisticsImportEndpoints = (limits: ImportOptions): Endpoint[] => [
  templateEndpoint,
  exportEndpoint,
  statusEndpoint,
  importEndpoint(limits),
]
