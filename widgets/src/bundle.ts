/**
 * Entry of the self-hosted bundle (`etw-widgets.js`, Lit inside), for a classic
 * `<script src="https://cms.example/widgets/etw-widgets.js">`. The build wraps it so that a second
 * copy or another version on the same page returns before doing anything.
 */
import { originOf, setDefaultApiBase } from './shared/config'
import { define, mount, mountWhenReady } from './register'

declare global {
  interface Window {
    /** Set by the first widget bundle on the page. */
    etwWidgets?: { version: string; mount: typeof mount }
  }
}

// `currentScript` is only set while the classic script runs, so it is read before anything else.
setDefaultApiBase(originOf((document.currentScript as HTMLScriptElement | null)?.src))
define()
window.etwWidgets = { version: __ETW_VERSION__, mount }
mountWhenReady()
