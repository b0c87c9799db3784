import fs from 'node:fs'
import path from 'node:path'

import { po } from 'gettext-parser'
import { describe, expect, it } from 'vitest'

import { blockJson } from '../scripts/build.mjs'
import { pluginDir, readWidgets, translatableStrings } from '../scripts/strings.mjs'

interface Rule {
  type?: string
  enum?: string[]
  label: string
}
interface Widget {
  name: string
  tag: string
  attributes: Record<string, Rule>
}

const { common, widgets } = readWidgets() as { common: Record<string, Rule>; widgets: Widget[] }
const manifest = JSON.parse(
  fs.readFileSync(path.join(pluginDir, '../../../widgets/custom-elements.json'), 'utf8'),
) as {
  modules: {
    declarations?: { tagName?: string; attributes?: { name: string; type?: { text: string } }[] }[]
  }[]
}
const declared = new Map(
  manifest.modules
    .flatMap((module) => module.declarations ?? [])
    .filter((declaration) => declaration.tagName)
    .map((declaration) => [declaration.tagName!, declaration.attributes ?? []]),
)
const built = widgets.filter((widget) => declared.has(widget.tag))

describe('the widgets the WordPress plugin places', () => {
  it('should cover every tag the widgets package defines', () => {
    expect([...declared.keys()].filter((tag) => !widgets.some((w) => w.tag === tag))).toEqual([])
  })

  it.each(built.map((widget) => [widget.tag, widget] as const))(
    'should accept exactly the attributes of <%s>, with the values its types allow',
    (tag, widget) => {
      const attributes = declared.get(tag)!
      const rules = { ...widget.attributes, ...common }
      expect(Object.keys(rules).sort()).toEqual(attributes.map(({ name }) => name).sort())
      for (const { name, type } of attributes) {
        const literals = [...(type?.text ?? '').matchAll(/'([^']+)'/g)].map((match) => match[1])
        if (literals.length > 0) expect(rules[name]!.enum?.slice().sort()).toEqual(literals.sort())
      }
    },
  )

  it('should describe each block with the same attributes as its shortcode', () => {
    for (const widget of widgets) {
      const block = blockJson(widget, common)
      expect(block.name).toBe(`etwinning-hub/${widget.name}`)
      expect(Object.keys(block.attributes).sort()).toEqual(
        Object.keys({ ...widget.attributes, ...common }).sort(),
      )
    }
  })

  it.each(['uk', 'az'])(
    'should translate every string of the plugin into %s, keeping its placeholders',
    (locale) => {
      const catalog = po.parse(
        fs.readFileSync(path.join(pluginDir, 'languages', `etwinning-hub-${locale}.po`)),
      )
      for (const { context, id } of translatableStrings()) {
        const text = catalog.translations[context]?.[id]?.msgstr[0] ?? ''
        expect(text, id).not.toBe('')
        const placeholders = (value: string) => (value.match(/%(\d\$)?s/g) ?? []).sort()
        expect(placeholders(text), id).toEqual(placeholders(id))
      }
    },
  )
})
