'use client'

import type { StatsResponse } from '@etw/client'

import { etwT } from '@etw/payload-plugin/i18n'
import { useTranslation } from '@payloadcms/ui'
import { createElement, useEffect, useId, useMemo, useRef, useState } from 'react'

import type { EmbedChoice, WidgetName } from './embedSnippet'

import { embedSnippet, pinnedScript, tagName, WIDGETS, widgetAttributes } from './embedSnippet'

/** An option of a select: value and label in the admin language. */
export interface Option {
  label: string
  value: string
}

export interface EmbedBuilderProps {
  /** Every country, labelled in the admin language. */
  countries: Option[]
  /** Organizations by slug. */
  organizations: Option[]
  /** Built-in metrics, labelled in the admin language. */
  metrics: Option[]
  /** Content locales of the CMS. */
  locales: Option[]
  /** Published news by slug, newest first, for the article widget. */
  articles: Option[]
  /** The versioned loader and its SRI hash; `null` when the widgets are not built. */
  pinned: { path: string; integrity: string } | null
}

const BUNDLE_PATH = '/widgets/etw-widgets.js'

/** Adds the widget bundle to the admin page once, as a webmaster's page would load it. */
const useWidgetBundle = () => {
  useEffect(() => {
    if (document.querySelector(`script[src="${BUNDLE_PATH}"]`)) return
    const script = document.createElement('script')
    script.src = BUNDLE_PATH
    document.head.append(script)
  }, [])
}

type Scope = 'country' | 'organization' | 'programme'

/**
 * The embed view's form: pick a widget, its scope, metrics, language and theme; the widget is
 * shown live below, with the snippet to copy.
 */
