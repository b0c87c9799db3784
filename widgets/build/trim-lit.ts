import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import ts from 'typescript'
import type { Plugin } from 'vite'

/** lit-html features that cost bytes whether a template uses them or not. */
export interface LitFeatures {
  /** `@event=${…}` bindings. */
  events: boolean
  /** `.property=${…}` bindings. */
  properties: boolean
  /** `?attribute=${…}` bindings. */
  booleans: boolean
  /** The `svg` template tag. */
  svg: boolean
  /** The `mathml` template tag. */
  mathml: boolean
  /** `<script>`, `<style>`, `<textarea>` or `<title>` in a template (bindings inside them). */
  rawText: boolean
  /** HTML comments in a template (bindings inside them). */
  comments: boolean
  /** An attribute value of text and a binding, or of several bindings (`viewBox="0 0 ${…} ${…}"`). */
  interpolations: boolean
  /** Directives (`lit/directive.js`, `lit/directives/…`, async directives, element bindings). */
  directives: boolean
  /** The `renderBefore` and `creationScope` options of `render`. */
  renderOptions: boolean
}

/** Modules that use lit-html's internals as a whole (LitElement, SSR): nothing is trimmed. */
const WHOLE_LIT = /^(lit|lit-element|@lit\/reactive-element|@lit-labs\/.*)(\/lit-element\.js)?$/
const DIRECTIVES = /^lit(-html)?\/(directive|directives\/|async-directive|static-html)/
const ALL: LitFeatures = {
  events: true,
  properties: true,
  booleans: true,
  svg: true,
  mathml: true,
  rawText: true,
  comments: true,
  interpolations: true,
  directives: true,
  renderOptions: true,
}

/** The lit-html features the sources in `files` use, read from their imports and `html` templates. */
export const litFeatures = (files: { name: string; code: string }[]): LitFeatures => {
  const used: LitFeatures = {
    events: false,
    properties: false,
    booleans: false,
    svg: false,
    mathml: false,
    rawText: false,
    comments: false,
    interpolations: false,
    directives: false,
    renderOptions: false,
  }
  for (const { name, code } of files) {
    if (/\b(renderBefore|creationScope)\b/.test(code)) used.renderOptions = true
    const file = ts.createSourceFile(name, code, ts.ScriptTarget.Latest, true)
    const visit = (node: ts.Node): void => {
      if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
        const from = node.moduleSpecifier.text
        if (WHOLE_LIT.test(from)) Object.assign(used, ALL)
        if (DIRECTIVES.test(from)) used.directives = true
        const names = node.importClause?.namedBindings
        if (/^lit(-html)?(\/|$)/.test(from) && names && ts.isNamedImports(names)) {
          for (const element of names.elements) {
            const imported = (element.propertyName ?? element.name).text
            if (imported === 'svg' || imported === 'mathml') used[imported] = true
          }
        }
      }
      if (ts.isTaggedTemplateExpression(node)) {
        const parts = ts.isNoSubstitutionTemplateLiteral(node.template)
          ? [node.template.text]
          : [node.template.head.text, ...node.template.templateSpans.map((s) => s.literal.text)]
        const spans = parts.length - 1
        parts.forEach((text, i) => {
          if (/<(script|style|textarea|title)\b/i.test(text)) used.rawText = true
          if (text.includes('<!--')) used.comments = true
          // The text before a `${…}` ends with the attribute it binds, if any.
          if (i < spans) {
            const prefix = /\s([.?@])[^\s"'>/=]+=["']?$/.exec(text)?.[1]
            if (prefix === '@') used.events = true
            if (prefix === '.') used.properties = true
            if (prefix === '?') used.booleans = true
            // A value with text before or after the binding, quoted or not.
            const next = parts[i + 1]!
            const quoted = /\s[^\s"'>/=]+=(["'])([^"']*)$/.exec(text)
            const bare = /\s[^\s"'>/=]+=([^\s"'>]*)$/.exec(text)
            if (quoted && (quoted[2] !== '' || !next.startsWith(quoted[1]!))) {
              used.interpolations = true
            } else if (!quoted && bare && (bare[1] !== '' || /^[^\s>/]/.test(next))) {
              used.interpolations = true
            }
          }
        })
      }
      ts.forEachChild(node, visit)
    }
    visit(file)
  }
  return used
}

