import { describe, expect, it } from 'vitest'

import { embedSnippet, pinnedScript } from './embedSnippet'

describe('embedSnippet', () => {
  it('should write the script, an empty line and the tag with its fallback, as the webmasters’ guide shows', () => {
    const snippet = embedSnippet(
      'https://cms.example.org',
      { widget: 'stats', country: 'AZ' },
      { text: 'Azerbaijan in eTwinning: 4308 teachers, 1141 schools, 5103 projects.' },
    )
    expect(snippet).toBe(
      [
        '<script src="https://cms.example.org/widgets/etw-widgets.js"></script>',
        '',
        '<etw-stats country="AZ">',
        '  <p>Azerbaijan in eTwinning: 4308 teachers, 1141 schools, 5103 projects.</p>',
        '</etw-stats>',
      ].join('\n'),
    )
  })

  it('should write the counters’ boolean attributes bare, and leave out those that are off', () => {
    const snippet = embedSnippet(
      'https://cms.example.org',
      {
        widget: 'stats',
        country: 'AZ',
        'show-date': true,
        'show-source': true,
        'show-change': false,
      },
      { text: 'Azerbaijan in eTwinning' },
    )
    expect(snippet.split('\n')[2]).toBe('<etw-stats country="AZ" show-date show-source>')
  })

  it('should keep only the attributes the widget knows, in the guide’s order, without empty ones', () => {
    const snippet = embedSnippet(
      'https://cms.example.org',
      {
        widget: 'news-feed',
        lang: 'uk',
        country: 'UA',
        limit: '3',
        metrics: 'teachers',
        organization: '',
        when: 'past',
      },
      { text: 'Новини eTwinning', link: 'https://cms.example.org/api/etw/v1/news.rss' },
    )
    expect(snippet.split('\n').slice(2)).toEqual([
      '<etw-news-feed limit="3" country="UA" lang="uk">',
      '  <p><a href="https://cms.example.org/api/etw/v1/news.rss">Новини eTwinning</a></p>',
      '</etw-news-feed>',
    ])
  })

  it('should write the article tag with its slug parameter and heading level', () => {
    const snippet = embedSnippet(
      'https://cms.example.org',
      { widget: 'article', 'slug-param': 'slug', 'heading-level': '1', slug: '', layout: 'cards' },
      { text: 'eTwinning news', link: 'https://cms.example.org/en/news' },
    )
    expect(snippet.split('\n').slice(2)).toEqual([
      '<etw-article slug-param="slug" heading-level="1">',
      '  <p><a href="https://cms.example.org/en/news">eTwinning news</a></p>',
      '</etw-article>',
    ])
  })

  it('should escape quotes and markup in values', () => {
    const snippet = embedSnippet(
      'https://cms.example.org',
      { widget: 'stats', metrics: 'a"b' },
      { text: '<b>x</b> & y' },
    )
    expect(snippet).toContain('metrics="a&quot;b"')
    expect(snippet).toContain('<p>&lt;b&gt;x&lt;/b&gt; &amp; y</p>')
  })

  it('should pin the versioned loader with its integrity hash and CORS', () => {
    expect(
      pinnedScript('https://cms.example.org', {
        path: '/widgets/0.1.0/etw-widgets.js',
        integrity: 'sha384-abc+/=',
      }),
    ).toBe(
      '<script src="https://cms.example.org/widgets/0.1.0/etw-widgets.js" integrity="sha384-abc+/=" crossorigin="anonymous"></script>',
    )
  })
})
