'use client'

import { Button, useConfig, useTranslation } from '@payloadcms/ui'
import { useRouter, useSearchParams } from 'next/navigation'
import { useEffect, useRef, useState } from 'react'

type RowStatus = 'duplicate' | 'invalid' | 'valid'

interface PreviewRow {
  row: number
  status: RowStatus
  messages: string[]
  snapshot?: { key: string; scopeKey: string; value: number; approximate: boolean; asOf: string }
}

interface Preview {
  total: number
  valid: number
  duplicate: number
  invalid: number
  rows: PreviewRow[]
}

interface ImportState {
  id: number | string
  status: 'failed' | 'queued' | 'running' | 'succeeded'
  total: number
  processed: number
  created: number
  skipped: number
  message: string | null
}

/** Most valid rows the preview lists; rows with errors or duplicates are always all listed. */
const MAX_VALID_ROWS_SHOWN = 100

const POLL_MS = 500

const errorMessage = (body: unknown, fallback: string): string => {
  const errors = (body as { errors?: { message?: unknown }[] } | undefined)?.errors
  const message = errors?.[0]?.message
  return typeof message === 'string' ? message : fallback
}

/** The list's own filters and sort, as the export endpoint takes them. */
const listQuery = (params: URLSearchParams): string => {
  const kept = new URLSearchParams()
  params.forEach((value, name) => {
    if (name.startsWith('where') || name === 'sort') kept.append(name, value)
  })
  const query = kept.toString()
  return query ? `?${query}` : ''
}

/**
 * Above the statistics list: the spreadsheet import (template, check with a per-row preview, the
 * choice for existing snapshots, the import job with its progress and summary) and the CSV export
 * of what the list shows with its current filters.
 */
