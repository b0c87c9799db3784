'use client'

import { etwT } from '@etw/payload-plugin/i18n'
import { useConfig, useDocumentInfo, useFormFields, useTranslation } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

import type { SnapshotRow } from './snapshots'

import { formatDay, formatFigure } from './format'
import type { SnapshotScopeValues } from './previousQuery'
import { previousFigureQuery } from './previousQuery'

/** How long typing must pause before the previous figure is looked up, in milliseconds. */
const DEBOUNCE = 300

/** The form fields that name the snapshot's metric, scope and date. */
const FIELDS = [
  'metric',
  'customKey',
  'scope',
  'country',
  'region',
  'organization',
  'asOf',
] as const

type Found = { state: 'idle' } | { state: 'none' } | { state: 'found'; snapshot: SnapshotRow }

/**
 * Under the value of a statistics snapshot: the latest earlier figure of the same metric and
 * scope, with its date, looked up (with the editor's own access) as the metric, scope and date
 * are typed, so that a new figure can be checked against the last one.
 */
export const PreviousFigure = () => {
  const { i18n, t: translate } = useTranslation()
  const t = etwT(translate)
  const { config } = useConfig()
  const { id } = useDocumentInfo()
  // One text of every field the lookup depends on: the component renders again only when one changes.
  const watched = useFormFields(([fields]) =>
    JSON.stringify(FIELDS.map((path) => fields[path]?.value ?? null)),
  )
  const values = Object.fromEntries(
    FIELDS.map((path, index) => [path, (JSON.parse(watched) as unknown[])[index]]),
  ) as SnapshotScopeValues
  const query = previousFigureQuery(values, id)
  const [found, setFound] = useState<Found>({ state: 'idle' })

  useEffect(() => {
    if (!query) {
      setFound({ state: 'idle' })
      return
    }
    const controller = new AbortController()
    const timer = setTimeout(() => {
      fetch(`${config.serverURL}${config.routes.api}/statistics?${query}`, {
        credentials: 'include',
        signal: controller.signal,
      })
        .then((response) => (response.ok ? response.json() : Promise.reject(response.status)))
        .then((body: { docs?: SnapshotRow[] }) => {
          // An answer read before the fields changed again is not this form's any more.
          if (controller.signal.aborted) return
          const [snapshot] = body.docs ?? []
          setFound(snapshot ? { state: 'found', snapshot } : { state: 'none' })
        })
        .catch(() => {
          if (!controller.signal.aborted) setFound({ state: 'idle' })
        })
    }, DEBOUNCE)
    return () => {
      clearTimeout(timer)
      controller.abort()
    }
  }, [query, config.serverURL, config.routes.api])

  if (found.state === 'idle') return null
  return (
    <p className="etw-previous-figure" aria-live="polite" data-previous-figure={found.state}>
      {found.state === 'none'
        ? t('previousFigureNone')
        : `${t('previousFigure')}: ${formatFigure(found.snapshot, i18n.language)} · ${t('date')} ${formatDay(found.snapshot.asOf, i18n.language)}`}
    </p>
  )
}
