import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { createClient } from '@libsql/client'

/** The administrator that system tests start the CMS with (`ETW_ADMIN_EMAIL` / `ETW_ADMIN_PASSWORD`). */
export const systemAdmin = {
  email: 'operator@example.org',
  password: 'system test operator password',
}

/** Environment for `startCms` that creates {@link systemAdmin} in an empty database. */
export const adminEnv = (): Record<string, string> => ({
  ETW_ADMIN_EMAIL: systemAdmin.email,
  ETW_ADMIN_PASSWORD: systemAdmin.password,
})

/** A new directory under the system temp dir, and the `file:` URL of a database file inside it. */
export const tempSqlite = (
  prefix: string,
): { dir: string; file: string; url: string; remove: () => void } => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `etw-${prefix}-`))
  const file = path.join(dir, 'etwinning.db')
  return {
    dir,
    file,
    url: `file:${file}`,
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  }
}

/** Logs in as {@link systemAdmin} over REST and returns the `Authorization` header value. */
export const loginAdmin = async (baseUrl: string): Promise<string> => {
  const response = await fetch(`${baseUrl}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(systemAdmin),
  })
  const body = (await response.json()) as { token?: string }
  if (response.status !== 200 || !body.token) {
    throw new Error(`login answered ${response.status}: ${JSON.stringify(body)}`)
  }
  return `JWT ${body.token}`
}

/** A REST `POST` that resolves with the status and the parsed body (or `undefined`). */
export const postJson = async (
  url: string,
  auth: string,
  data: unknown,
  signal?: AbortSignal,
): Promise<{ status: number; body: any }> => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { authorization: auth, 'content-type': 'application/json' },
    body: JSON.stringify(data),
    signal,
  })
  const text = await response.text()
  let body: unknown
  try {
    body = text ? JSON.parse(text) : undefined
  } catch {
    body = text
  }
  return { status: response.status, body }
}

/** The data of one cheap test organization. */
export const organizationData = (name: string) => ({
  name,
  kind: 'school',
  country: 'UA',
})

export interface WriteOutcome {
  /** Ids of the writes whose 2xx answer arrived, with the name they were written with. */
  acknowledged: Map<number | string, string>
  /** Statuses of writes answered with something other than 2xx. */
  rejected: number[]
  /** Writes that got no answer (connection refused or reset). */
  unanswered: number
}

/**
 * Creates `total` organizations over REST with `concurrency` requests in flight at a time and
 * records which were acknowledged. `onAck` runs after each acknowledgement (e.g. to kill the server
 * after some of them); a write that gets no answer does not stop the others.
 */
export const writeOrganizations = async (options: {
  baseUrl: string
  auth: string
  total: number
  concurrency: number
  prefix: string
  onAck?: (outcome: WriteOutcome) => void
}): Promise<WriteOutcome> => {
  const outcome: WriteOutcome = { acknowledged: new Map(), rejected: [], unanswered: 0 }
  let next = 0
  const worker = async () => {
    while (next < options.total) {
      const index = next
      next += 1
      const name = `${options.prefix} ${index}`
      try {
        const { status, body } = await postJson(
          `${options.baseUrl}/api/organizations`,
          options.auth,
          organizationData(name),
        )
        if (status >= 200 && status < 300 && body?.doc?.id !== undefined) {
          outcome.acknowledged.set(body.doc.id, name)
          options.onAck?.(outcome)
        } else {
          outcome.rejected.push(status)
        }
      } catch {
        outcome.unanswered += 1
      }
    }
  }
  await Promise.all(Array.from({ length: options.concurrency }, worker))
  return outcome
}

/** Ids of every organization the REST API lists, paged. */
export const listOrganizationIds = async (
  baseUrl: string,
  auth: string,
): Promise<Map<number | string, string>> => {
  const found = new Map<number | string, string>()
  for (let page = 1; ; page += 1) {
    const response = await fetch(
      `${baseUrl}/api/organizations?limit=100&page=${page}&depth=0&sort=id`,
      { headers: { authorization: auth } },
    )
    if (response.status !== 200) throw new Error(`listing answered ${response.status}`)
    const body = (await response.json()) as {
      docs: { id: number | string; name: string }[]
      hasNextPage: boolean
    }
    for (const doc of body.docs) found.set(doc.id, doc.name)
    if (!body.hasNextPage) return found
  }
}

/** `PRAGMA integrity_check` of a SQLite file, opened with the same driver the CMS uses. */
export const sqliteIntegrity = async (file: string): Promise<string> => {
  const client = createClient({ url: `file:${file}` })
  try {
    const result = await client.execute('PRAGMA integrity_check')
    return result.rows.map((row) => String(row[0])).join('\n')
  } finally {
    client.close()
  }
}
