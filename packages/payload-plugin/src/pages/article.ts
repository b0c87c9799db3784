import { html } from 'ghtml'

import type { RouteBody, RouteContext } from '../feed/handler'
import type { Site } from './site'

import { createLinkMaker } from '../feed/links'
import { relationId } from '../feed/relations'
import { richTextImageIds } from '../feed/richText'
import { loadLinkedDocumentUrls } from '../feed/routes/item'
import { readNewsArticle } from '../feed/routes/newsItem'
import { NEWS_SLUG } from '../slugs'
import { imageTag, loadResponsiveImages } from './images'
import { renderDocument } from './layout'
import { findCurrentSlug, HTML_TYPE, itemAlternates, rssLink } from './shared'
import { loadSite } from './site'
import { countryName, formatDay, languageName, pageText } from './text'

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
  const found = await readNewsArticle({ locale, slug }, context)
  if (!found) {
    await findCurrentSlug(context, NEWS_SLUG, slug, (current) => `/${locale}/news/${current}`)
    return null
  }
  const { article, doc } = found
  const contentLocale = article.locale
  const pageLink = (kind: 'events' | 'news', item: { slug: string }) =>
    `/${locale}/${kind}/${encodeURIComponent(item.slug)}`
  const [site, images, urls] = await Promise.all([
    loadSite(context, locale),
    loadResponsiveImages(
      context.payload,
      [doc.cover, ...richTextImageIds(doc.body)],
      contentLocale,
      context.origin,
    ),
    createLinkMaker(context, locale).then((link) =>
      loadLinkedDocumentUrls(doc.body, context, locale, (kind, item) =>
        // Links between pages of this site stay on it, whatever the link template says.
        kind === 'news' ? pageLink(kind, item) : link(kind, item),
      ),
    ),
  ])
  const { richTextHtml } = await import('./richText')
  const body = richTextHtml(doc.body, {
    document: (relationTo, id) => urls.get(`${relationTo}:${String(id)}`),
    image: (id) => images.get(String(id)),
  })
  const coverId = relationId(doc.cover)
  const cover = coverId === undefined ? undefined : images.get(String(coverId))
  const alternates = itemAlternates(context, 'news', slug)
  const canonical = alternates[locale]!
  const facts = [
    html`<dt>${pageText(locale, 'pagePublished')}</dt>
      <dd>
        <time datetime="${article.publishedAt}">${formatDay(locale, article.publishedAt)}</time>
      </dd>`,
    article.organization
      ? html`<dt>${pageText(locale, 'pageOrganization')}</dt>
          <dd>
            <a href="/${locale}/news?organization=${article.organization.slug}"
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
                <a href="${pageLink('events', event)}">${event.title}</a>
                <time class="meta" datetime="${event.start}"
                  >${formatDay(locale, event.start)}</time
                >
              </li>`,
          )}
        </ul>
      </section>`
    : ''
  const source = article.source
    ? html`<p class="meta">
        ${pageText(locale, 'pageOriginallyPublished')}
        <a href="${article.source.url ?? ''}" rel="noopener"
          >${article.source.title ?? article.source.url ?? ''}</a
        >
      </p>`
    : ''
  const shownIn =
    contentLocale === locale
      ? ''
      : html`<p class="meta" lang="${locale}">
          ${pageText(locale, 'pageShownIn')} ${languageName(contentLocale)}
        </p>`
  const main = html`<article>
      !${shownIn}
      <h1>${article.title}</h1>
      !${article.summary ? html`<p class="lead">${article.summary}</p>` : ''}
      <dl class="facts meta">!${facts}</dl>
      !${cover ? `<figure>${imageTag(cover, '(min-width: 48rem) 46rem, 100vw', true)}</figure>` : ''}
      <div class="body">!${body}</div>
      !${source}
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
  return {
    body: renderDocument(
      {
        alternates,
        canonical,
        description: article.summary,
        image: cover ? { alt: cover.alt, url: cover.src } : null,
        jsonLd,
        lang: contentLocale,
        links: [rssLink(context, locale, site)],
        locale,
        main,
        site,
        title: article.title,
        type: 'article',
      },
      context,
    ),
    contentType: HTML_TYPE,
    site,
  }
}