export const StatisticsImport = () => {
  const { config } = useConfig()
  const { i18n, t } = useTranslation()
  const tr = t as unknown as (key: string, vars?: Record<string, unknown>) => string
  const router = useRouter()
  const searchParams = useSearchParams()
  const api = `${config.serverURL}${config.routes.api}/statistics`

  const [file, setFile] = useState<File | null>(null)
  const [duplicates, setDuplicates] = useState<'refuse' | 'skip'>('skip')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [preview, setPreview] = useState<Preview | null>(null)
  const [job, setJob] = useState<ImportState | null>(null)
  const input = useRef<HTMLInputElement>(null)

  const send = async (dryRun: boolean) => {
    if (!file) return undefined
    const body = new FormData()
    body.set('file', file)
    const query = new URLSearchParams({ dryRun: String(dryRun), duplicates })
    const response = await fetch(`${api}/import?${query}`, {
      body,
      credentials: 'include',
      headers: { 'Accept-Language': i18n.language },
      method: 'POST',
    })
    const json = (await response.json().catch(() => undefined)) as unknown
    return { json, response }
  }

  const check = async () => {
    setBusy(true)
    setError(null)
    setPreview(null)
    setJob(null)
    try {
      const answer = await send(true)
      if (!answer) return
      if (answer.response.ok) setPreview(answer.json as Preview)
      else setError(errorMessage(answer.json, answer.response.statusText))
    } catch (failure) {
      setError(String(failure))
    } finally {
      setBusy(false)
    }
  }

  const start = async () => {
    setBusy(true)
    setError(null)
    try {
      const answer = await send(false)
      if (!answer) return
      if (answer.response.status === 202) {
        setJob((answer.json as { import: ImportState }).import)
      } else {
        setError(errorMessage(answer.json, answer.response.statusText))
        setBusy(false)
      }
    } catch (failure) {
      setError(String(failure))
      setBusy(false)
    }
  }

  const jobId = job?.id
  const finished = job?.status === 'succeeded' || job?.status === 'failed'
  useEffect(() => {
    if (jobId === undefined || finished) return undefined
    const timer = setInterval(async () => {
      const response = await fetch(`${api}/import/${jobId}`, { credentials: 'include' })
      if (!response.ok) return
      const state = (await response.json()) as ImportState
      setJob(state)
      if (state.status === 'succeeded' || state.status === 'failed') {
        setBusy(false)
        if (state.status === 'succeeded') router.refresh()
      }
    }, POLL_MS)
    return () => clearInterval(timer)
  }, [api, finished, jobId, router])

  const reset = () => {
    setFile(null)
    setPreview(null)
    setJob(null)
    setError(null)
    if (input.current) input.current.value = ''
  }

  const importable = preview ? preview.valid + (duplicates === 'skip' ? preview.duplicate : 0) : 0
  const blocked =
    !preview ||
    preview.invalid > 0 ||
    (duplicates === 'refuse' && preview.duplicate > 0) ||
    preview.valid === 0
  const shown = preview
    ? [
        ...preview.rows.filter((row) => row.status !== 'valid'),
        ...preview.rows.filter((row) => row.status === 'valid').slice(0, MAX_VALID_ROWS_SHOWN),
      ].sort((a, b) => a.row - b.row)
    : []
  const statusLabel: Record<RowStatus, string> = {
    duplicate: tr('etw:importRowDuplicate'),
    invalid: tr('etw:importRowInvalid'),
    valid: tr('etw:importRowValid'),
  }

  return (
    <section className="etw-import" aria-labelledby="etw-import-title">
      <h2 id="etw-import-title" className="etw-summary__title">
        {tr('etw:importTitle')}
      </h2>
      <p className="etw-import__intro">{tr('etw:importIntro')}</p>
      <p className="etw-import__links">
        <a href={`${api}/import-template?format=csv`} download>
          {tr('etw:importTemplateCsv')}
        </a>
        <a href={`${api}/import-template?format=xlsx`} download>
          {tr('etw:importTemplateXlsx')}
        </a>
        <a
          href={`${api}/export${listQuery(new URLSearchParams(searchParams.toString()))}`}
          download
        >
          {tr('etw:importExportCsv')}
        </a>
      </p>

      {!job && (
        <div className="etw-import__form">
          <label className="etw-import__file">
            <span>{tr('etw:importChooseFile')}</span>
            <input
              ref={input}
              type="file"
              name="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(event) => {
                setFile(event.target.files?.[0] ?? null)
                setPreview(null)
                setError(null)
              }}
            />
          </label>
          <fieldset className="etw-import__duplicates">
            <legend>{tr('etw:importDuplicates')}</legend>
            {(['skip', 'refuse'] as const).map((mode) => (
              <label key={mode}>
                <input
                  type="radio"
                  name="etw-import-duplicates"
                  value={mode}
                  checked={duplicates === mode}
                  onChange={() => setDuplicates(mode)}
                />
                {tr(mode === 'skip' ? 'etw:importDuplicatesSkip' : 'etw:importDuplicatesRefuse')}
              </label>
            ))}
          </fieldset>
          <Button buttonStyle="secondary" disabled={!file || busy} onClick={check} size="medium">
            {busy && !preview ? tr('etw:importChecking') : tr('etw:importCheck')}
          </Button>
        </div>
      )}

      {error && (
        <p className="etw-import__error" role="alert">
          {error}
        </p>
      )}

      {preview && !job && (
        <div className="etw-import__preview">
          <p role="status">
            {tr('etw:importPreviewSummary', {
              duplicates: preview.duplicate,
              invalid: preview.invalid,
              total: preview.total,
              valid: preview.valid,
            })}
          </p>
          {preview.invalid > 0 && <p className="etw-import__error">{tr('etw:importFixErrors')}</p>}
          {preview.invalid === 0 && duplicates === 'refuse' && preview.duplicate > 0 && (
            <p className="etw-import__error">{tr('etw:importRefusedDuplicates')}</p>
          )}
          <div className="etw-summary__scroll">
            <table className="etw-table etw-import__rows">
              <thead>
                <tr>
                  <th scope="col" className="etw-table__number">
                    {tr('etw:importRow')}
                  </th>
                  <th scope="col">{tr('etw:importResult')}</th>
                  <th scope="col">metric</th>
                  <th scope="col">scope</th>
                  <th scope="col" className="etw-table__number">
                    value
                  </th>
                  <th scope="col">asOf</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((row) => (
                  <tr key={row.row} className={`etw-import__row etw-import__row--${row.status}`}>
                    <td className="etw-table__number">{row.row}</td>
                    <td>
                      <strong>{statusLabel[row.status]}</strong>
                      {row.messages.map((message) => (
                        <div key={message}>{message}</div>
                      ))}
                    </td>
                    <td>{row.snapshot?.key}</td>
                    <td>{row.snapshot?.scopeKey}</td>
                    <td className="etw-table__number">
                      {row.snapshot &&
                        `${row.snapshot.value.toLocaleString(i18n.language)}${row.snapshot.approximate ? '+' : ''}`}
                    </td>
                    <td>{row.snapshot?.asOf}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Button disabled={blocked || busy} onClick={start} size="medium">
            {tr('etw:importRun', { count: importable })}
          </Button>
        </div>
      )}

      {job && (
        <div className="etw-import__job" aria-live="polite">
          {job.status === 'queued' && <p>{tr('etw:importQueued')}</p>}
          {(job.status === 'queued' || job.status === 'running') && (
            <>
              <progress
                className="etw-import__progress"
                max={Math.max(job.total, 1)}
                value={job.processed}
                aria-label={tr('etw:importRunning', {
                  processed: job.processed,
                  total: job.total,
                })}
              />
              <p>{tr('etw:importRunning', { processed: job.processed, total: job.total })}</p>
            </>
          )}
          {job.status === 'succeeded' && (
            <p role="status" className="etw-import__done">
              {tr('etw:importDone', { created: job.created, skipped: job.skipped })}
            </p>
          )}
          {job.status === 'failed' && (
            <p role="alert" className="etw-import__error">
              {tr('etw:importFailed', { message: job.message ?? '' })}
            </p>
          )}
          {finished && (
            <Button buttonStyle="secondary" onClick={reset} size="medium">
              {tr('etw:importAgain')}
            </Button>
          )}
        </div>
      )}
    </section>
  )
}
