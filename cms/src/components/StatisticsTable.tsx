import type { BeforeListTableServerProps } from 'payload'

import { STATISTICS_SLUG } from '@etw/payload-plugin'
import { etwT } from '@etw/payload-plugin/i18n'

import type { SnapshotRow } from './snapshots'

import { formatDay, formatFigure, metricName, scopeName } from './format'
import { latestFigures } from './snapshots'
import { TrendChart } from './TrendChart'

/** Most snapshots the summary reads: the newest first, so older history is what falls off. */
const MAX_SNAPSHOTS = 2000

/**
 * Above the statistics list: per scope, each metric's latest figure with its date, the figure
 * before it, and a trend chart of all its snapshots. Reads with the viewer's access.
 */
export const StatisticsTable = async ({ i18n, payload, user }: BeforeListTableServerProps) => {
  const t = etwT(i18n.t)
  const { docs } = await payload.find({
    collection: STATISTICS_SLUG,
    depth: 1,
    limit: MAX_SNAPSHOTS,
    overrideAccess: false,
    pagination: false,
    sort: '-asOf',
    user,
  })
  const scopes = latestFigures(docs as unknown as SnapshotRow[])
  if (scopes.length === 0) return null
  const language = i18n.language
  return (
    <section className="etw-summary" aria-labelledby="etw-statistics-summary">
      <h2 id="etw-statistics-summary" className="etw-summary__title">
        {t('statisticsTable')}
      </h2>
      <div className="etw-summary__scroll">
        <table className="etw-table">
          <thead>
            <tr>
              <th scope="col">{t('scope')}</th>
              <th scope="col">{t('metric')}</th>
              <th scope="col" className="etw-table__number">
                {t('value')}
              </th>
              <th scope="col">{t('date')}</th>
              <th scope="col" className="etw-table__number">
                {t('previous')}
              </th>
              <th scope="col">{t('date')}</th>
              <th scope="col">{t('trend')}</th>
            </tr>
          </thead>
          {scopes.map((scope) => (
            <tbody key={scope.scopeKey} data-scope={scope.scopeKey}>
              {scope.figures.map((figure, index) => (
                <tr key={figure.key} data-metric={figure.key}>
                  {index === 0 ? (
                    <th scope="rowgroup" rowSpan={scope.figures.length}>
                      {scopeName(scope.sample, i18n)}
                    </th>
                  ) : null}
                  <td>{metricName(i18n, figure.key, figure.latest.label)}</td>
                  <td className="etw-table__number">{formatFigure(figure.latest, language)}</td>
                  <td>{formatDay(figure.latest.asOf, language)}</td>
                  <td className="etw-table__number">
                    {figure.previous ? formatFigure(figure.previous, language) : '—'}
                  </td>
                  <td>{figure.previous ? formatDay(figure.previous.asOf, language) : ''}</td>
                  <td className="etw-table__trend">
                    <TrendChart
                      history={figure.history}
                      label={`${metricName(i18n, figure.key, figure.latest.label)}, ${scopeName(scope.sample, i18n)}`}
                      language={language}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      </div>
    </section>
  )
}
