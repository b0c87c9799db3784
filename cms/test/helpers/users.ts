import { randomBytes } from 'node:crypto'

import type { Payload } from 'payload'

/** The editorial team's roles. */
export type TestRole = 'admin' | 'contributor' | 'editor'

/** Every role a test user can hold: the team's and the machine client's. */
export type TestUserRole = TestRole | 'statistics-writer'

export interface TestUser<R extends TestUserRole = TestRole> {
  id: number | string
  email: string
  role: R
  /** The user document, as the Local API's `user` argument. */
  doc: Record<string, unknown> & { collection: 'users' }
  /** `Authorization` header value for REST and GraphQL. */
  auth: string
}

let counter = 0

/** Creates a user with one role and logs them in. */
export const createTestUser = async <R extends TestUserRole>(
  payload: Payload,
  role: R,
): Promise<TestUser<R>> => {
  counter += 1
  const email = `${role}-${counter}-${Date.now()}@example.org`
  const password = `correct horse battery ${role}`
  const created = await payload.create({
    collection: 'users',
    data: { email, password, name: `Test ${role}`, roles: [role] } as never,
    overrideAccess: true,
  })
  const { token } = await payload.login({ collection: 'users', data: { email, password } })
  return {
    id: created.id,
    email,
    role,
    doc: { ...(created as unknown as Record<string, unknown>), collection: 'users' },
    auth: `JWT ${token}`,
  }
}

/** One user per role, the administrator first (the first user of a database becomes admin). */
export const createTestUsers = async (payload: Payload): Promise<Record<TestRole, TestUser>> => {
  const admin = await createTestUser(payload, 'admin')
  const editor = await createTestUser(payload, 'editor')
  const contributor = await createTestUser(payload, 'contributor')
  return { admin, editor, contributor }
}

/** A user that authenticates with an API key (`Authorization: users API-Key <key>`). */
export interface ApiKeyUser<R extends TestUserRole = TestUserRole> extends TestUser<R> {
  apiKey: string
}

/**
 * Creates a user with one role and an API key, as `admin` would in the admin panel (access
 * checked), and returns its `Authorization` header for REST and GraphQL.
 */
export const createApiKeyUser = async <R extends TestUserRole>(
  payload: Payload,
  role: R,
  admin: Pick<TestUser<TestUserRole>, 'doc'>,
): Promise<ApiKeyUser<R>> => {
  counter += 1
  const email = `${role}-key-${counter}-${Date.now()}@example.org`
  const apiKey = randomBytes(24).toString('hex')
  const created = await payload.create({
    collection: 'users',
    data: {
      email,
      password: randomBytes(24).toString('hex'),
      name: `Test ${role} key`,
      roles: [role],
      enableAPIKey: true,
      apiKey,
    } as never,
    overrideAccess: false,
    user: admin.doc as never,
  })
  return {
    id: created.id,
    email,
    role,
    apiKey,
    doc: { ...(created as unknown as Record<string, unknown>), collection: 'users' },
    auth: `users API-Key ${apiKey}`,
  }
}
