import ts from 'typescript'
import type { Plugin } from 'vite'

/**
 * Collapses the whitespace of Lit `html` and `css` tagged templates in our sources (Lit ships them
 * verbatim, and indentation is a large share of the bundle). Uses the TypeScript parser, so nested
 * templates and `${…}` expressions are left intact.
 */
export const minifyTemplates = (): Plugin => ({
  name: 'etw:minify-templates',
  enforce: 'pre',
  transform(code, id) {
    if (!/\/src\/.*\.ts(\?|$)/.test(id) || !/\b(html|css)`/.test(code)) return null
    const file = ts.createSourceFile(id, code, ts.ScriptTarget.Latest, true)
    const edits: { start: number; end: number; text: string }[] = []
    const squeeze = (tag: string, text: string) => {
      if (tag === 'html') {
        // Whitespace between tags and at the edges of a part carries no meaning in these
        // templates; inline text keeps single spaces.
        return text
          .replace(/\s+/g, ' ')
          .replace(/>\s+</g, '><')
          .replace(/\s+(\/?>)/g, '$1')
          .replace(/^\s+</, '<')
          .replace(/>\s+$/, '>')
      }
      return text
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\s+/g, ' ')
        .replace(/\s*([{};,>])\s*/g, '$1')
        .replace(/:\s+/g, ':')
        .replace(/;}/g, '}')
        .replace(/\s+!important/g, '!important')
        .replace(/([\s:,(])0\.(\d)/g, '$1.$2')
        .replace(/='([\w-]+)'\]/g, '=$1]')
    }
    const visit = (node: ts.Node) => {
      if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag)) {
        const tag = node.tag.text
        if (tag === 'html' || tag === 'css') {
          const parts: ts.Node[] = ts.isNoSubstitutionTemplateLiteral(node.template)
            ? [node.template]
            : [node.template.head, ...node.template.templateSpans.map((span) => span.literal)]
          for (const part of parts) {
            // Literal text sits between the delimiters: "`", "}" before and "`", "${" after.
            const start = part.getStart(file) + 1
            const end =
              part.getEnd() - (ts.isTemplateHead(part) || ts.isTemplateMiddle(part) ? 2 : 1)
            const raw = code.slice(start, end)
            // A whole style sheet (no `${…}`) loses its outer whitespace too.
            const text =
              tag === 'css' && ts.isNoSubstitutionTemplateLiteral(part)
                ? squeeze(tag, raw).trim()
                : squeeze(tag, raw)
            if (text !== raw) edits.push({ start, end, text })
          }
        }
      }
      ts.forEachChild(node, visit)
    }
    visit(file)
    if (!edits.length) return null
    let out = code
    for (const edit of edits.sort((a, b) => b.start - a.start)) {
      out = out.slice(0, edit.start) + edit.text + out.slice(edit.end)
    }
    return { code: out, map: null }
  },
})
