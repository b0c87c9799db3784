import type { FeedImage } from '@etw/client'
import { describe, expect, it } from 'vitest'

import { richTextImageIds, richTextTree } from './richText'

const image: FeedImage = {
  alt: 'Teachers',
  height: 600,
  url: 'https://cms.example.org/m/a.jpg',
  width: 800,
  srcset: 'https://cms.example.org/m/a.jpg 800w',
  sizes: '(min-width: 48rem) 24rem, 100vw',
  sources: [],
}
const resolver = {
  document: (relationTo: string, id: number | string) =>
    relationTo === 'news' && id === 7 ? 'https://cms.example.org/en/news/seven' : undefined,
  image: (id: number | string) => (id === 3 ? image : undefined),
}
const root = (...children: unknown[]) => ({ root: { type: 'root', children } })
const text = (value: string, format = 0) => ({ type: 'text', text: value, format })

describe('richTextTree', () => {
  it('should keep paragraphs with every text format as marks', () => {
    expect(
      richTextTree(
        root({ type: 'paragraph', children: [text('a', 1 | 2 | 4 | 8 | 16)] }),
        resolver,
      ),
    ).toEqual([
      {
        type: 'paragraph',
        children: [
          {
            type: 'text',
            text: 'a',
            bold: true,
            italic: true,
            strikethrough: true,
            underline: true,
            code: true,
          },
        ],
      },
    ])
  })

  it('should keep headings, quotes, nested lists and line breaks', () => {
    const tree = richTextTree(
      root(
        { type: 'heading', tag: 'h1', children: [text('Title')] },
        { type: 'quote', children: [text('q'), { type: 'linebreak' }, text('r')] },
        {
          type: 'list',
          listType: 'number',
          children: [
            {
              type: 'listitem',
              children: [
                text('one'),
                {
                  type: 'list',
                  listType: 'bullet',
                  children: [{ type: 'listitem', children: [text('a')] }],
                },
              ],
            },
          ],
        },
      ),
      resolver,
    )
    expect(tree).toEqual([
      { type: 'heading', level: 2, children: [{ type: 'text', text: 'Title' }] },
      {
        type: 'quote',
        children: [{ type: 'text', text: 'q' }, { type: 'linebreak' }, { type: 'text', text: 'r' }],
      },
      {
        type: 'list',
        ordered: true,
        items: [
          {
            children: [
              { type: 'text', text: 'one' },
              {
                type: 'list',
                ordered: false,
                items: [{ children: [{ type: 'text', text: 'a' }] }],
              },
            ],
          },
        ],
      },
    ])
  })

  it('should keep safe links and reduce unsafe ones to their text', () => {
    const link = (url: string) => ({
      type: 'link',
      fields: { linkType: 'custom', newTab: true, url },
      children: [text('here')],
    })
    const tree = richTextTree(
      root({
        type: 'paragraph',
        children: [link('https://etwinning.net/'), link('javascript:alert(1)')],
      }),
      resolver,
    )
    expect(tree[0]).toEqual({
      type: 'paragraph',
      children: [
        {
          type: 'link',
          url: 'https://etwinning.net/',
          newTab: true,
          children: [{ type: 'text', text: 'here' }],
        },
        { type: 'text', text: 'here' },
      ],
    })
  })

  it('should resolve internal links to public documents only', () => {
    const internal = (id: number) => ({
      type: 'link',
      fields: { linkType: 'internal', doc: { relationTo: 'news', value: id } },
      children: [text('x')],
    })
    const [block] = richTextTree(
      root({ type: 'paragraph', children: [internal(7), internal(8)] }),
      resolver,
    )
    expect(block).toEqual({
      type: 'paragraph',
      children: [
        {
          type: 'link',
          url: 'https://cms.example.org/en/news/seven',
          newTab: false,
          children: [{ type: 'text', text: 'x' }],
        },
        { type: 'text', text: 'x' },
      ],
    })
  })

  it('should keep uploaded images that resolve and drop the others', () => {
    const value = root(
      { type: 'upload', relationTo: 'media', value: 3 },
      { type: 'upload', value: 4 },
    )
    expect(richTextImageIds(value)).toEqual([3, 4])
    expect(richTextTree(value, resolver)).toEqual([{ type: 'image', image }])
  })

  it('should keep the text of unknown nodes as plain text and never pass markup through', () => {
    const tree = richTextTree(
      root({
        type: 'html-embed',
        html: '<script>alert(1)</script>',
        children: [text('<b>shown</b>')],
      }),
      resolver,
    )
    expect(tree).toEqual([
      { type: 'paragraph', children: [{ type: 'text', text: '<b>shown</b>' }] },
    ])
  })

  it('should give an empty tree for a malformed value', () => {
    expect(richTextTree('<p>raw</p>', resolver)).toEqual([])
    expect(richTextTree(null, resolver)).toEqual([])
  })
})