/** A cut in lit-html's production build (`lit-html.js`): what it removes, and when. */
interface Cut {
  /** The features whose code it removes (kept when any is used); always cut when absent. */
  unless?: keyof LitFeatures | (keyof LitFeatures)[]
  find: string | RegExp
  replace: string
}

// Exact text of lit-html 3.3's minified build. A cut whose text is not found (another lit-html
// release) is skipped with a warning, and the bytes come back: `pnpm bench:widgets` shows it.
const CUTS: Cut[] = [
  { unless: 'events', find: '"@"===e[1]?z:H', replace: 'H' },
  { unless: 'properties', find: '"."===e[1]?I:', replace: '' },
  { unless: 'booleans', find: '"?"===e[1]?L:', replace: '' },
  // MathML's wrapping first (the chart's `svg` templates keep theirs), then SVG's, when neither is used.
  { unless: 'mathml', find: ':3===i?"<math>":""', replace: ':""' },
  { unless: 'mathml', find: ':3===i?"</math>":""', replace: ':""' },
  { unless: 'mathml', find: ',2===i||3===i){', replace: ',2===i){' },
  { unless: ['svg', 'mathml'], find: 'l=2===i?"<svg>":""', replace: 'l=""' },
  { unless: ['svg', 'mathml'], find: '+(2===i?"</svg>":"")', replace: '' },
  {
    unless: ['svg', 'mathml'],
    find: ',2===i){const t=this.el.content.firstChild;t.replaceWith(...t.childNodes)}',
    replace: '){}',
  },
  {
    unless: 'rawText',
    find: 'if(y.test(r.tagName)){const t=r.textContent.split(o),i=t.length-1;if(i>0){r.textContent=s?s.emptyScript:"";for(let s=0;s<i;s++)r.append(t[s],c()),P.nextNode(),d.push({type:2,index:++l});r.append(t[i],c())}}',
    replace: '',
  },
  {
    unless: 'directives',
    find: 'function M(t,i,s=t,e){if(i===E)return i;let h=void 0!==e?s._$Co?.[e]:s._$Cl;const o=a(i)?void 0:i._$litDirective$;return h?.constructor!==o&&(h?._$AO?.(!1),void 0===o?h=void 0:(h=new o(t),h._$AT(t,s,e)),void 0!==e?(s._$Co??=[])[e]=h:s._$Cl=h),void 0!==h&&(i=M(t,h._$AS(t,i.values),h,e)),i}',
    replace: 'function M(t,i){return i}',
  },
  {
    unless: 'comments',
    find: 'else{let t=-1;for(;-1!==(t=r.data.indexOf(o,t+1));)d.push({type:7,index:l}),t+=o.length-1}',
    replace: '',
  },
  // Attribute parts of one binding only.
  {
    unless: 'interpolations',
    find: 's.length>2||""!==s[0]||""!==s[1]?(this._$AH=Array(s.length-1).fill(new String),this.strings=s):this._$AH=A',
    replace: 'this._$AH=A',
  },
  {
    unless: 'interpolations',
    find: 'else{const e=t;let n,r;for(t=h[0],n=0;n<h.length-1;n++)r=M(this,e[s+n],i,n),r===E&&(r=this._$AH[n]),o||=!a(r)||r!==this._$AH[n],r===A?t=A:t!==A&&(t+=(r??"")+h[n+1]),this._$AH[n]=r}',
    replace: '',
  },
  {
    unless: 'interpolations',
    find: 'void 0!==s.strings?(s._$AI(t,s,i),i+=s.strings.length-2):s._$AI(t[i])',
    replace: 's._$AI(t[i])',
  },
  // ShadyDOM's `wrap`, the identity without its polyfill (whose hook is cut below).
  {
    find: 'const s=i(t).nextSibling;i(t).remove()',
    replace: 'const s=t.nextSibling;t.remove()',
  },
  // An element binding (`<div ${…}>`) does something only through a directive.
  { unless: 'directives', find: ':6===r.type&&(i=new Z(h,this,t))', replace: ':0' },
  // Async directives' connection callbacks.
  { unless: 'directives', find: 'for(this._$AP?.(!1,!0,s);', replace: 'for(;' },
  {
    unless: 'directives',
    find: 'setConnected(t){void 0===this._$AM&&(this._$Cv=t,this._$AP?.(t))}',
    replace: '',
  },
  // The parts' public getters, which only directives read.
  {
    unless: 'directives',
    find: 'get parentNode(){return this._$AM.parentNode}',
    replace: '',
  },
  {
    unless: 'directives',
    find: 'get parentNode(){let t=this._$AA.parentNode;const i=this._$AM;return void 0!==i&&11===t?.nodeType&&(t=i.parentNode),t}get startNode(){return this._$AA}get endNode(){return this._$AB}',
    replace: '',
  },
  { unless: 'directives', find: 'get tagName(){return this.element.tagName}', replace: '' },
  // What async directives learn of the parts' connection to the document.
  {
    unless: 'directives',
    find: /get _\$AU\(\)\{return this\._\$AM\??\._\$AU(\?\?this\._\$Cv)?\}/g,
    replace: '',
  },
  { unless: 'directives', find: /,this\._\$AN=void 0/g, replace: '' },
  { unless: 'directives', find: ',this._$Cv=e?.isConnected??!0', replace: '' },
  // Templates prepared ahead of time by Lit's template compiler, which this build does not run.
  {
    find: '"number"==typeof s?this._$AC(t):(void 0===s.el&&(s.el=S.createElement(V(s.h,s.h[0]),this.options)),s)',
    replace: 'this._$AC(t)',
  },
  { unless: 'renderOptions', find: '(t?.creationScope??l).importNode', replace: 'l.importNode' },
  {
    unless: 'renderOptions',
    find: 'const e=s?.renderBefore??i;let h=e._$litPart$;if(void 0===h){const t=s?.renderBefore??null;',
    replace: 'const e=i;let h=e._$litPart$;if(void 0===h){const t=null;',
  },
  // The ShadyDOM polyfill's hook (the widgets need constructed style sheets, which it lacks) and
  // the registry of loaded versions that Lit's development build warns from.
  {
    find: /,B=t\.litHtmlPolyfillSupport;B\?\.\(S,k\),\(t\.litHtmlVersions\?\?=\[\]\)\.push\("[\d.]+"\);/,
    replace: ';',
  },
]

