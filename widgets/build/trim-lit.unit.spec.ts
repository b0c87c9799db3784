import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, sep } from 'node:path'
import { transformSync } from 'esbuild'
import { describe, expect, it } from 'vitest'
import type { LitFeatures } from './trim-lit'
import { litFeatures, trimLitSource } from './trim-lit'

const source = (code: string) => [{ name: 'widget.ts', code }]

// The production build the self-hosted files bundle, as Vite resolves `lit/html.js` for them.
const require = createRequire(import.meta.url)
const entry = require.resolve('lit-html', { paths: [dirname(require.resolve('lit'))] })
const litHtml = readFileSync(
  join(entry.slice(0, entry.lastIndexOf(`${sep}lit-html${sep}`) + 10), 'lit-html.js'),
  'utf8',
)

const none: LitFeatures = {
  events: false,
  properties: false,
  booleans: false,
  svg: false,
  mathml: false,
  rawText: false,
  comments: false,
  interpolations: false,
  directives: false,
  renderOptions: false,
}

describe('litFeatures', () => {
  it('should find no feature in templates with attribute and child bindings only', () => {
    const code = `import { html } from 'lit/html.js'
      const item = (x) => html\`<li part="item" class=\${x.kind}><a href=\${x.url}>\${x.title}</a></li>\``
    expect(litFeatures(source(code))).toEqual(none)
  })

  it('should find event, property and boolean bindings, quoted or not', () => {
    const code = `import { html } from 'lit/html.js'
      const box = html\`<input @input=\${onInput} .value="\${value}" ?disabled=\${busy}>\``
    expect(litFeatures(source(code))).toMatchObject({
      events: true,
      properties: true,
      booleans: true,
    })
  })

  it('should find svg templates, directives, raw-text elements and render options', () => {
    const code = `import { svg as s } from 'lit/html.js'
      import { ref } from 'lit/directives/ref.js'
      const chart = s\`<svg><title>\${label}</title></svg>\`
      render(chart, root, { renderBefore: marker })`
    expect(litFeatures(source(code))).toMatchObject({
      svg: true,
      directives: true,
      rawText: true,
      renderOptions: true,
    })
  })

  it('should find HTML comments in a template', () => {
    const code = `import { html } from 'lit/html.js'
      const note = html\`<!-- \${label} --><p>\${text}</p>\``
    expect(litFeatures(source(code))).toEqual({ ...none, comments: true })
  })

  it('should find attribute values of text and bindings, quoted or not', () => {
    for (const template of [
      '<svg viewBox="0 0 ${w} ${h}"></svg>',
      '<p class="note ${kind}"></p>',
      '<p class="${kind} note"></p>',
      '<p class=${kind}-note></p>',
      '<p class=note-${kind}></p>',
    ]) {
      const code = `import { html } from 'lit/html.js'\nconst p = html\`${template}\``
      expect(litFeatures(source(code)), template).toEqual({ ...none, interpolations: true })
    }
    const single = `import { html } from 'lit/html.js'
      const p = html\`<p class="\${kind}" title=\${title}>\${text}</p><img alt=\${alt}/>\``
    expect(litFeatures(source(single))).toEqual(none)
  })

  it('should keep all of lit-html for a source that uses LitElement', () => {
    const code = `import { LitElement } from 'lit'`
    expect(Object.values(litFeatures(source(code))).every(Boolean)).toBe(true)
  })
})

describe('trimLitSource', () => {
  it('should find every cut in the installed lit-html and leave valid JavaScript', () => {
    const trimmed = trimLitSource(litHtml, none)
    expect(trimmed.missed).toEqual([])
    expect(trimmed.code.length).toBeLessThan(litHtml.length - 1000)
    expect(() => transformSync(trimmed.code, { format: 'esm', loader: 'js' })).not.toThrow()
    expect(trimmed.code).not.toContain('litHtmlPolyfillSupport')
    // The event part's class stays in the module, unused, for Rollup to leave out.
    expect(trimmed.code).not.toContain('"@"===e[1]')
    expect(trimmed.code).not.toContain('type:7')
    expect(trimmed.code).not.toContain('fill(new String)')
  })

  it('should keep the svg wrapping without the mathml one for svg templates only', () => {
    const trimmed = trimLitSource(litHtml, { ...none, svg: true })
    expect(trimmed.missed).toEqual([])
    expect(trimmed.code).toContain('<svg>')
    expect(trimmed.code).toContain('</svg>')
    expect(trimmed.code).not.toContain('<math>')
    expect(trimmed.code).not.toContain('</math>')
    expect(() => transformSync(trimmed.code, { format: 'esm', loader: 'js' })).not.toThrow()
  })

  it('should keep the code of every feature a source uses', () => {
    const all: LitFeatures = {
      events: true,
      properties: true,
      booleans: true,
      svg: true,
      mathml: true,
      rawText: true,
      comments: true,
      interpolations: true,
      directives: true,
      renderOptions: true,
    }
    const trimmed = trimLitSource(litHtml, all)
    expect(trimmed.code).toContain('"@"===e[1]')
    expect(trimmed.code).toContain('<svg>')
    expect(trimmed.code).toContain('<math>')
    expect(trimmed.code).toContain('_$litDirective$')
    expect(trimmed.code).toContain('renderBefore')
    expect(trimmed.code).toContain('type:7')
    expect(trimmed.code).toContain('fill(new String)')
  })
})
