/**
 * Entry of the self-hosted loader (`etw-widgets.js`), for a classic
 * `<script src="https://cms.example/widgets/etw-widgets.js">`. It holds no widget code: each tag's
 * module (and the shared chunk with Lit) is fetched from next to this script the first time that
 * tag or a `data-etw` mount for it is on the page. A page with two or more of the tags takes them
 * in one combined module instead, lighter than the shared chunk and a module per tag. A second copy
 * or another version on the same page does nothing.
 */
import type { Tag } from './shared/mount'
import { mount, TAGS, whenReady } from './shared/mount'
import { reserve } from './shared/reserve'

const SELECTOR = `${TAGS},[data-etw]`

/**
 * The shared chunk (Lit and the shared code) and, per tag, its own module — `chunks/<name>.js` next
 * to this script, each name carrying a hash of the module's content — with their Subresource
 * Integrity values.
 */
declare const __ETW_SHARED__: Module
declare const __ETW_TAGS__: Record<Tag, Module>

/**
 * The combined module — the shared chunk and every tag it holds in one file, each tag's class
 * exported under the tag's name — and, per tag it does not hold, a copy of that tag's own module
 * that imports the combined one instead of the shared chunk.
 */
declare const __ETW_ALL__: [all: Module, own: Partial<Record<Tag, Module>>]

type Module = [name: string, integrity: string]

type LazyModule = Record<string, CustomElementConstructor>

declare global {
  interface Window {
    /** Set by the first widget loader on the page. */
    etwWidgets?: { version: string; mount: typeof mount }
  }
}

const start = () => {
  // `currentScript` is only set while the classic script runs, so it is read before anything else.
  const src = (document.currentScript as HTMLScriptElement | null)?.src
  const started = new Set<string>()
  const found = new Set<Tag>()
  const preloads = new Map<string, Promise<unknown>>()
  const [all, own] = __ETW_ALL__
  // Whether this page takes the combined module, decided once, by the first tags found: two or
  // more of the tags it holds weigh less in one file than as the shared chunk and a file each.
  let combined: boolean | undefined

  const load = (tag: Tag) => {
    if (started.has(tag) || customElements.get(tag)) return
    started.add(tag)
    const modules = combined
      ? [all, ...(own[tag] ? [own[tag]] : [])]
      : [__ETW_SHARED__, __ETW_TAGS__[tag]]
    const urls = modules.map(([name]) => new URL(`chunks/${name}.js`, src || document.baseURI).href)
    // Every module of the tag at once, each checked against its hash: a module preload with
    // `integrity` puts the module in the page's module map, where `import()` and the modules'
    // own imports find it; a module whose bytes differ is refused and never runs.
    // A module several tags need (the shared chunk, the combined module) is preloaded once.
    Promise.all(
      urls.map((href, i) => {
        let preload = preloads.get(href)
        if (!preload) {
          preload = new Promise((resolve, reject) => {
            const link = document.createElement('link')
            link.rel = 'modulepreload'
            link.href = href
            link.integrity = modules[i]![1]
            link.onload = resolve
            link.onerror = () => reject(new Error(`${href} was refused`))
            document.head.append(link)
          })
          preloads.set(href, preload)
        }
        return preload
      }),
    )
      .then(() => import(/* @vite-ignore */ urls.at(-1)!))
      .then(
        (module: LazyModule) => {
          if (!customElements.get(tag)) {
            customElements.define(tag, module[combined && !own[tag] ? tag : 'element']!)
          }
        },
        (error: unknown) => console.warn('[etw-widgets]', error),
      )
  }

  // Widget tags and `data-etw` mounts, in `node` and under it: their space is reserved before
  // the next paint, their code starts loading.
  const discover = (node: Node) => {
    if (!(node instanceof Element)) return
    for (const element of [node, ...node.querySelectorAll(SELECTOR)]) {
      const tag = (
        element.hasAttribute('data-etw')
          ? `etw-${element.getAttribute('data-etw')}`
          : element.localName
      ) as Tag
      if (!TAGS.includes(tag)) continue
      reserve(element, tag)
      found.add(tag)
    }
  }

  // Loads what was found. While the document is parsed, a lone tag waits for the rest of it.
  const flush = () => {
    if (combined === undefined) {
      const held = [...found].filter((tag) => !own[tag]).length
      if (!found.size || (held < 2 && document.readyState === 'loading')) return
      combined = held > 1
    }
    found.forEach(load)
  }

  window.etwWidgets = { version: __ETW_VERSION__, mount }
  discover(document.documentElement)
  flush()
  // Tags the parser has not reached yet, and tags a page adds later.
  new MutationObserver((records) => {
    for (const record of records) record.addedNodes.forEach(discover)
    flush()
  }).observe(document, { childList: true, subtree: true })
  whenReady(() => {
    flush()
    mount()
  })
}

if (!window.etwWidgets) {
  try {
    start()
  } catch (error) {
    // Nothing may escape into the host page.
    console.warn('[etw-widgets]', error)
  }
}
