import type { RichTextBlock } from '@etw/client'
import { render } from '@lit-labs/ssr'
import { collectResultSync } from '@lit-labs/ssr/lib/render-result.js'
import { describe, expect, it } from 'vitest'
import { everyNode } from '../../test/support/fixtures'
import { heading, richText } from './etw-article.rich-text'

const BASE = 'https://cms.example.org'

/**
 * The HTML a template renders to, without Lit's part markers and the templates' own line breaks
 * and indentation (the texts under test have no line breaks), void elements without `/`.
 */
const toHtml = (value: unknown) =>
  collectResultSync(render(value))
    .replace(/<!--[^>]*-->/g, '')
    .replace(/\s*\n\s*/g, '\0')
    .replace(/>\0/g, '>')
    .replace(/\0</g, '<')
    .replace(/\0/g, ' ')
    .replace(/\s*\/?>/g, '>')

const body = (blocks: unknown[], level = 2) =>
  toHtml(richText(blocks as RichTextBlock[], level, BASE))

const paragraph = (...children: unknown[]) => ({ type: 'paragraph', children })

describe('richText', () => {
  it('should render every node type of the feed tree as its element', () => {
    expect(body(everyNode)).toBe(
      '<p dir="auto">Plain, <strong>bold</strong>, <em>italic</em>, <u>underlined</u>, <s>struck</s> and <code>code</code>.<br><a href="https://etwinning.example/az" target="_blank" rel="noopener noreferrer">eTwinning Azerbaijan</a></p>' +
        '<h3 dir="auto">Programme</h3>' +
        '<ol dir="auto"><li>Opening</li><li>Workshops<ul dir="auto"><li>Project design</li></ul></li></ol>' +
        '<blockquote dir="auto">Schools learn from each other.</blockquote>',
    )
  })

  it('should nest the elements of a run with several marks', () => {
    expect(
      body([paragraph({ type: 'text', text: 'x', bold: true, italic: true, code: true })]),
    ).toBe('<p dir="auto"><em><strong><code>x</code></strong></em></p>')
  })

  it('should write markup in texts as text', () => {
    const html = body([paragraph({ type: 'text', text: '<script>alert(1)</script><b>&</b>' })])
    expect(html).toBe(
      '<p dir="auto">&lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;&amp;&lt;/b&gt;</p>',
    )
  })

  it('should move the headings of the body under the title with heading-level', () => {
    const headings = [2, 3, 6].map((level) => ({
      type: 'heading',
      level,
      children: [{ type: 'text', text: `h${level}` }],
    }))
    expect(body(headings, 1)).toBe(
      '<h2 dir="auto">h2</h2><h3 dir="auto">h3</h3><h6 dir="auto">h6</h6>',
    )
    expect(body(headings, 2)).toBe(
      '<h3 dir="auto">h2</h3><h4 dir="auto">h3</h4><h6 dir="auto">h6</h6>',
    )
    expect(body(headings, 4)).toBe(
      '<h5 dir="auto">h2</h5><h6 dir="auto">h3</h6><h6 dir="auto">h6</h6>',
    )
  })

  it('should keep only the text of a link whose address is not http(s) or mailto:', () => {
    const link = (url: string) =>
      paragraph({ type: 'link', url, newTab: false, children: [{ type: 'text', text: 'go' }] })
    expect(
      body([
        link('javascript:alert(1)'),
        link('data:text/html,<script>alert(1)</script>'),
        link('mailto:nss@etwinning.az'),
        link('/en/news/x'),
      ]),
    ).toBe(
      '<p dir="auto">go</p><p dir="auto">go</p><p dir="auto"><a href="mailto:nss@etwinning.az">go</a></p><p dir="auto"><a href="https://cms.example.org/en/news/x">go</a></p>',
    )
  })

  it('should give an image its alt text, widths and intrinsic size, and drop one with an unsafe URL', () => {
    const image = (url: string) => ({
      type: 'image',
      image: {
        url,
        width: 640,
        height: 360,
        alt: 'A "quoted" <alt>',
        srcset: `${url} 640w, javascript:alert(1) 320w`,
        sizes: '100vw',
        sources: [],
      },
    })
    expect(body([image('https://cms.example.org/media/a.jpg'), image('javascript:alert(1)')])).toBe(
      '<picture><img part="image" src="https://cms.example.org/media/a.jpg" srcset="https://cms.example.org/media/a.jpg 640w" sizes="100vw" alt="A &quot;quoted&quot; &lt;alt&gt;" width="640" height="360" loading="lazy"></picture>',
    )
  })

  it('should leave out nodes it does not know', () => {
    expect(
      body([
        { type: 'table', children: [] },
        paragraph({ type: 'upload' }, { type: 'text', text: 'kept' }),
      ]),
    ).toBe('<p dir="auto">kept</p>')
  })
})

describe('heading', () => {
  it('should clamp its level to 1–6 and carry the part it is given', () => {
    expect(toHtml(heading(0, 'a', 'title'))).toBe('<h1 dir="auto" part="title">a</h1>')
    expect(toHtml(heading(9, 'b'))).toBe('<h6 dir="auto">b</h6>')
    expect(toHtml(heading(Number.NaN, 'c'))).toBe('<h2 dir="auto">c</h2>')
  })
})
