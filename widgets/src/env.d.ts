/** Package version, replaced at build time. */
declare const __ETW_VERSION__: string

/** `import.meta.glob`, which Vite replaces with one `import()` per matching file. */
interface ImportMeta {
  glob<T>(pattern: string): Record<string, () => Promise<T>>
}
