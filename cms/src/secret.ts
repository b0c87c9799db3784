import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

/** Reads `<dataDir>/.secret`, creating it with 32 random bytes (hex) when missing. */
export const ensureLocalSecret = (dataDir: string): string => {
  const file = path.join(dataDir, '.secret')
  try {
    const existing = fs.readFileSync(file, 'utf8').trim()
    if (existing) return existing
  } catch {
    // missing: created below
  }
  fs.mkdirSync(dataDir, { recursive: true })
  const secret = randomBytes(32).toString('hex')
  fs.writeFileSync(file, secret, { mode: 0o600 })
  return secret
}

/**
 * `PAYLOAD_SECRET` when set. Outside production a missing secret is generated once and kept in
 * `<dataDir>/.secret`, so sessions survive restarts; in production it must be given.
 */
export const resolveSecret = (
  dataDir: string,
  env: { PAYLOAD_SECRET?: string; NODE_ENV?: string } = process.env,
): string => {
  if (env.PAYLOAD_SECRET) return env.PAYLOAD_SECRET
  if (env.NODE_ENV === 'production') {
    throw new Error('PAYLOAD_SECRET is required in production. Set it to a long random string.')
  }
  return ensureLocalSecret(dataDir)
}
