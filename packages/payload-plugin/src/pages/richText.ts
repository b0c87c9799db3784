import type { HTMLConverter, HTMLConverters } from '@payloadcms/richtext-lexical/html'

import {
  convertLexicalToHTML,
  LinebreakHTMLConverter,
  TabHTMLConverter,
} from '@payloadcms/richtext-lexical/html'
import { html } from 'ghtml'

import type { ResponsiveImage } from './images'

import { isSafeLinkUrl } from '../utilities/url'
import { imageTag } from './images'

/** Resolves what a body points to, loaded beforehand. */
export interface RichTextHtmlResolver {
  image(id: number | string): ResponsiveImage | undefined
  /** The public page of a published document an internal link points to. */
  document(relationTo: string, id: number | string): string | undefined
}

// The converter API types nodes as `{ [key: string]: any }`; each converter checks what it reads.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Node = Record<string, any>

const idOf = (value: unknown): number | string | undefined => {
  if (typeof value === 'number' || typeof value === 'string') return value
  if (typeof value === 'object' && value !== null && 'id' in value) return idOf(value.id)
  return undefined
}

/** Lexical's text format bits and the elements they become (no inline styles: the CSP has none). */
const MARKS: readonly [number, string][] = [
  [16, 'code'],
  [4, 's'],
  [8, 'u'],
  [2, 'em'],
  [1, 'strong'],
]

const text: HTMLConverter<Node> = ({ node }) => {
  const format = typeof node.format === 'number' ? node.format : 0
  let out = html`${typeof node.text === 'string' ? node.text : ''}`
  for (const [bit, tag] of MARKS) if (format & bit) out = `<${tag}>${out}</${tag}>`
  return out
}

const link =
  (resolver: RichTextHtmlResolver): HTMLConverter<Node> =>
  ({ node, nodesToHTML }) => {
    const children = nodesToHTML({ nodes: node.children ?? [] }).join('')
    const fields = (node.fields ?? {}) as Node
    let href: string | undefined
    if (fields.linkType === 'internal') {
      const doc = (fields.doc ?? {}) as Node
      const id = idOf(doc.value)
      href =
        typeof doc.relationTo === 'string' && id !== undefined
          ? resolver.document(doc.relationTo, id)
          : undefined
    } else if (isSafeLinkUrl(fields.url)) {
      href = fields.url
    }
    // A link that is not vetted as at save time keeps its text only.
    if (!href) return children
    return fields.newTab
      ? html`<a href="${href}" target="_blank" rel="noopener noreferrer">!${children}</a>`
      : html`<a href="${href}">!${children}</a>`
  }

const heading: HTMLConverter<Node> = ({ node, nodesToHTML }) => {
  const level = Number(String(node.tag ?? '').replace(/^h/, ''))
  // The page title is the only level-1 heading.
  const tag = `h${Math.min(6, Math.max(2, Number.isFinite(level) ? level : 2))}`
  return `<${tag} dir="auto">${nodesToHTML({ nodes: node.children ?? [] }).join('')}</${tag}>`
}

// Each block of the body takes the direction of its own words: an English quotation in an Arabic
// article reads left to right, its quotation marks where they belong.
const paragraph: HTMLConverter<Node> = ({ node, nodesToHTML }) => {
  const children = nodesToHTML({ nodes: node.children ?? [] })
  return `<p dir="auto">${children.length ? children.join('') : '<br />'}</p>`
}

const quote: HTMLConverter<Node> = ({ node, nodesToHTML }) =>
  `<blockquote dir="auto">${nodesToHTML({ nodes: node.children ?? [] }).join('')}</blockquote>`

const list: HTMLConverter<Node> = ({ node, nodesToHTML }) => {
  const tag = node.listType === 'number' || node.tag === 'ol' ? 'ol' : 'ul'
  return `<${tag} dir="auto">${nodesToHTML({ nodes: node.children ?? [] }).join('')}</${tag}>`
}

const listitem: HTMLConverter<Node> = ({ node, nodesToHTML }) =>
  `<li>${nodesToHTML({ nodes: node.children ?? [] }).join('')}</li>`

const upload =
  (resolver: RichTextHtmlResolver): HTMLConverter<Node> =>
  ({ node }) => {
    const id = idOf(node.value)
    const image = id === undefined ? undefined : resolver.image(id)
    return image ? `<figure>${imageTag(image, '(min-width: 48rem) 46rem, 100vw')}</figure>` : ''
  }

/** Anything else keeps its text, as text. */
const unknown: HTMLConverter<Node> = ({ node, nodesToHTML }) =>
  Array.isArray(node.children) ? nodesToHTML({ nodes: node.children }).join('') : ''

/**
 * A stored Lexical value as HTML, through `@payloadcms/richtext-lexical`'s converter with converters
 * that let nothing raw through: text is escaped, links are kept only when they pass the check they
 * passed at save time (`http:`, `https:`, `mailto:`; internal links only to published pages),
 * images come from the media library with `srcset`, headings start at level 2, and nodes of any
 * other type keep only their text. No inline styles (indentation and alignment are dropped). Each
 * block has `dir="auto"`: it takes the direction of its own words.
 */
export const richTextHtml = (value: unknown, resolver: RichTextHtmlResolver): string => {
  const converters: HTMLConverters = {
    ...LinebreakHTMLConverter,
    ...TabHTMLConverter,
    autolink: link(resolver),
    heading,
    link: link(resolver),
    list,
    listitem,
    paragraph,
    quote,
    text,
    unknown,
    upload: upload(resolver),
  }
  const root = (value as { root?: unknown } | null)?.root
  if (typeof root !== 'object' || root === null) return ''
  return convertLexicalToHTML({
    converters,
    data: value as never,
    disableContainer: true,
    disableIndent: true,
    disableTextAlign: true,
  })
}