/**
 * lit-html's production build `code` without the code of the features `used` leaves out, and the
 * cuts whose text was not found in it (another lit-html release).
 */
export const trimLitSource = (code: string, used: LitFeatures) => {
  let out = code
  const missed: string[] = []
  for (const cut of CUTS) {
    if ([cut.unless ?? []].flat().some((feature) => used[feature])) continue
    const found = typeof cut.find === 'string' ? out.includes(cut.find) : out.search(cut.find) >= 0
    if (found) out = out.replace(cut.find, cut.replace)
    else missed.push(String(cut.find))
  }
  return { code: out, missed }
}

/** `.ts` files under `dir`, tests left out. */
const sources = (dir: string) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.spec.ts'))
    .map((name) => ({ name, code: readFileSync(join(dir, name), 'utf8') }))

/**
 * Self-hosted build: leaves out of lit-html the code of features no source under `srcDir` uses —
 * event, property and boolean bindings, `svg`, `mathml`, bindings inside raw-text elements and
 * comments, attribute values of more than one binding,
 * directives (and the parts' getters only they read), `render`'s `renderBefore`/`creationScope` —
 * and its polyfill hook. A feature comes back as soon as a source uses it; the npm build keeps Lit
 * whole (it is a dependency there).
 */
export const trimLit = (srcDir: string): Plugin => {
  let used = ALL
  return {
    name: 'etw:trim-lit',
    apply: 'build',
    buildStart() {
      used = litFeatures(sources(srcDir))
    },
    transform(code, id) {
      if (!/[\\/]lit-html[\\/]lit-html\.js$/.test(id)) return null
      const trimmed = trimLitSource(code, used)
      for (const find of trimmed.missed) {
        this.warn(`lit-html differs from what build/trim-lit.ts expects, kept: ${find}`)
      }
      return { code: trimmed.code, map: null }
    },
  }
}
