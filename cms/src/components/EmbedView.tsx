import type { AdminViewServerProps, TypedLocale } from 'payload'

import { COUNTRY_CODES, NEWS_SLUG, ORGANIZATIONS_SLUG } from '@etw/payload-plugin'
import { etwT } from '@etw/payload-plugin/i18n'
import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter, SetStepNav } from '@payloadcms/ui'
import { redirect } from 'next/navigation'

import { pinnedLoader } from '../widget-assets'
import { EmbedBuilder } from './EmbedBuilder'
import { countryLabel, metricName } from './format'

const METRICS = ['teachers', 'schools', 'projects', 'students', 'countries']

/**
 * The admin's "Embed" view (`/admin/embed`): choose a widget and its settings, see it live and copy
 * the snippet for a website. Only for logged-in users; others go to the login page.
 */
export const EmbedView = async ({ initPageResult, params, searchParams }: AdminViewServerProps) => {
  const { req, locale, permissions, visibleEntities } = initPageResult
  const { i18n, payload, user } = req
  const admin = payload.config.routes.admin
  if (!user) redirect(`${admin}/login?redirect=${encodeURIComponent(`${admin}/embed`)}`)
  const text = etwT(i18n.t)
  // What this user may read, in the admin's content locale, without relations.
  const readable = {
    depth: 0,
    locale: locale?.code as TypedLocale | undefined,
    overrideAccess: false,
    user,
  }
  const [organizations, news] = await Promise.all([
    payload.find({
      ...readable,
      collection: ORGANIZATIONS_SLUG,
      limit: 500,
      pagination: false,
      select: { name: true, slug: true },
      sort: 'name',
    }),
    payload.find({
      ...readable,
      collection: NEWS_SLUG,
      limit: 100,
      select: { slug: true, title: true },
      sort: '-publishedAt',
      where: { _status: { equals: 'published' } },
    }),
  ])
  const countries = COUNTRY_CODES.map((code) => ({
    value: code,
    label: countryLabel(code, i18n.language),
  })).sort((a, b) => a.label.localeCompare(b.label, i18n.language))
  const localization = payload.config.localization
  const locales = localization
    ? localization.locales.map((entry) => ({
        value: entry.code,
        label:
          typeof entry.label === 'string'
            ? entry.label
            : (entry.label?.[i18n.language] ?? entry.code),
      }))
    : []

  return (
    <DefaultTemplate
      i18n={i18n}
      locale={locale}
      params={params}
      payload={payload}
      permissions={permissions}
      req={req}
      searchParams={searchParams}
      user={user ?? undefined}
      viewType="embed"
      visibleEntities={visibleEntities}
    >
      <SetStepNav nav={[{ label: text('embedTitle') }]} />
      <Gutter>
        <h1 className="etw-embed__title">{text('embedTitle')}</h1>
        <p className="etw-embed__description">{text('embedDescription')}</p>
        <EmbedBuilder
          articles={news.docs.flatMap((doc) =>
            doc.slug ? [{ value: doc.slug, label: doc.title ?? doc.slug }] : [],
          )}
          countries={countries}
          locales={locales}
          metrics={METRICS.map((key) => ({ value: key, label: metricName(i18n, key) }))}
          organizations={organizations.docs.flatMap((doc) =>
            doc.slug ? [{ value: doc.slug, label: doc.name }] : [],
          )}
          pinned={pinnedLoader()}
        />
      </Gutter>
    </DefaultTemplate>
  )
}
