import { EtwEvents } from './etw-events/etw-events'
import { EtwNewsFeed } from './etw-news-feed/etw-news-feed'
import { EtwStats } from './etw-stats/etw-stats'

/** Tag names and their classes. */
export const elements = {
  'etw-stats': EtwStats,
  'etw-news-feed': EtwNewsFeed,
  'etw-events': EtwEvents,
} as const

/**
 * Registers every widget tag, skipping tags already defined (by another copy or version of the
 * widgets on the page), so it never throws.
 */
export const define = (registry: CustomElementRegistry = customElements) => {
  for (const [tag, element] of Object.entries(elements)) {
    if (!registry.get(tag)) registry.define(tag, element)
  }
}

const MOUNTED = 'etwMounted'

/**
 * Turns every `<div data-etw="stats" data-country="AZ">` under `root` into the widget it names, for
 * editors that strip unknown tags: `data-*` become the widget's attributes (`data-api-base` →
 * `api-base`) and the div's content becomes the widget's fallback. Each div is mounted once.
 *
 * @returns the widgets created.
 */
export const mount = (root: ParentNode = document): HTMLElement[] => {
  const created: HTMLElement[] = []
  for (const host of root.querySelectorAll<HTMLElement>('[data-etw]')) {
    const tag = `etw-${host.dataset.etw}`
    if (host.dataset[MOUNTED] !== undefined || !(tag in elements)) continue
    host.dataset[MOUNTED] = ''
    const widget = document.createElement(tag)
    for (const { name, value } of host.attributes) {
      // `data-etw` and `data-etw-mounted` are ours; every other `data-*` is an attribute.
      if (name.startsWith('data-') && !name.startsWith('data-etw')) {
        widget.setAttribute(name.slice(5), value)
      }
    }
    widget.append(...host.childNodes)
    host.append(widget)
    created.push(widget)
  }
  return created
}

/** Mounts `data-etw` elements once the document is parsed. */
export const mountWhenReady = () => {
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', () => mount(), { once: true })
  } else {
    mount()
  }
}
