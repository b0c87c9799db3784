/** Every widget tag. */
export const TAGS = [
  'etw-stats',
  'etw-news-feed',
  'etw-events',
  'etw-article',
  'etw-stats-chart',
] as const

export type Tag = (typeof TAGS)[number]

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
    if (host.dataset[MOUNTED] !== undefined || !TAGS.includes(tag as Tag)) continue
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

/** Runs `callback` once the document is parsed. */
export const whenReady = (callback: () => void) => {
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', callback, { once: true })
  } else {
    callback()
  }
}

/** Mounts `data-etw` elements once the document is parsed. */
export const mountWhenReady = () => whenReady(() => mount())
