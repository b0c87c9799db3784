/**
 * Side-effect entry of the npm build: registers every tag and mounts `data-etw` elements. The CMS
 * origin defaults to where this module was served from; set `api-base` when it is elsewhere.
 */
import { originOf, setDefaultApiBase } from './shared/config'
import { define, mountWhenReady } from './register'

setDefaultApiBase(originOf(import.meta.url))
define()
mountWhenReady()
