import type { ServerProps, TypedLocale } from 'payload'

import { EVENTS_SLUG, findScheduleFailures, NEWS_SLUG, STATISTICS_SLUG } from '@etw/payload-plugin'

import { etwT } from '@etw/payload-plugin/i18n'

import type { SnapshotRow } from './snapshots'

import { formatDay, formatFigure, metricName, scopeName } from './format'
import { latestFigures } from './snapshots'

/** Publications listed on the dashboard. */
const RECENT = 5
/** Most snapshots read for the counters, newest first. */
const MAX_SNAPSHOTS = 2000

interface Publication {
  collection: typeof EVENTS_SLUG | typeof NEWS_SLUG
  date: string
  id: number | string
  title: string
}

/**
 * Dashboard panel: the latest counters of the whole programme and of each country, and the five
 * most recent publications (published news and events) with links. Reads with the viewer's access.
 */
export const Dashboard = async ({ i18n, locale, payload, user }: ServerProps) => {
  if (!user) return null
  const t = etwT(i18n.t)
  const language = i18n.language
  const admin = payload.config.routes.admin
  const published = { _status: { equals: 'published' } } as const
  const [statistics, news, events, failures] = await Promise.all([
    payload.find({
      collection: STATISTICS_SLUG,
      depth: 0,
      limit: MAX_SNAPSHOTS,
      overrideAccess: false,
      pagination: false,
      sort: '-asOf',
      user,
      where: { scope: { in: ['programme', 'country'] } },
    }),
    payload.find({
      collection: NEWS_SLUG,
      depth: 0,
      limit: RECENT,
      locale: locale?.code as TypedLocale | undefined,
      overrideAccess: false,
      select: { publishedAt: true, title: true, updatedAt: true },
      sort: '-publishedAt',
      user,
      where: published,
    }),
    payload.find({
      collection: EVENTS_SLUG,
      depth: 0,
      limit: RECENT,
      locale: locale?.code as TypedLocale | undefined,
      overrideAccess: false,
      select: { title: true, updatedAt: true },
      sort: '-updatedAt',
      user,
      where: published,
    }),
    findScheduleFailures(payload, user),
  ])
  const failed = await Promise.all(
    failures.slice(0, RECENT * 2).map(async (failure) => {
      const doc = (await payload
        .findByID({
          collection: failure.collection as typeof NEWS_SLUG,
          depth: 0,
          disableErrors: true,
          draft: true,
          id: failure.id,
          locale: locale?.code as TypedLocale | undefined,
          select: { title: true },
        })
        .catch(() => null)) as { title?: string } | null
      return { ...failure, title: doc?.title || `#${failure.id}` }
    }),
  )
  const scopes = latestFigures(statistics.docs as unknown as SnapshotRow[])
  const publications: Publication[] = [
    ...news.docs.map((doc): Publication => ({
      collection: NEWS_SLUG,
      date: doc.publishedAt ?? doc.updatedAt ?? '',
      id: doc.id,
      title: doc.title,
    })),
    ...events.docs.map((doc): Publication => ({
      collection: EVENTS_SLUG,
      date: doc.updatedAt ?? '',
      id: doc.id,
      title: doc.title,
    })),
  ]
    .sort((a, b) => b.date.localeCompare(a.date))
    .slice(0, RECENT)

  return (
    <div className="etw-dashboard">
      {failed.length > 0 ? (
        <section
          className="etw-summary etw-schedule-failures"
          aria-labelledby="etw-dashboard-failures"
          role="alert"
        >
          <h2 id="etw-dashboard-failures" className="etw-summary__title">
            {t('scheduleFailuresTitle')}
          </h2>
          <ul className="etw-publications">
            {failed.map((item) => (
              <li key={`${item.collection}-${item.id}`}>
                <a href={`${admin}/collections/${item.collection}/${item.id}`}>{item.title}</a>
                {': '}
                {t('scheduleFailed', { message: item.message })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section className="etw-summary" aria-labelledby="etw-dashboard-counters">
        <h2 id="etw-dashboard-counters" className="etw-summary__title">
          {t('dashboardCounters')}
        </h2>
        {scopes.length === 0 ? <p>{t('dashboardNoCounters')}</p> : null}
        <div className="etw-counters">
          {scopes.map((scope) => (
            <div key={scope.scopeKey} className="etw-counters__scope" data-scope={scope.scopeKey}>
              <h3>{scopeName(scope.sample, i18n)}</h3>
              <dl>
                {scope.figures.map((figure) => (
                  <div key={figure.key} data-metric={figure.key}>
                    <dt>{metricName(i18n, figure.key, figure.latest.label)}</dt>
                    <dd>
                      <strong>{formatFigure(figure.latest, language)}</strong>{' '}
                      <small>{formatDay(figure.latest.asOf, language)}</small>
                    </dd>
                  </div>
                ))}
              </dl>
            </div>
          ))}
        </div>
      </section>
      <section className="etw-summary" aria-labelledby="etw-dashboard-publications">
        <h2 id="etw-dashboard-publications" className="etw-summary__title">
          {t('dashboardPublications')}
        </h2>
        {publications.length === 0 ? (
          <p>{t('dashboardNoPublications')}</p>
        ) : (
          <ul className="etw-publications">
            {publications.map((item) => (
              <li key={`${item.collection}-${item.id}`}>
                <span className="etw-publications__kind">
                  {item.collection === NEWS_SLUG ? t('newsItem') : t('event')}
                </span>{' '}
                <a href={`${admin}/collections/${item.collection}/${item.id}`}>{item.title}</a>{' '}
                {item.date ? <small>{formatDay(item.date, language)}</small> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  )
}
