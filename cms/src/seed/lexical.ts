import type {
  DefaultTypedEditorState,
  SerializedParagraphNode,
  SerializedTextNode,
} from '@payloadcms/richtext-lexical'

/** A Lexical editor state as Payload's `richText` fields store it. */
export type RichText = DefaultTypedEditorState

const textNode = (text: string): SerializedTextNode => ({
  type: 'text',
  version: 1,
  detail: 0,
  format: 0,
  mode: 'normal',
  style: '',
  text,
})

const paragraphNode = (text: string): SerializedParagraphNode<SerializedTextNode> => ({
  type: 'paragraph',
  version: 1,
  direction: 'ltr',
  format: '',
  indent: 0,
  textFormat: 0,
  textStyle: '',
  // An empty paragraph has no text node, as the editor itself serializes it.
  children: text === '' ? [] : [textNode(text)],
})

/**
 * Builds a Lexical editor state with one plain-text paragraph per string, in the shape the
 * editor itself saves (`root` → `paragraph` → `text`), so `@payloadcms/richtext-lexical`
 * validates and renders it like content typed in the admin.
 */
export const paragraphs = (...texts: readonly string[]): RichText => ({
  root: {
    type: 'root',
    version: 1,
    direction: 'ltr',
    format: '',
    indent: 0,
    children: texts.map((text) => paragraphNode(text.trim())),
  },
})
