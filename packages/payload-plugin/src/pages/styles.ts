/** Path of the public pages' one stylesheet. */
export const STYLESHEET_PATH = '/etw-site.css'

/** Path of the public pages' icon, which their `<link rel="icon">` names. */
export const ICON_PATH = '/etw-icon.svg'

/**
 * The public pages' icon: the accent colour behind a white "e" (without it, every visit asks for
 * `/favicon.ico` and logs a 404 to the console).
 */
export const ICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#0a4fa6"/><path d="M9.5 16.5h13a6.5 6.5 0 1 0-2.2 4.9" fill="none" stroke="#fff" stroke-width="3" stroke-linecap="round"/></svg>`

/**
 * The public pages' stylesheet: system fonts, light and dark colours with contrast above WCAG AA,
 * logical properties only (so right-to-left pages mirror), and a print style without navigation:
 * black on white whatever the visitor's colour scheme, link addresses after their text.
 */
export const STYLESHEET = `:root{color-scheme:light dark;--bg:#fff;--fg:#1a1a1a;--muted:#4a4a4a;--accent:#0a4fa6;--surface:#f3f5f8;--border:#c9ced6}
@media (prefers-color-scheme:dark){:root{--bg:#121417;--fg:#eceff3;--muted:#b8bec7;--accent:#8cbcff;--surface:#1d2127;--border:#3a414b}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:1.0625rem/1.6 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif}
a{color:var(--accent)}
a:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.skip{position:absolute;inset-inline-start:-100vw}
.skip:focus{inset-inline-start:1rem;inset-block-start:1rem;background:var(--bg);padding:.5rem}
header.site,main,footer.site{max-inline-size:48rem;margin-inline:auto;padding-inline:1rem}
header.site{display:flex;flex-wrap:wrap;gap:1rem;align-items:center;justify-content:space-between;padding-block:1rem;border-block-end:1px solid var(--border)}
header.site ul{display:flex;flex-wrap:wrap;gap:1rem;list-style:none;margin:0;padding:0}
.brand{display:flex;gap:.5rem;align-items:center;font-weight:700;text-decoration:none;color:var(--fg)}
.logo{block-size:2.5rem;inline-size:auto}
main{padding-block:1.5rem}
footer.site{border-block-start:1px solid var(--border);color:var(--muted);padding-block:1rem}
h1{font-size:2rem;line-height:1.2;margin-block:0 1rem}
.meta,.meta a{color:var(--muted)}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}
dl.facts dt{font-weight:600}
dl.facts dd{margin:0}
figure{margin:0 0 1rem}
img{max-inline-size:100%;block-size:auto}
blockquote{margin-inline:0;padding-inline-start:1rem;border-inline-start:4px solid var(--border)}
ul.items{list-style:none;padding:0;display:grid;gap:1rem}
ul.items li{padding:1rem;background:var(--surface);border:1px solid var(--border);border-radius:.5rem}
ul.items h2,ul.items h3{font-size:1.25rem;margin:0 0 .25rem}
.actions{display:flex;flex-wrap:wrap;gap:1rem}
.counters{display:flex;flex-wrap:wrap;gap:1rem;list-style:none;padding:0}
.counters li{background:var(--surface);padding:1rem;border-radius:.5rem;min-inline-size:9rem}
.counters strong{display:block;font-size:1.75rem}
nav.pages{display:flex;justify-content:space-between;gap:1rem}
form.search{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;margin-block-end:1.5rem}
form.search label{flex-basis:100%;font-weight:600}
form.search input{flex:1 1 16rem;font:inherit;padding:.5rem;border:1px solid var(--border);border-radius:.25rem}
form.search button{font:inherit;padding:.5rem 1rem}
form.search p{flex-basis:100%;margin:0}
mark{background:#ffe58a;color:#1a1a1a}
@media print{:root{color-scheme:light;--bg:#fff;--fg:#000;--muted:#333;--accent:#000;--surface:#fff;--border:#999}header.site nav,.skip,.actions,nav.pages,form.search{display:none}mark{background:none;font-weight:700}a[href^="http"]::after{content:" (" attr(href) ")";overflow-wrap:anywhere}}
`
