/** The widgets, by the `data-etw` name the webmasters' guide uses. */
export const WIDGETS = ['stats', 'news-feed', 'events', 'article'] as const

/** One of {@link WIDGETS}. */
export type WidgetName = (typeof WIDGETS)[number]

/** The choices of the embed view; empty values are left out of the tag. */
export interface EmbedChoice {
  widget: WidgetName
  country?: string
  organization?: string
  /** Comma-separated metric keys, stats only. */
  metrics?: string
  limit?: string
  layout?: string
  /** `upcoming`, `past` or `all`, events only. */
  when?: string
  /** The article's slug, article only. */
  slug?: string
  /** The page address's parameter that names the article, article only. */
  'slug-param'?: string
  /** Level of the article's title, article only. */
  'heading-level'?: string
  /** Boolean attributes of the counters: the date, the source and the change under them. */
  'show-date'?: boolean
  'show-source'?: boolean
  'show-change'?: boolean
  lang?: string
  theme?: string
}

const ATTRIBUTES: Record<WidgetName, (keyof EmbedChoice)[]> = {
  stats: [
    'country',
    'organization',
    'metrics',
    'show-date',
    'show-source',
    'show-change',
    'lang',
    'theme',
  ],
  'news-feed': ['limit', 'country', 'organization', 'layout', 'lang', 'theme'],
  events: ['when', 'limit', 'country', 'layout', 'lang', 'theme'],
  article: ['slug', 'slug-param', 'heading-level', 'lang', 'theme'],
}

const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')

const escapeText = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** The tag name of a widget, e.g. `etw-news-feed`. */
export const tagName = (widget: WidgetName) => `etw-${widget}` as const

/**
 * The widget's attributes in the order the webmasters' guide lists them, without empty ones; a
 * boolean attribute that is on has the empty value (`show-date=""`, written `show-date`).
 */
export const widgetAttributes = (choice: EmbedChoice): [string, string][] =>
  ATTRIBUTES[choice.widget].flatMap((name): [string, string][] => {
    const value = choice[name]
    if (value === true) return [[name, '']]
    return typeof value === 'string' && value.trim() !== '' ? [[name, value.trim()]] : []
  })

/**
 * The embed code of the webmasters' guide: the bundle's `<script>` from the CMS at `origin`, an
 * empty line, then the tag with its fallback paragraph inside (`fallback` is plain text; `link`,
 * when given, makes it a link, e.g. to the RSS feed).
 */
export const embedSnippet = (
  origin: string,
  choice: EmbedChoice,
  fallback: { text: string; link?: string },
): string => {
  const tag = tagName(choice.widget)
  const attributes = widgetAttributes(choice)
    .map(([name, value]) => (value === '' ? ` ${name}` : ` ${name}="${escapeAttribute(value)}"`))
    .join('')
  const text = escapeText(fallback.text)
  const paragraph = fallback.link
    ? `<p><a href="${escapeAttribute(fallback.link)}">${text}</a></p>`
    : `<p>${text}</p>`
  return [
    `<script src="${origin}/widgets/etw-widgets.js"></script>`,
    '',
    `<${tag}${attributes}>`,
    `  ${paragraph}`,
    `</${tag}>`,
  ].join('\n')
}

/**
 * The `<script>` that pins one release of the widgets: the versioned loader (cached for a year)
 * with its Subresource Integrity hash; `crossorigin` makes the browser fetch it in CORS mode, as
 * SRI on another origin's script needs.
 */
export const pinnedScript = (origin: string, pinned: { path: string; integrity: string }) =>
  `<script src="${origin}${pinned.path}" integrity="${escapeAttribute(pinned.integrity)}" crossorigin="anonymous"></script>`
