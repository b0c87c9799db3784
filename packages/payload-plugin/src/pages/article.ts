import { html } from 'ghtml'

import type { RouteBody, RouteContext } from '../feed/handler'
import type { ArticleDoc } from '../feed/routes/newsItem'
import type { PageDocument } from './layout'
import type { Site } from './site'

import { findNewsArticleDoc, toNewsArticle } from '../feed/routes/newsItem'
import { NEWS_SLUG } from '../slugs'
import { itemPageBody, readItemPage } from './item'
import { findCurrentSlug, rssLink } from './shared'
import { countryName, formatDay, pageText } from './text'

/**
 * `/{locale}/news/{slug}`: a published news item as a page — title, dates, organization, country,
 * tags, cover with `srcset`, the body as HTML, related events and the source link — with its
 * `NewsArticle` structured data. `null` when no published item has the slug (a redirect when it
 * had it before).
 */
export const renderArticlePage = async (
  { locale, slug }: { locale: string; slug: string },
  context: RouteContext,
): Promise<(RouteBody & { site: Site }) | null> => {
  const found = await findNewsArticleDoc({ locale, slug }, context)
  if (!found) {
    await findCurrentSlug(context, NEWS_SLUG, slug, (current) => `/${locale}/news/${current}`)
    return null
  }
  return renderArticle(found, locale, context)
}

/**
 * The page of a news document read in `found.locale` (the published item, or a draft for its
 * preview), at the address of locale `locale`, with the preview's `frame` around it.
 */
export const renderArticle = async (
  found: { doc: ArticleDoc; locale: string },
  locale: string,
  context: RouteContext,
  frame?: PageDocument['frame'],
): Promise<RouteBody & { site: Site }> => {
  const {
    item: article,
    parts,
    source,
  } = await readItemPage(
    found,
    { kind: 'news', richText: found.doc.body },
    locale,
    context,
    toNewsArticle,
  )
  const contentLocale = found.locale
  const { canonical, cover, site } = parts
  const pageLink = (kind: 'events' | 'news', item: { slug: string }) =>
    `/${locale}/${kind}/${encodeURIComponent(item.slug)}`
  const facts = [
    html`<dt>${pageText(locale, 'pagePublished')}</dt>
      <dd>
        <time datetime="${article.publishedAt}">${formatDay(locale, article.publishedAt)}</time>
      </dd>`,
    article.organization
      ? html`<dt>${pageText(locale, 'pageOrganization')}</dt>
          <dd>
            <a href="/${locale}/news?organization=${article.organization.slug}" dir="auto"
              >${article.organization.name}</a
            >
          </dd>`
      : '',
    article.country
      ? html`<dt>${pageText(locale, 'pageCountry')}</dt>
          <dd>
            <a href="/${locale}/news?country=${article.country}"
              >${countryName(locale, article.country)}</a
            >
          </dd>`
      : '',
    article.tags.length
      ? html`<dt>${pageText(locale, 'pageTags')}</dt>
          <dd>
            !${article.tags.map((tag, index) => html`${index ? ', ' : ''}<a href="/${locale}/news?tag=${encodeURIComponent(tag)}">${tag}</a>`)}
          </dd>`
      : '',
  ]
  const related = article.relatedEvents.length
    ? html`<section aria-labelledby="related">
        <h2 id="related">${pageText(locale, 'pageRelatedEvents')}</h2>
        <ul>
          !${article.relatedEvents.map(
            (event) =>
              html`<li>
                <a href="${pageLink('events', event)}" dir="auto">${event.title}</a>
                <time class="meta" datetime="${event.start}"
                  >${formatDay(locale, event.start)}</time
                >
              </li>`,
          )}
        </ul>
      </section>`
    : ''
  const originally = article.source
    ? html`<p class="meta">
        ${pageText(locale, 'pageOriginallyPublished')}
        <a href="${article.source.url ?? ''}" rel="noopener" dir="auto"
          >${article.source.title ?? article.source.url ?? ''}</a
        >
      </p>`
    : ''
  const main = html`<article>
      !${parts.shownIn}
      <h1 dir="auto">${article.title}</h1>
      !${article.summary ? html`<p class="lead" dir="auto">${article.summary}</p>` : ''}
      <dl class="facts meta">!${facts}</dl>
      !${parts.figure}
      <div class="body">!${parts.bodyHtml}</div>
      !${originally}
    </article>
    !${related}`
  const publisher = {
    '@type': 'Organization',
    name: site.name,
    ...(site.logo ? { logo: { '@type': 'ImageObject', url: site.logo.url } } : {}),
  }
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    author: article.organization
      ? { '@type': 'Organization', name: article.organization.name }
      : publisher,
    dateModified: article.updatedAt,
    datePublished: article.publishedAt,
    description: article.summary ?? undefined,
    headline: article.title.slice(0, 110),
    image: cover ? cover.candidates.map((candidate) => candidate.url) : undefined,
    inLanguage: contentLocale,
    mainEntityOfPage: canonical,
    publisher,
    url: canonical,
  }
  return itemPageBody(
    parts,
    source,
    {
      description: article.summary,
      frame,
      jsonLd,
      links: [rssLink(context, locale, site)],
      main,
      title: article.title,
    },
    context,
  )
}
