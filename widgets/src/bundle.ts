/**
 * Entry of the self-hosted loader (`etw-widgets.js`), for a classic
 * `<script src="https://cms.example/widgets/etw-widgets.js">`. It holds no widget code: each tag's
 * module (and the shared chunk with Lit) is fetched from next to this script the first time that
 * tag or a `data-etw` mount for it is on the page. A second copy or
 * another version on the same page does nothing.
 */
import type { Tag } from './shared/mount'
import { mount, TAGS, whenReady } from './shared/mount'

/**
 * Per tag: the modules it needs, its own last — `chunks/<name>.js` next to this script, each name
 * carrying a hash of the module's content.
 */
declare const __ETW_TAGS__: Record<Tag, string[]>

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
    // Every module of the tag at once — the shared chunk need not wait for the tag's module to
    // ask for it; the module map fetches each URL once.
    Promise.all(
      __ETW_TAGS__[tag].map(
        (name) =>
          import(/* @vite-ignore */ new URL(`chunks/${name}.js`, src || document.baseURI).href),
      ),
    ).then(
      (modules: LazyModule[]) => {
        if (!customElements.get(tag)) customElements.define(tag, modules.at(-1)!.element)
      },
      (error: unknown) => console.warn('[etw-widgets]', error),
    )
  }

  const discover = (node: Node) => {
    if (!(node instanceof Element)) return
    if (TAGS.includes(node.localName as Tag)) load(node.localName as Tag)
    else if (node.firstElementChild) for (const tag of TAGS) if (node.querySelector(tag)) load(tag)
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
