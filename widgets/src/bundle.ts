/**
 * Entry of the self-hosted loader (`etw-widgets.js`), for a classic
 * `<script src="https://cms.example/widgets/etw-widgets.js">`. It holds no widget code: each tag's
 * module (and the shared chunk with Lit) is fetched from next to this script the first time that
 * tag or a `data-etw` mount for it is on the page. A second copy or
 * another version on the same page does nothing.
 */
import type { Tag } from './shared/mount'
import { mount, TAGS, whenReady } from './shared/mount'
import { reserve } from './shared/reserve'

const SELECTOR = `${TAGS},[data-etw]`

/**
 * Per tag: the modules it needs, its own last — `chunks/<name>.js` next to this script, each name
 * carrying a hash of the module's content — with their Subresource Integrity values.
 */
declare const __ETW_TAGS__: Record<Tag, [name: string, integrity: string][]>

interface LazyModule {
  element: CustomElementConstructor
}

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

  const load = (tag: Tag) => {
    if (started.has(tag) || customElements.get(tag)) return
    started.add(tag)
    const urls = __ETW_TAGS__[tag].map(
      ([name]) => new URL(`chunks/${name}.js`, src || document.baseURI).href,
    )
    // Every module of the tag at once, each checked against its hash: a module preload with
    // `integrity` puts the module in the page's module map, where `import()` and the modules'
    // own imports find it; a module whose bytes differ is refused and never runs.
    Promise.all(
      urls.map(
        (href, i) =>
          new Promise((resolve, reject) => {
            const link = document.createElement('link')
            link.rel = 'modulepreload'
            link.href = href
            link.integrity = __ETW_TAGS__[tag][i]![1]
            link.onload = resolve
            link.onerror = () => reject(new Error(`${href} was refused`))
            document.head.append(link)
          }),
      ),
    )
      .then(() => import(/* @vite-ignore */ urls.at(-1)!))
      .then(
        (module: LazyModule) => {
          if (!customElements.get(tag)) customElements.define(tag, module.element)
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
      load(tag)
    }
  }

  window.etwWidgets = { version: __ETW_VERSION__, mount }
  discover(document.documentElement)
  // Tags the parser has not reached yet, and tags a page adds later.
  new MutationObserver((records) => {
    for (const record of records) record.addedNodes.forEach(discover)
  }).observe(document, { childList: true, subtree: true })
  whenReady(() => mount())
}

if (!window.etwWidgets) {
  try {
    start()
  } catch (error) {
    // Nothing may escape into the host page.
    console.warn('[etw-widgets]', error)
  }
}
