/**
 * Imported by the self-hosted modules (`src/lazy/`) only, and so evaluated once, in the shared chunk:
 * the chunks are served from the CMS, as the loader is, so their origin is the default `api-base`.
 * A module's own URL is always absolute, so it needs none of `originOf`'s guards but the opaque
 * origin (`file:`), which leaves the default to the page's origin.
 */
import { setDefaultApiBase } from './config'

const { origin } = new URL(import.meta.url)
setDefaultApiBase(origin === 'null' ? '' : origin)
