// `pnpm migrate:create [name]`: Payload's `migrate:create` for the database in DATABASE_URL, then
// turns the generated `MigrateUpArgs`/`MigrateDownArgs` imports into type-only imports, which
// `verbatimModuleSyntax` requires for the file to load.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const cmsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const result = spawnSync('pnpm', ['run', 'payload', 'migrate:create', ...process.argv.slice(2)], {
  cwd: cmsDir,
  stdio: 'inherit',
  env: { ...process.env, ETW_SEED: 'false' },
})
if (result.status !== 0) process.exit(result.status ?? 1)

const root = path.join(cmsDir, 'src/migrations')
for (const dialect of fs.readdirSync(root)) {
  const dir = path.join(root, dialect)
  if (!fs.statSync(dir).isDirectory()) continue
  for (const file of fs.readdirSync(dir).filter((name) => /^\d.*\.ts$/.test(name))) {
    const full = path.join(dir, file)
    const text = fs.readFileSync(full, 'utf8')
    const fixed = text.replace(
      /import \{ MigrateUpArgs, MigrateDownArgs, sql \} from/,
      'import { type MigrateDownArgs, type MigrateUpArgs, sql } from',
    )
    if (fixed !== text) fs.writeFileSync(full, fixed)
  }
}
