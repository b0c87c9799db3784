import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { describe, expect, it } from 'vitest'

// What pnpm resolved, read from the committed lockfile: the versions that actually get installed.
const lockfile = fs.readFileSync(
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../pnpm-lock.yaml'),
  'utf8',
)

/** Every version of `name` (a package or a `@scope/` prefix) that the lockfile resolves. */
const resolvedVersions = (name: RegExp): Map<string, Set<string>> => {
  const found = new Map<string, Set<string>>()
  const entry = new RegExp(`^ {2}'?(${name.source})@(\\d+\\.\\d+\\.\\d+[^'(:]*)`, 'gm')
  for (const [, pkg, version] of lockfile.matchAll(entry)) {
    const versions = found.get(pkg as string) ?? new Set<string>()
    versions.add(version as string)
    found.set(pkg as string, versions)
  }
  return found
}

const compare = (a: string, b: string): number => {
  const [x, y] = [a, b].map((v) => v.split(/[.-]/).slice(0, 3).map(Number))
  for (let i = 0; i < 3; i += 1) {
    const diff = (x?.[i] ?? 0) - (y?.[i] ?? 0)
    if (diff !== 0) return diff
  }
  return 0
}

describe('dependency versions in pnpm-lock.yaml', () => {
  const payloadPackages = resolvedVersions(/payload|@payloadcms\/[a-z0-9-]+/)

  it('should resolve payload and every @payloadcms package to one single version', () => {
    const versions = new Set([...payloadPackages.values()].flatMap((set) => [...set]))
    expect(payloadPackages.size).toBeGreaterThanOrEqual(9)
    expect([...versions]).toHaveLength(1)
  })

  it('should use Payload 3.90.2 or later, which fixes the 2026 advisories', () => {
    for (const [pkg, versions] of payloadPackages) {
      for (const version of versions) {
        expect(compare(version, '3.90.2'), `${pkg}@${version}`).toBeGreaterThanOrEqual(0)
        expect(version.startsWith('3.'), `${pkg}@${version}`).toBe(true)
      }
    }
  })

  it('should resolve next to Next 16', () => {
    const versions = [...(resolvedVersions(/next/).get('next') ?? [])]
    expect(versions, 'next is missing from pnpm-lock.yaml').not.toHaveLength(0)
    for (const version of versions) expect(version, `next@${version}`).toMatch(/^16\./)
  })

  it('should resolve react and react-dom to React 19', () => {
    const found = resolvedVersions(/react|react-dom/)
    for (const pkg of ['react', 'react-dom']) {
      const versions = [...(found.get(pkg) ?? [])]
      expect(versions, `${pkg} is missing from pnpm-lock.yaml`).not.toHaveLength(0)
      for (const version of versions) expect(version, `${pkg}@${version}`).toMatch(/^19\./)
    }
  })
})
