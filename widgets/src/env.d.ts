/** Package version, replaced at build time. */
declare const __ETW_VERSION__: string
