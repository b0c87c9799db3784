import { describe, expect, it } from 'vitest'

import { richTextLinkUrls, validateRichTextLinks } from './richTextLinks'

const body = (...links: { url?: string; linkType?: string; type?: string }[]) => ({
  root: {
    type: 'root',
    children: [
      {
        type: 'paragraph',
        children: links.map(({ type = 'link', ...fields }) => ({
          type,
          fields,
          children: [{ type: 'text', text: 'link text' }],
        })),
      },
    ],
  },
})

describe('validateRichTextLinks', () => {
  it.each([
    'https://etwinning.org.ua/about',
    'http://example.org/a?b=1#c',
    'mailto:nss@etwinning.az',
    'mailto:a@example.org?subject=eTwinning',
  ])('should accept a link to %s', (url) => {
    expect(validateRichTextLinks(body({ url }))).toBe(true)
  })

  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'javascript&colon;alert(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    '//attacker.example.net',
    '/relative',
    'mailto:',
    'mailto:a@example.org\nBcc: b@example.org',
  ])('should refuse a link to %j', (url) => {
    expect(validateRichTextLinks(body({ url }))).toBe(
      'Links must start with http://, https:// or mailto:.',
    )
  })

  it('should check autolinks and links nested in lists or per locale', () => {
    const nested = {
      en: body({ url: 'https://example.org' }),
      uk: body({ type: 'autolink', url: 'javascript:x' }),
    }
    expect(richTextLinkUrls(nested)).toEqual(['https://example.org', 'javascript:x'])
    expect(validateRichTextLinks(nested)).not.toBe(true)
  })

  it('should leave internal links to documents alone', () => {
    expect(validateRichTextLinks(body({ linkType: 'internal' }))).toBe(true)
  })

  it('should accept rich text without links', () => {
    expect(validateRichTextLinks(body())).toBe(true)
  })
})
