// Writes custom-elements.json (schema 2.1.0) from the widgets' JSDoc and `static properties`.
// `node scripts/manifest.mjs --check` exits 1 when the committed file is stale.
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const sources = [
  'src/shared/feed-element.ts',
  'src/shared/feed-list.ts',
  'src/etw-stats/etw-stats.ts',
  'src/etw-news-feed/etw-news-feed.ts',
  'src/etw-events/etw-events.ts',
  'src/etw-article/etw-article.ts',
  'src/etw-stats-chart/etw-stats-chart.ts',
]

const commentText = (comment) =>
  typeof comment === 'string' ? comment : (comment ?? []).map((part) => part.text).join('')

/** `name - description` or `name - {Type} description` of @csspart, @event, … */
const parseTag = (tag) => {
  const text = commentText(tag.comment).trim()
  if (text.startsWith('- ')) return { name: '', description: text.slice(2).trim() }
  const match = /^(\S+)\s+-\s+(?:\{([^}]+)\}\s*)?([\s\S]*)$/.exec(text)
  if (!match) return { name: text === '-' ? '' : text, description: '' }
  return { name: match[1] === '-' ? '' : match[1], type: match[2], description: match[3].trim() }
}

const classes = new Map()

for (const path of sources) {
  const code = readFileSync(join(root, path), 'utf8')
  const file = ts.createSourceFile(path, code, ts.ScriptTarget.Latest, true)
  for (const node of file.statements) {
    if (!ts.isClassDeclaration(node) || !node.name) continue
    const docs = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc)
    const doc = docs.at(-1)
    const tags = doc?.tags ?? []
    const byTag = (name) => tags.filter((tag) => tag.tagName.text === name).map(parseTag)
    const superclass = node.heritageClauses?.[0]?.types[0]?.expression.getText(file)
    const options = new Map()
    const fields = []
    for (const member of node.members) {
      const isStatic = member.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword)
      if (
        isStatic &&
        ts.isPropertyDeclaration(member) &&
        member.name.getText(file) === 'properties'
      ) {
        for (const prop of member.initializer.properties) {
          const declared = {}
          for (const option of prop.initializer.properties) {
            declared[option.name.getText(file)] = option.initializer.getText(file)
          }
          options.set(prop.name.getText(file), declared)
        }
      } else if (!isStatic && ts.isPropertyDeclaration(member) && ts.isIdentifier(member.name)) {
        fields.push(member)
      }
    }
    const members = []
    const attributes = []
    for (const field of fields) {
      const name = field.name.text
      const declared = options.get(name)
      if (!declared || declared.state === 'true') continue
      const description = ts
        .getJSDocCommentsAndTags(field)
        .filter(ts.isJSDoc)
        .map((d) => commentText(d.comment))
        .join('\n')
      const init = field.initializer?.getText(file)
      const type =
        field.type?.getText(file) ??
        (declared.type === 'Number' ? 'number' : declared.type === 'Boolean' ? 'boolean' : 'string')
      const attribute = declared.attribute
        ? JSON.parse(declared.attribute.replace(/'/g, '"'))
        : name
      members.push({
        kind: 'field',
        name,
        type: { text: type },
        default: init,
        description,
        attribute,
        ...(declared.reflect === 'true' ? { reflects: true } : {}),
      })
      attributes.push({
        name: attribute,
        type: { text: type },
        default: init,
        description,
        fieldName: name,
      })
    }
    classes.set(node.name.text, {
      path,
      name: node.name.text,
      tagName: byTag('tag')[0]?.name,
      summary: commentText(tags.find((tag) => tag.tagName.text === 'summary')?.comment).trim(),
      description: commentText(doc?.comment).trim(),
      superclass,
      members,
      attributes,
      slots: byTag('slot').map(({ name, description }) => ({ name, description })),
      cssParts: byTag('csspart').map(({ name, description }) => ({ name, description })),
      cssProperties: byTag('cssprop').map(({ name, description }) => ({ name, description })),
      events: byTag('event').map(({ name, type, description }) => ({
        name,
        type: { text: type ?? 'Event' },
        description,
      })),
    })
  }
}

const inherited = (cls, key) => {
  const base = cls.superclass && classes.get(cls.superclass)
  if (!base) return []
  const from = { name: base.name, module: base.path }
  return [...base[key].map((item) => ({ ...item, inheritedFrom: from })), ...inherited(base, key)]
}

export const manifest = () => ({
  schemaVersion: '2.1.0',
  readme: '',
  modules: [...classes.values()]
    .filter((cls) => cls.tagName)
    .map((cls) => ({
      kind: 'javascript-module',
      path: cls.path,
      declarations: [
        {
          kind: 'class',
          customElement: true,
          tagName: cls.tagName,
          name: cls.name,
          summary: cls.summary,
          description: cls.description,
          superclass: { name: cls.superclass, module: classes.get(cls.superclass)?.path },
          attributes: [...inherited(cls, 'attributes'), ...cls.attributes],
          members: [...inherited(cls, 'members'), ...cls.members],
          events: cls.events,
          slots: cls.slots,
          cssParts: cls.cssParts,
          cssProperties: cls.cssProperties,
        },
      ],
      exports: [
        { kind: 'js', name: cls.name, declaration: { name: cls.name, module: cls.path } },
        {
          kind: 'custom-element-definition',
          name: cls.tagName,
          declaration: { name: cls.name, module: 'src/register.ts' },
        },
      ],
    })),
})

const target = join(root, 'custom-elements.json')
const text = `${JSON.stringify(manifest(), null, 2)}\n`
if (process.argv.includes('--check')) {
  let current = ''
  try {
    current = readFileSync(target, 'utf8')
  } catch {
    // missing counts as stale
  }
  if (current !== text) {
    console.error(
      `${relative(process.cwd(), target)} is stale: run pnpm --filter @etw/widgets manifest`,
    )
    process.exit(1)
  }
} else {
  writeFileSync(target, text)
  console.log(`wrote ${relative(process.cwd(), target)}`)
}
