import type { ValidatorArgs } from './validators'

import { translate } from '../utilities/translate'
import { isSafeLinkUrl } from '../utilities/url'

type Node = Record<string, unknown>

/** The custom URLs of every link and autolink node in a Lexical value (any nesting, any locale). */
export const richTextLinkUrls = (value: unknown): unknown[] => {
  const urls: unknown[] = []
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit)
      return
    }
    if (typeof node !== 'object' || node === null) return
    const record = node as Node
    if (record.type === 'link' || record.type === 'autolink') {
      const fields = (record.fields ?? {}) as Node
      // An internal link points at a document, not at a URL.
      if (fields.linkType !== 'internal') urls.push(fields.url)
    }
    for (const child of Object.values(record)) {
      if (typeof child === 'object' && child !== null) visit(child)
    }
  }
  visit(value)
  return urls
}

/**
 * Validator for a Lexical rich-text value: every link and autolink must lead to an absolute
 * `http:`/`https:` URL or a `mailto:` address. `javascript:`, `data:`, `vbscript:`, relative and
 * protocol-relative links are refused, however they are spelled.
 */
export const validateRichTextLinks = (value: unknown, args: ValidatorArgs = {}): string | true =>
  richTextLinkUrls(value).every(isSafeLinkUrl) || translate(args.req?.t, 'unsafeLink')
