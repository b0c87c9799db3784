import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const widgets = fileURLToPath(new URL('..', import.meta.url))

describe('custom-elements.json', () => {
  it('should match the JSDoc and properties of the sources', () => {
    // Exits non-zero (and the call throws) when the committed manifest is stale.
    execFileSync(process.execPath, ['scripts/manifest.mjs', '--check'], {
      cwd: widgets,
      stdio: 'pipe',
    })
  })

  it('should document every tag with its attributes, events, parts and slot', () => {
    const manifest = JSON.parse(readFileSync(`${widgets}/custom-elements.json`, 'utf8'))
    const tags = manifest.modules.map((module: any) => module.declarations[0])
    expect(tags.map((tag: any) => tag.tagName)).toEqual([
      'etw-stats',
      'etw-news-feed',
      'etw-events',
      'etw-article',
      'etw-stats-chart',
    ])
    for (const tag of tags) {
      expect(tag.attributes.map((a: any) => a.name)).toEqual(
        expect.arrayContaining(['api-base', 'lang', 'theme']),
      )
      expect(tag.events.map((e: any) => e.name)).toEqual(['etw-load', 'etw-error'])
      expect(tag.slots).toEqual([expect.objectContaining({ name: '' })])
      expect(tag.cssParts.length).toBeGreaterThan(3)
    }
  })
})
