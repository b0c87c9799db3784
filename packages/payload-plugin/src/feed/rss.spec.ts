import { Feed } from 'feed'
import { describe, expect, it } from 'vitest'

import { cdataText } from './rss'

describe('cdataText', () => {
  it('should keep every "]]>" of a title inside the CDATA section feed writes', () => {
    const title = 'a]]><b>x</b>]]><script>y</script>]]>z'
    const feed = new Feed({ copyright: '', id: 'http://localhost/', title: 't' })
    feed.addItem({ date: new Date(0), link: 'http://localhost/1', title: cdataText(title) })
    const xml = feed.rss2()
    const section = /<item>\s*<title>((?:<!\[CDATA\[[\s\S]*?\]\]>)+)<\/title>/.exec(xml)![1]!
    const text = [...section.matchAll(/<!\[CDATA\[([\s\S]*?)\]\]>/g)].map((m) => m[1]).join('')
    expect(text).toBe(title)
  })

  it('should leave text without "]]>" as it is', () => {
    expect(cdataText('Seminar in Baku')).toBe('Seminar in Baku')
  })
})
