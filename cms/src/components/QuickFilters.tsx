import type { BeforeListTableServerProps } from 'payload'

import { etwT } from '@etw/payload-plugin/i18n'

import { countryLabel } from './format'

const STATUS_PARAM = 'where[and][0][_status][equals]'
const COUNTRY_PARAM = 'where[and][1][country][equals]'

/** Most documents read to find the countries in use. */
const MAX_DOCS = 1000

const single = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? value[0] : value

/**
 * Above the news and events lists: one-click filters by status (published, draft) and by the
 * countries the collection's documents are about. They set the list's own `where` query, so the
 * filter panel shows them and they combine with it.
 */
export const QuickFilters = async ({
  collectionSlug,
  i18n,
  payload,
  searchParams,
  user,
}: BeforeListTableServerProps) => {
  const t = etwT(i18n.t)
  const params = (searchParams ?? {}) as Record<string, string | string[] | undefined>
  const status = single(params[STATUS_PARAM])
  const country = single(params[COUNTRY_PARAM])
  const { docs } = await payload.find({
    collection: collectionSlug as 'news',
    depth: 0,
    limit: MAX_DOCS,
    overrideAccess: false,
    pagination: false,
    select: { country: true },
    user,
  })
  const countries = [
    ...new Set(docs.flatMap((doc): string[] => (doc.country ? [doc.country] : []))),
  ].sort((a, b) => countryLabel(a, i18n.language).localeCompare(countryLabel(b, i18n.language)))

  const href = (next: { country?: string; status?: string }) => {
    const query = new URLSearchParams()
    if (next.status) query.set(STATUS_PARAM, next.status)
    if (next.country) query.set(COUNTRY_PARAM, next.country)
    const text = query.toString()
    return `${payload.config.routes.admin}/collections/${collectionSlug}${text ? `?${text}` : ''}`
  }
  const link = (label: string, target: string, active: boolean) => (
    <a
      key={target}
      className={`etw-pill${active ? ' etw-pill--active' : ''}`}
      href={target}
      aria-current={active ? 'true' : undefined}
    >
      {label}
    </a>
  )

  return (
    <nav className="etw-quick-filters" aria-label={t('quickFilters')}>
      <div className="etw-quick-filters__group">
        {link(t('allStatuses'), href({ country }), !status)}
        {link(t('published'), href({ country, status: 'published' }), status === 'published')}
        {link(t('draft'), href({ country, status: 'draft' }), status === 'draft')}
      </div>
      {countries.length > 0 ? (
        <div className="etw-quick-filters__group">
          {link(t('allCountries'), href({ status }), !country)}
          {countries.map((code) =>
            link(
              countryLabel(code, i18n.language),
              href({ country: code, status }),
              country === code,
            ),
          )}
        </div>
      ) : null}
    </nav>
  )
}
