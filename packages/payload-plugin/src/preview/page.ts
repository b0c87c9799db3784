import { randomBytes } from 'node:crypto'

import { html } from 'ghtml'

import type { PageDocument } from '../pages/layout'

/** What the preview adds to a page. */
export interface PreviewFrameInput {
  /** Base the widgets read from: the token-bound preview feed. */
  apiBase: string
  collection: 'events' | 'news'
  locale: string
  /** The banner above the page, in the admin's language. */
  banner: string
  /** The heading above the widgets, in the admin's language. */
  widgetsHeading: string
  /** What changes whenever the draft is saved (its `updatedAt`). */
  version: string
}

// The admin's live preview posts a message on every change, and the draft is autosaved a moment
// later. After the last message the page asks for itself a few times and reloads once the stored
// draft differs from the one it shows (its version is the draft's `updatedAt`).
const liveReload = `
parent.postMessage({ type: 'payload-live-preview', ready: true }, location.origin)
const shown = document.querySelector('meta[name="etw-preview-version"]')?.content
const check = async () => {
  const response = await fetch(location.href, { cache: 'no-store', credentials: 'omit' })
  if (!response.ok) return
  const stored = /<meta name="etw-preview-version" content="([^"]*)"/.exec(await response.text())
  if (stored && stored[1] !== shown) location.reload()
}
let timers = []
addEventListener('message', (event) => {
  if (event.origin !== location.origin || typeof event.data?.type !== 'string') return
  if (!event.data.type.startsWith('payload-')) return
  timers.forEach(clearTimeout)
  timers = [1500, 3000, 5000, 8000].map((ms) => setTimeout(check, ms))
})`

const STYLE = `.etw-preview-banner { background: #fff4ce; border: 1px solid #e0b700; border-radius: 4px; color: #1a1a1a; margin: 0; padding: .5rem .75rem; }
.etw-preview-widgets { border-block-start: 1px dashed currentColor; margin: 2rem auto 0; max-inline-size: 48rem; padding: 1rem; }`

/**
 * What a draft's preview adds around its public page: a banner that says it is a draft, and below
 * the page the widget that shows the collection on other sites (the news cards or the events
 * list) reading the token-bound preview feed, so the draft looks exactly as readers will see it
 * in both places. Its one inline script carries `nonce`.
 */
export const previewFrame = (
  input: PreviewFrameInput,
): { frame: NonNullable<PageDocument['frame']>; nonce: string } => {
  const nonce = randomBytes(16).toString('base64url')
  const widget =
    input.collection === 'news'
      ? html`<etw-news-feed
          api-base="${input.apiBase}"
          lang="${input.locale}"
          layout="cards"
          limit="3"
        ></etw-news-feed>`
      : html`<etw-events
          api-base="${input.apiBase}"
          lang="${input.locale}"
          when="all"
          limit="3"
        ></etw-events>`
  return {
    frame: {
      end: html`<section class="etw-preview-widgets" aria-labelledby="etw-preview-widgets">
          <h2 id="etw-preview-widgets">${input.widgetsHeading}</h2>
          !${widget}
        </section>
        <script nonce="${nonce}">
          !${liveReload}
        </script>`,
      head: html`<meta name="robots" content="noindex, nofollow" />
        <meta name="etw-preview-version" content="${input.version}" />
        <style>
          !${STYLE}
        </style>
        <script src="/widgets/etw-widgets.js"></script>`,
      start: html`<p class="etw-preview-banner" role="status">${input.banner}</p>`,
    },
    nonce,
  }
}

/** The preview's Content-Security-Policy for the script `nonce`. */
export const previewPolicy = (nonce: string): string =>
  [
    "default-src 'none'",
    `script-src 'self' 'nonce-${nonce}'`,
    "connect-src 'self'",
    "img-src 'self' data: https:",
    "style-src 'self' 'unsafe-inline'",
    "frame-ancestors 'self'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ')
