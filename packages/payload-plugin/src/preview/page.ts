import { randomBytes } from 'node:crypto'

const escapeHtml = (value: string): string =>
  value.replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!,
  )

/** What the preview page shows. */
export interface PreviewPage {
  /** Base the widgets read from: the token-bound preview feed. */
  apiBase: string
  collection: 'events' | 'news'
  locale: string
  title: string
  /** The banner above the widgets, in the admin's language. */
  banner: string
}

// The admin's live preview posts a message on every change; the draft is autosaved every two
// seconds, so the page reloads a little after the last message, once the change is stored.
const liveReload = `
parent.postMessage({ type: 'payload-live-preview', ready: true }, location.origin)
let timer
addEventListener('message', (event) => {
  if (event.origin !== location.origin || typeof event.data?.type !== 'string') return
  if (!event.data.type.startsWith('payload-')) return
  clearTimeout(timer)
  timer = setTimeout(() => location.reload(), 2500)
})`

/**
 * The HTML of a draft's preview: the widget that shows the collection on third-party pages (the
 * news cards or the events list), reading the token-bound preview feed, so the draft looks exactly
 * as readers will see it. Its one inline script carries `nonce`.
 */
export const renderPreviewPage = (page: PreviewPage): { body: string; nonce: string } => {
  const nonce = randomBytes(16).toString('base64')
  const apiBase = escapeHtml(page.apiBase)
  const locale = escapeHtml(page.locale)
  const widget =
    page.collection === 'news'
      ? `<etw-news-feed api-base="${apiBase}" lang="${locale}" layout="cards" limit="3"></etw-news-feed>`
      : `<etw-events api-base="${apiBase}" lang="${locale}" when="all" limit="3"></etw-events>`
  const body = `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${escapeHtml(page.title)}</title>
<style>
body { font-family: system-ui, sans-serif; margin: 0; padding: 1rem; background: #fff; color: #1a1a1a; }
.etw-preview-banner { background: #fff4ce; border: 1px solid #e0b700; border-radius: 4px; margin: 0 0 1rem; padding: .5rem .75rem; }
</style>
<script src="/widgets/etw-widgets.js"></script>
</head>
<body>
<p class="etw-preview-banner" role="status">${escapeHtml(page.banner)}</p>
${widget}
<script nonce="${nonce}">${liveReload}</script>
</body>
</html>
`
  return { body, nonce }
}