export const EmbedBuilder = ({
  articles,
  countries,
  locales,
  metrics,
  organizations,
  pinned,
}: EmbedBuilderProps) => {
  useWidgetBundle()
  const { t } = useTranslation()
  const text = useMemo(() => etwT(t), [t])
  const id = useId()
  const [widget, setWidget] = useState<WidgetName>('stats')
  const [scope, setScope] = useState<Scope>('programme')
  const [country, setCountry] = useState('AZ')
  const [organization, setOrganization] = useState(organizations[0]?.value ?? '')
  const [chosenMetrics, setChosenMetrics] = useState<string[]>(['teachers', 'schools', 'projects'])
  // The date and source make a figure checkable: on unless the webmaster turns them off.
  const [shown, setShown] = useState({ date: true, source: true, change: false })
  const [lang, setLang] = useState('')
  const [theme, setTheme] = useState('')
  const [layout, setLayout] = useState('')
  const [limit, setLimit] = useState('3')
  const [when, setWhen] = useState('upcoming')
  const [article, setArticle] = useState(articles[0]?.value ?? '')
  const [fromAddress, setFromAddress] = useState(false)
  const [slugParam, setSlugParam] = useState('slug')
  const [headingLevel, setHeadingLevel] = useState('')
  const [copyState, setCopyState] = useState<'copied' | 'failed' | 'idle'>('idle')
  const [origin, setOrigin] = useState('')
  const [statsFallback, setStatsFallback] = useState('')
  const code = useRef<HTMLElement>(null)

  useEffect(() => setOrigin(window.location.origin), [])

  const isArticle = widget === 'article'
  const effectiveScope: Scope = widget === 'events' && scope === 'organization' ? 'country' : scope
  const choice: EmbedChoice = {
    widget,
    country: effectiveScope === 'country' ? country : undefined,
    organization: effectiveScope === 'organization' ? organization : undefined,
    metrics: widget === 'stats' ? chosenMetrics.join(',') : undefined,
    limit: widget === 'stats' ? undefined : limit,
    layout: widget === 'stats' ? undefined : layout,
    slug: isArticle && !fromAddress ? article : undefined,
    'slug-param': isArticle && fromAddress ? slugParam : undefined,
    'heading-level': isArticle ? headingLevel : undefined,
    when: widget === 'events' ? when : undefined,
    'show-date': widget === 'stats' && shown.date,
    'show-source': widget === 'stats' && shown.source,
    'show-change': widget === 'stats' && shown.change,
    lang,
    theme,
  }
  const attributes = widgetAttributes(choice)
  const query = new URLSearchParams(
    attributes.filter(([name]) => ['country', 'organization', 'metrics'].includes(name)),
  )
  if (lang) query.set('locale', lang)
  const statsUrl = `/api/etw/v1/stats?${query.toString()}`

  // The counters' fallback states the same figures in plain text, as the guide asks.
  useEffect(() => {
    if (widget !== 'stats') return
    const controller = new AbortController()
    fetch(statsUrl, { signal: controller.signal })
      .then((response) => (response.ok ? (response.json() as Promise<StatsResponse>) : null))
      .then((body) => {
        if (!body) return setStatsFallback('')
        const format = new Intl.NumberFormat(lang || 'en')
        setStatsFallback(
          body.metrics
            .map(
              (metric) =>
                `${metric.label}: ${format.format(metric.value)}${metric.approximate ? '+' : ''}`,
            )
            .join(', '),
        )
      })
      .catch(() => undefined)
    return () => controller.abort()
  }, [widget, statsUrl, lang])

  const fallback = useMemo(() => {
    if (widget === 'news-feed') {
      return { text: text('widgetNews'), link: `${origin}/api/etw/v1/news.rss` }
    }
    if (widget === 'events') {
      return { text: text('widgetEvents'), link: `${origin}/api/etw/v1/events.ics` }
    }
    if (widget === 'article') {
      const chosen = articles.find((option) => option.value === article)
      // The public page reads without JavaScript; `/news/{slug}` picks the reader's language.
      return fromAddress || !chosen
        ? { text: text('widgetNews'), link: `${origin}/${lang || locales[0]?.value || 'en'}/news` }
        : { text: chosen.label, link: `${origin}/news/${encodeURIComponent(chosen.value)}` }
    }
    return { text: statsFallback || text('widgetStats') }
  }, [widget, origin, statsFallback, text, articles, article, fromAddress, lang, locales])

  const snippet = embedSnippet(origin, choice, fallback)

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(snippet)
      setCopyState('copied')
    } catch {
      // The clipboard can be refused (permissions, insecure origin): select the text instead.
      if (code.current) getSelection()?.selectAllChildren(code.current)
      setCopyState('failed')
    }
    setTimeout(() => setCopyState('idle'), 2500)
  }

  const field = (label: string, control: React.ReactNode, name: string) => (
    <div className="etw-embed__field">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      {control}
    </div>
  )
  const select = (
    name: string,
    value: string,
    onChange: (value: string) => void,
    options: Option[],
  ) => (
    <select
      id={`${id}-${name}`}
      name={name}
      value={value}
      onChange={(event) => onChange(event.target.value)}
    >
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  )

  const widgetLabels: Record<WidgetName, string> = {
    article: text('widgetArticle'),
    events: text('widgetEvents'),
    'news-feed': text('widgetNews'),
    stats: text('widgetStats'),
  }
  const scopeOptions: Option[] = [
    { value: 'programme', label: widget === 'stats' ? text('programme') : text('allCountries') },
    { value: 'country', label: text('countryScope') },
    ...(widget === 'events' ? [] : [{ value: 'organization', label: text('organizationScope') }]),
  ]

  return (
    <div className="etw-embed">
      <form className="etw-embed__form" onSubmit={(event) => event.preventDefault()}>
        {field(
          text('widget'),
          select('widget', widget, (value) => setWidget(value as WidgetName), [
            ...WIDGETS.map((value) => ({ value, label: widgetLabels[value] })),
          ]),
          'widget',
        )}
        {isArticle ? (
          <>
            {field(
              text('articleSource'),
              select(
                'article-source',
                fromAddress ? 'address' : 'this',
                (value) => setFromAddress(value === 'address'),
                [
                  { value: 'this', label: text('articleThis') },
                  { value: 'address', label: text('articleFromAddress') },
                ],
              ),
              'article-source',
            )}
            {fromAddress
              ? field(
                  text('slugParam'),
                  <input
                    id={`${id}-slug-param`}
                    name="slug-param"
                    value={slugParam}
                    pattern="[A-Za-z0-9_.~-]+"
                    onChange={(event) => setSlugParam(event.target.value)}
                  />,
                  'slug-param',
                )
              : null}
            {field(text('article'), select('article', article, setArticle, articles), 'article')}
            {field(
              text('headingLevel'),
              select('heading-level', headingLevel, setHeadingLevel, [
                { value: '1', label: 'h1' },
                { value: '', label: 'h2' },
                { value: '3', label: 'h3' },
                { value: '4', label: 'h4' },
              ]),
              'heading-level',
            )}
          </>
        ) : (
          field(
            text('scope'),
            select('scope', effectiveScope, (value) => setScope(value as Scope), scopeOptions),
            'scope',
          )
        )}
        {!isArticle && effectiveScope === 'country'
          ? field(text('country'), select('country', country, setCountry, countries), 'country')
          : null}
        {!isArticle && effectiveScope === 'organization'
          ? field(
              text('organizationScope'),
              select('organization', organization, setOrganization, organizations),
              'organization',
            )
          : null}
        {widget === 'stats' ? (
          <fieldset className="etw-embed__field">
            <legend>{text('metrics')}</legend>
            {metrics.map((metric) => (
              <label key={metric.value} className="etw-embed__check">
                <input
                  type="checkbox"
                  name="metrics"
                  value={metric.value}
                  checked={chosenMetrics.includes(metric.value)}
                  onChange={(event) =>
                    setChosenMetrics((current) =>
                      event.target.checked
                        ? metrics
                            .map((m) => m.value)
                            .filter((m) => m === metric.value || current.includes(m))
                        : current.filter((m) => m !== metric.value),
                    )
                  }
                />{' '}
                {metric.label}
              </label>
            ))}
            <div role="group" aria-label={text('statsShow')}>
              {(
                [
                  ['date', text('statsShowDate')],
                  ['source', text('statsShowSource')],
                  ['change', text('statsShowChange')],
                ] as const
              ).map(([key, label]) => (
                <label key={key} className="etw-embed__check">
                  <input
                    type="checkbox"
                    name={`show-${key}`}
                    checked={shown[key]}
                    onChange={(event) =>
                      setShown((current) => ({ ...current, [key]: event.target.checked }))
                    }
                  />{' '}
                  {label}
                </label>
              ))}
            </div>
          </fieldset>
        ) : isArticle ? null : (
          <>
            {widget === 'events'
              ? field(
                  text('when'),
                  select('when', when, setWhen, [
                    { value: 'upcoming', label: text('whenUpcoming') },
                    { value: 'past', label: text('whenPast') },
                    { value: 'all', label: text('whenAll') },
                  ]),
                  'when',
                )
              : null}
            {field(
              text('limit'),
              <input
                id={`${id}-limit`}
                name="limit"
                type="number"
                min={1}
                max={50}
                value={limit}
                onChange={(event) => setLimit(event.target.value)}
              />,
              'limit',
            )}
            {field(
              text('layout'),
              select('layout', layout, setLayout, [
                { value: '', label: text('layoutList') },
                { value: 'cards', label: text('layoutCards') },
              ]),
              'layout',
            )}
          </>
        )}
        {field(
          text('locale'),
          select('lang', lang, setLang, [{ value: '', label: text('localeAuto') }, ...locales]),
          'lang',
        )}
        {field(
          text('theme'),
          select('theme', theme, setTheme, [
            { value: '', label: text('themeLight') },
            { value: 'dark', label: text('themeDark') },
            { value: 'auto', label: text('themeAuto') },
          ]),
          'theme',
        )}
      </form>
      <section className="etw-embed__preview" aria-label={text('preview')}>
        <h2>{text('preview')}</h2>
        <div className="etw-embed__stage" data-theme={theme || 'light'}>
          {createElement(
            tagName(widget),
            {
              key: snippet,
              ...Object.fromEntries(attributes),
              // The admin's own address names no article: the preview shows the chosen one.
              ...(isArticle && fromAddress ? { slug: article } : {}),
            },
            createElement('p', null, fallback.text),
          )}
        </div>
      </section>
      <section className="etw-embed__snippet" aria-label={text('snippet')}>
        <h2>{text('snippet')}</h2>
        <pre>
          <code ref={code} data-etw-snippet="">
            {snippet}
          </code>
        </pre>
        <button type="button" className="btn btn--style-primary btn--size-small" onClick={copy}>
          {copyState === 'copied'
            ? text('copied')
            : copyState === 'failed'
              ? text('copyFailed')
              : text('copy')}
        </button>
      </section>
      {pinned && origin ? (
        <section className="etw-embed__pinned" aria-label={text('pinned')}>
          <h2>{text('pinned')}</h2>
          <p>{text('pinnedHint')}</p>
          <pre>
            <code data-etw-pinned="">{pinnedScript(origin, pinned)}</code>
          </pre>
        </section>
      ) : null}
    </div>
  )
}
