/**
 * Builds `dist/etwinning-hub.zip`, the file a webmaster uploads in Plugins → Add New: the PHP
 * sources under `plugin/`, a `blocks/<name>/block.json` per widget of `widgets.json`, the tags'
 * stylesheet, and the translations compiled to `.mo`. Fails when a translation misses a string.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { strToU8, zipSync } from 'fflate'
import { po, mo } from 'gettext-parser'

import { pluginDir, readWidgets, TEXT_DOMAIN, translatableStrings } from './strings.mjs'

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const SLUG = 'etwinning-hub'
export const zipFile = path.join(packageDir, 'dist', `${SLUG}.zip`)

/** block.json of one widget: dynamic (no saved markup), every attribute a string. */
export const blockJson = (widget, common) => ({
  $schema: 'https://schemas.wp.org/trunk/block.json',
  apiVersion: 2,
  name: `${TEXT_DOMAIN}/${widget.name}`,
  title: widget.title,
  description: widget.description,
  category: 'widgets',
  icon: widget.icon,
  keywords: ['etwinning'],
  textdomain: TEXT_DOMAIN,
  attributes: Object.fromEntries(
    Object.keys({ ...widget.attributes, ...common }).map((name) => [name, { type: 'string' }]),
  ),
  supports: { html: false, align: ['wide', 'full'] },
  editorScript: `${TEXT_DOMAIN}-editor`,
})

const build = () => {
  const files = {}
  for (const entry of fs.readdirSync(pluginDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const file = path.join(entry.parentPath, entry.name)
    files[`${SLUG}/${path.relative(pluginDir, file).split(path.sep).join('/')}`] =
      fs.readFileSync(file)
  }
  const { common, widgets } = readWidgets()
  for (const widget of widgets) {
    files[`${SLUG}/blocks/${widget.name}/block.json`] = strToU8(
      `${JSON.stringify(blockJson(widget, common), null, 2)}\n`,
    )
  }
  // Laid out as blocks before their code runs, and without JavaScript.
  files[`${SLUG}/assets/widgets.css`] = strToU8(
    `${widgets.map((widget) => widget.tag).join(',\n')} {\n  display: block;\n}\n`,
  )
  const wanted = translatableStrings()
  for (const name of fs.readdirSync(path.join(pluginDir, 'languages'))) {
    if (!name.endsWith('.po')) continue
    const catalog = po.parse(fs.readFileSync(path.join(pluginDir, 'languages', name)))
    const missing = wanted.filter(
      ({ context, id }) => !catalog.translations[context]?.[id]?.msgstr?.[0],
    )
    if (missing.length > 0) {
      throw new Error(`${name} misses ${missing.map(({ id }) => JSON.stringify(id)).join(', ')}`)
    }
    files[`${SLUG}/languages/${name.replace(/\.po$/, '.mo')}`] = mo.compile(catalog)
  }
  fs.mkdirSync(path.dirname(zipFile), { recursive: true })
  fs.writeFileSync(zipFile, zipSync(files, { level: 9, mtime: new Date('2026-01-01T00:00:00Z') }))
  console.log(`${path.relative(process.cwd(), zipFile)}: ${Object.keys(files).length} files`)
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) build()
