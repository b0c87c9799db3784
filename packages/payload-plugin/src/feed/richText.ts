import type {
  FeedImage,
  RichTextBlock,
  RichTextInline,
  RichTextLineBreak,
  RichTextList,
  RichTextListItem,
  RichTextText,
  TextMarks,
} from '@etw/client'

import { isSafeLinkUrl } from '../utilities/url'

/**
 * Lexical's JSON turned into the feed's vetted node tree ({@link RichTextBlock}): paragraphs,
 * headings, lists, quotes, links, images, line breaks and formatted text, nothing else. Unknown
 * nodes keep their text (as plain text) when they have any and are dropped otherwise; links are
 * checked as at save time ({@link isSafeLinkUrl}), and one that fails keeps only its text. No node
 * carries markup: a renderer writes every string as text.
 */

type LexicalNode = Record<string, unknown>

/** Resolves what a node points to: upload images by id, internal links by collection and id. */
export interface RichTextResolver {
  image(id: number | string): FeedImage | undefined
  /** The URL of a document an internal link points to, `undefined` when it is not public. */
  document(relationTo: string, id: number | string): string | undefined
}

/** Lexical's text format bits (`TextNode.__format`). */
const FORMAT_BITS: readonly [number, keyof TextMarks][] = [
  [1, 'bold'],
  [2, 'italic'],
  [4, 'strikethrough'],
  [8, 'underline'],
  [16, 'code'],
]

const HEADING_LEVELS = new Set([2, 3, 4, 5, 6])

const childrenOf = (node: LexicalNode): LexicalNode[] =>
  Array.isArray(node.children)
    ? node.children.filter(
        (child): child is LexicalNode => typeof child === 'object' && child !== null,
      )
    : []

const idOf = (value: unknown): number | string | undefined => {
  if (typeof value === 'number' || typeof value === 'string') return value
  if (typeof value === 'object' && value !== null && 'id' in value) return idOf(value.id)
  return undefined
}

const textNode = (node: LexicalNode): RichTextText | null => {
  const text = typeof node.text === 'string' ? node.text : ''
  if (text === '') return null
  const format = typeof node.format === 'number' ? node.format : 0
  const result: RichTextText = { type: 'text', text }
  for (const [bit, mark] of FORMAT_BITS) if (format & bit) result[mark] = true
  return result
}

/** Plain text runs of any node, for content the tree does not keep as such. */
const flatten = (node: LexicalNode): (RichTextLineBreak | RichTextText)[] => {
  if (node.type === 'text') {
    const text = textNode(node)
    return text ? [text] : []
  }
  if (node.type === 'linebreak') return [{ type: 'linebreak' }]
  if (node.type === 'tab') return [{ type: 'text', text: '\t' }]
  return childrenOf(node).flatMap(flatten)
}

const linkUrl = (node: LexicalNode, resolver: RichTextResolver): string | undefined => {
  const fields = (
    typeof node.fields === 'object' && node.fields !== null ? node.fields : {}
  ) as LexicalNode
  if (fields.linkType === 'internal') {
    const doc = (fields.doc ?? {}) as LexicalNode
    const id = idOf(doc.value)
    return typeof doc.relationTo === 'string' && id !== undefined
      ? resolver.document(doc.relationTo, id)
      : undefined
  }
  return isSafeLinkUrl(fields.url) ? fields.url : undefined
}

const inline = (node: LexicalNode, resolver: RichTextResolver): RichTextInline[] => {
  if (node.type === 'link' || node.type === 'autolink') {
    const children = childrenOf(node).flatMap(flatten)
    const url = linkUrl(node, resolver)
    if (!url) return children
    const fields = (node.fields ?? {}) as LexicalNode
    return [{ type: 'link', url, newTab: fields.newTab === true, children }]
  }
  return flatten(node)
}

const inlines = (node: LexicalNode, resolver: RichTextResolver): RichTextInline[] =>
  childrenOf(node).flatMap((child) => inline(child, resolver))

const list = (node: LexicalNode, resolver: RichTextResolver): RichTextList => ({
  type: 'list',
  ordered: node.listType === 'number' || node.tag === 'ol',
  items: childrenOf(node).map((item): RichTextListItem => ({
    children: childrenOf(item).flatMap((child): (RichTextInline | RichTextList)[] =>
      child.type === 'list' ? [list(child, resolver)] : inline(child, resolver),
    ),
  })),
})

const block = (node: LexicalNode, resolver: RichTextResolver): RichTextBlock[] => {
  switch (node.type) {
    case 'paragraph':
      return [{ type: 'paragraph', children: inlines(node, resolver) }]
    case 'heading': {
      const level = Number(String(node.tag ?? '').replace(/^h/, ''))
      // The page title is the one level-1 heading; deeper levels than 6 do not exist in HTML.
      const clamped = (HEADING_LEVELS.has(level) ? level : level < 2 ? 2 : 6) as 2 | 3 | 4 | 5 | 6
      return [{ type: 'heading', level: clamped, children: inlines(node, resolver) }]
    }
    case 'quote':
      return [{ type: 'quote', children: inlines(node, resolver) }]
    case 'list':
      return [list(node, resolver)]
    case 'upload': {
      const id = idOf(node.value)
      const image = id === undefined ? undefined : resolver.image(id)
      return image ? [{ type: 'image', image }] : []
    }
    default: {
      const children = inlines(node, resolver)
      return children.length > 0 ? [{ type: 'paragraph', children }] : []
    }
  }
}

/** The root of a Lexical value (`{ root: { children } }`), or `undefined` for anything else. */
const rootOf = (value: unknown): LexicalNode | undefined => {
  if (typeof value !== 'object' || value === null) return undefined
  const root = (value as LexicalNode).root
  return typeof root === 'object' && root !== null ? (root as LexicalNode) : undefined
}

/** The vetted tree of a stored Lexical value; `[]` for an empty or malformed one. */
export const richTextTree = (value: unknown, resolver: RichTextResolver): RichTextBlock[] => {
  const root = rootOf(value)
  return root ? childrenOf(root).flatMap((node) => block(node, resolver)) : []
}

/** Ids of the media documents a Lexical value shows as images. */
export const richTextImageIds = (value: unknown): (number | string)[] => {
  const ids: (number | string)[] = []
  const visit = (node: LexicalNode): void => {
    if (node.type === 'upload') {
      const id = idOf(node.value)
      if (id !== undefined) ids.push(id)
    }
    childrenOf(node).forEach(visit)
  }
  const root = rootOf(value)
  if (root) visit(root)
  return ids
}

/** Ids of the documents internal links of a Lexical value point to, by collection. */
export const richTextLinkedDocuments = (value: unknown): Map<string, (number | string)[]> => {
  const found = new Map<string, (number | string)[]>()
  const visit = (node: LexicalNode): void => {
    if (node.type === 'link' || node.type === 'autolink') {
      const fields = (node.fields ?? {}) as LexicalNode
      const doc = (fields.doc ?? {}) as LexicalNode
      const id = idOf(doc.value)
      if (
        fields.linkType === 'internal' &&
        typeof doc.relationTo === 'string' &&
        id !== undefined
      ) {
        found.set(doc.relationTo, [...(found.get(doc.relationTo) ?? []), id])
      }
    }
    childrenOf(node).forEach(visit)
  }
  const root = rootOf(value)
  if (root) visit(root)
  return found
}
