import type { Payload } from 'payload'

export type TestRole = 'admin' | 'contributor' | 'editor'

export interface TestUser {
  id: number | string
  email: string
  role: TestRole
  /** The user document, as the Local API's `user` argument. */
  doc: Record<string, unknown> & { collection: 'users' }
  /** `Authorization` header value for REST and GraphQL. */
  auth: string
}

let counter = 0

/** Creates a user with one role and logs them in. */
export const createTestUser = async (payload: Payload, role: TestRole): Promise<TestUser> => {
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
