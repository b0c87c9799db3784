import { html } from 'ghtml'

import type { RouteContext } from '../feed/handler'
import type { Site } from './site'

import { renderDocument } from './layout'
import { languageName, pageText } from './text'

/** A page that moved: answered with `status` and `Location`, never cached in process. */
export class PageRedirect extends Error {
  constructor(
    readonly status: 301 | 302,
    readonly location: string,
  ) {
    super(`Moved to ${location}`)
  }
}

/**
 * The HTML of an error page in `locale`: what went wrong and links to the home page in every
 * locale (an unknown locale in the address gets the list of those that exist).
 */
export const renderErrorPage = (
  status: 400 | 404,
  message: string | null,
  locale: string,
  context: RouteContext,
  site: Site,
): string => {
  const title = pageText(locale, status === 404 ? 'pageNotFound' : 'pageBadRequest')
  const languages = context.locales.map(
    (code) =>
      html`<li><a href="/${code}" hreflang="${code}" lang="${code}">${languageName(code)}</a></li>`,
  )
  const main = html`<h1>${title}</h1>
    <p>${status === 404 ? pageText(locale, 'pageNotFoundText') : (message ?? '')}</p>
    <p>${pageText(locale, 'pageLanguages')}</p>
    <ul>
      !${languages}
    </ul>`
  return renderDocument(
    {
      alternates: {},
      canonical: '',
      description: null,
      lang: locale,
      locale,
      main,
      site,
      title,
      type: 'website',
    },
    context,
  )
}
