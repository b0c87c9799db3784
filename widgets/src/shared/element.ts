import { render } from 'lit/html.js'
import type { TemplateResult } from 'lit/html.js'

/** How a declared property follows an attribute (the subset of Lit's options the widgets use). */
export interface PropertyOptions {
  /** The attribute's name; the property's name in lower case when absent. */
  attribute?: string
  /**
   * `Number` reads the attribute as a number, `Boolean` as whether it is present (an HTML boolean
   * attribute: `show-date`, `show-date=""`); text otherwise.
   */
  type?: BooleanConstructor | NumberConstructor
  /** Written back to the attribute when the property is set. */
  reflect?: boolean
  /** Internal state: no attribute, but setting it renders again. */
  state?: boolean
}

/** `static properties` of a widget class. */
export type PropertyDeclarations = Record<string, PropertyOptions>

/**
 * A style sheet from a tagged template literal (no interpolations), shared by every instance
 * through `adoptedStyleSheets`, which a page's CSP does not restrict.
 */
export const css = (strings: TemplateStringsArray): CSSStyleSheet => {
  const sheet = new CSSStyleSheet()
  sheet.replaceSync(strings.join(''))
  return sheet
}

/** Per class: attribute name → property name and options, of the class and its ancestors. */
const attributeMaps = new WeakMap<object, Map<string, [string, PropertyOptions]>>()

/**
 * The base of the widgets: Lit's templates (lit-html) with the part of Lit's `ReactiveElement` they
 * use, in a fraction of its bytes — declared `static properties` backed by attributes, one update
 * per microtask (`willUpdate`, `render` into an open shadow root, `updated`), constructed style
 * sheets from `static styles`.
 */
export abstract class WidgetElement extends HTMLElement {
  static properties: PropertyDeclarations = {}
  static styles: CSSStyleSheet[] = []

  static get observedAttributes(): string[] {
    return [...WidgetElement.#attributes(this).keys()]
  }

  /** Builds the attribute map of `ctor` and the accessors of its declared properties, once. */
  static #attributes(ctor: typeof WidgetElement): Map<string, [string, PropertyOptions]> {
    let map = attributeMaps.get(ctor)
    if (map) return map
    const parent = Object.getPrototypeOf(ctor) as typeof WidgetElement
    map = new Map(parent === WidgetElement ? [] : WidgetElement.#attributes(parent))
    if (Object.hasOwn(ctor, 'properties')) {
      for (const [name, options] of Object.entries(ctor.properties)) {
        if (!options.state) map.set(options.attribute ?? name.toLowerCase(), [name, options])
        Object.defineProperty(ctor.prototype, name, {
          configurable: true,
          get(this: WidgetElement) {
            return this.#values.get(name)
          },
          set(this: WidgetElement, value: unknown) {
            if (this.#values.has(name) && this.#values.get(name) === value) return
            this.#values.set(name, value)
            if (options.reflect && this.#reflecting !== name) {
              const attribute = options.attribute ?? name.toLowerCase()
              if (value == null) this.removeAttribute(attribute)
              else this.setAttribute(attribute, String(value))
            }
            this.requestUpdate()
          },
        })
      }
    }
    attributeMaps.set(ctor, map)
    return map
  }

  #values = new Map<string, unknown>()
  #reflecting?: string
  #pending = false
  #done: Promise<unknown> = Promise.resolve()

  attributeChangedCallback(attribute: string, _old: string | null, value: string | null) {
    const entry = WidgetElement.#attributes(this.constructor as typeof WidgetElement).get(attribute)
    if (!entry) return
    const [name, options] = entry
    this.#reflecting = name
    ;(this as Record<string, unknown>)[name] =
      options.type === Boolean
        ? value !== null
        : options.type === Number && value !== null
          ? Number(value)
          : value
    this.#reflecting = undefined
  }

  connectedCallback() {
    this.requestUpdate()
  }

  disconnectedCallback() {}

  /** Renders again in a microtask (once, however often it is called before then). */
  requestUpdate() {
    if (this.#pending) return
    this.#pending = true
    this.#done = Promise.resolve().then(() => {
      this.#pending = false
      // Until it is in a document, a widget only gathers its properties.
      if (!this.isConnected) return
      let root = this.shadowRoot
      if (!root) {
        root = this.attachShadow({ mode: 'open' })
        root.adoptedStyleSheets = (this.constructor as typeof WidgetElement).styles
      }
      this.willUpdate()
      render(this.render(), root, { host: this })
      this.updated()
    })
  }

  /** Settles once the update asked for last has rendered. */
  get updateComplete(): Promise<unknown> {
    return this.#done
  }

  /** Called before each render. */
  protected willUpdate() {}

  /** What the shadow root shows. */
  protected abstract render(): TemplateResult

  /** Called after each render. */
  protected updated() {}
}
