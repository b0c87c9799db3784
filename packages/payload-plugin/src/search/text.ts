/** Block nodes of a Lexical tree: their texts are kept apart by a space. */
const BLOCKS = new Set(['heading', 'list', 'listitem', 'paragraph', 'quote', 'root', 'table'])

interface LexicalNode {
  type?: string
  text?: string
  children?: LexicalNode[]
}

const textOf = (node: LexicalNode): string => {
  if (typeof node.text === 'string') return node.text
  if (node.type === 'linebreak' || node.type === 'tab') return ' '
  if (!Array.isArray(node.children)) return ''
  return node.children
    .map((child) => (child.type && BLOCKS.has(child.type) ? ` ${textOf(child)} ` : textOf(child)))
    .join('')
}

/** The plain text of a Lexical rich text value (its `root`), blocks separated by single spaces. */
export const richTextPlain = (value: unknown): string => {
  const root = (value as { root?: LexicalNode } | null | undefined)?.root
  return root ? textOf(root).replace(/\s+/g, ' ').trim() : ''
}
