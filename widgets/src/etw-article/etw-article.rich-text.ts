import type { RichTextBlock, RichTextInline, RichTextList, RichTextText } from '@etw/client'
import { html, nothing } from 'lit/html.js'
import type { TemplateResult } from 'lit/html.js'
import { safeUrl } from '../shared/items'
import { picture } from '../shared/picture'

/**
 * A heading of `level` (clamped to 1–6) around `content`, with `part` when given, in the direction
 * of its own words (`dir="auto"`). Lit binds no tag
 * names, so each level is a template of its own.
 */
export const heading = (level: number, content: unknown, part?: string) => {
  const name = part ?? nothing
  switch (Math.min(6, Math.max(1, Math.round(level))) || 2) {
    case 1:
      return html`<h1 dir="auto" part=${name}>${content}</h1>`
    case 2:
      return html`<h2 dir="auto" part=${name}>${content}</h2>`
    case 3:
      return html`<h3 dir="auto" part=${name}>${content}</h3>`
    case 4:
      return html`<h4 dir="auto" part=${name}>${content}</h4>`
    case 5:
      return html`<h5 dir="auto" part=${name}>${content}</h5>`
    default:
      return html`<h6 dir="auto" part=${name}>${content}</h6>`
  }
}

/** A run of text, always as a text node, inside the elements of its marks. */
const text = (node: RichTextText) => {
  let out: unknown = String(node.text)
  if (node.code) out = html`<code>${out}</code>`
  if (node.bold) out = html`<strong>${out}</strong>`
  if (node.italic) out = html`<em>${out}</em>`
  if (node.underline) out = html`<u>${out}</u>`
  if (node.strikethrough) out = html`<s>${out}</s>`
  return out
}

/** A link's address if it is http(s) (resolved against `base`) or `mailto:`, else `undefined`. */
const href = (url: string, base: string) => (/^mailto:[^\s]/i.test(url) ? url : safeUrl(url, base))

const inline = (node: RichTextInline, base: string): unknown => {
  if (node.type === 'text') return text(node)
  if (node.type === 'linebreak') return html`<br />`
  if (node.type !== 'link') return nothing
  const content = node.children.map((child) => inline(child, base))
  const url = href(node.url, base)
  // A link whose address fails the check keeps its text.
  if (!url) return content
  return node.newTab
    ? html`<a href=${url} target="_blank" rel="noopener noreferrer">${content}</a>`
    : html`<a href=${url}>${content}</a>`
}

const list = (node: RichTextList, base: string): TemplateResult => {
  const items = node.items.map(
    (item) =>
      html`<li>
        ${item.children.map((child) =>
          child.type === 'list' ? list(child, base) : inline(child, base),
        )}
      </li>`,
  )
  // The list takes its direction from its first words, so that its markers sit on their side.
  return node.ordered
    ? html`<ol dir="auto">
        ${items}
      </ol>`
    : html`<ul dir="auto">
        ${items}
      </ul>`
}

/**
 * An article's body (the feed's vetted node tree) as Lit templates, node by node: every string is
 * a text node or an attribute value, never markup; links and images keep only http(s) (and, for
 * links, `mailto:`) addresses; node types it does not know are left out.
 *
 * @param level the level of the article's title: the body's headings (2–6, under a level-1 title)
 *   move down with it, to 6 at most.
 * @param base the CMS origin relative URLs resolve against.
 */
export const richText = (blocks: RichTextBlock[], level: number, base: string) =>
  blocks.map((node) => {
    switch (node.type) {
      case 'paragraph':
        return html`<p dir="auto">${node.children.map((child) => inline(child, base))}</p>`
      case 'heading':
        return heading(
          node.level - 1 + level,
          node.children.map((child) => inline(child, base)),
        )
      case 'quote':
        return html`<blockquote dir="auto">
          ${node.children.map((child) => inline(child, base))}
        </blockquote>`
      case 'list':
        return list(node, base)
      case 'image':
        return picture(node.image, base, node.image.sizes || '100vw')
      default:
        return nothing
    }
  })
