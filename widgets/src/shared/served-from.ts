/**
 * Imported by the self-hosted modules (`src/lazy/`) only, and so evaluated once, in the shared chunk:
 * the chunks are served from the CMS, as the loader is, so their origin is the default `api-base`.
 */
import { originOf, setDefaultApiBase } from './config'

setDefaultApiBase(originOf(import.meta.url))
