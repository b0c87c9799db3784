/**
 * The plugin's translatable strings: every literal passed to WordPress's gettext functions with
 * the text domain in `plugin/**\/*.php`, the labels and help texts of `plugin/widgets.json`, and
 * the blocks' titles and descriptions (context `block title` / `block description`, as WordPress
 * translates block.json). Each as `{ context, id }`.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const pluginDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../plugin')
export const TEXT_DOMAIN = 'etwinning-hub'

const GETTEXT =
  /\b(?:__|esc_html__|esc_attr__|_e|esc_html_e)\(\s*'((?:[^'\\]|\\.)*)'\s*,\s*'etwinning-hub'\s*\)/g

const phpFiles = (dir) =>
  fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.php'))
    .map((entry) => path.join(entry.parentPath, entry.name))

/** The widgets file, parsed. */
export const readWidgets = () =>
  JSON.parse(fs.readFileSync(path.join(pluginDir, 'widgets.json'), 'utf8'))

/** Every translatable string of the plugin, without duplicates. */
export const translatableStrings = () => {
  const found = new Map()
  const add = (id, context = '') => found.set(`${context}\u0004${id}`, { context, id })
  for (const file of phpFiles(pluginDir)) {
    for (const match of fs.readFileSync(file, 'utf8').matchAll(GETTEXT)) {
      add(match[1].replace(/\\(['\\])/g, '$1'))
    }
  }
  const { common, widgets } = readWidgets()
  for (const rule of [common, ...widgets.map((widget) => widget.attributes)].flatMap(
    Object.values,
  )) {
    add(rule.label)
    if (rule.help) add(rule.help)
  }
  for (const widget of widgets) {
    add(widget.title, 'block title')
    add(widget.description, 'block description')
  }
  // The plugin header, as WordPress translates it on the Plugins screen.
  add('eTwinning Hub widgets')
  add(
    'eTwinning statistics, news and events from an eTwinning Hub, as shortcodes and blocks that every role can place.',
  )
  return [...found.values()]
}
