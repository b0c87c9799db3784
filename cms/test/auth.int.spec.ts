import { CLIENT_ADDRESS_HEADER } from '@etw/payload-plugin'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { ApiResponse, IntContext } from './helpers/payload'
import { bootPayload, describeDb } from './helpers/payload'
import type { TestUser } from './helpers/users'
import { createTestUser } from './helpers/users'

/** Each test logs in from its own documentation-range address, so throttling stays per test. */
let nextAddress = 1
const newAddress = () => `198.51.100.${nextAddress++}`
const from = (address: string) => ({ headers: { [CLIENT_ADDRESS_HEADER]: address } })

const PASSPHRASE = 'correct horse battery staple'

describeDb('authentication', () => {
  let ctx: IntContext

  /** Logs in through REST from `address`. */
  const login = (email: string, password: string, address = newAddress()) =>
    ctx.api.post<{ token?: string; errors?: { message: string }[] }>('/users/login', {
      body: { email, password },
      ...from(address),
    })

  const me = (token: string) =>
    ctx.api.get<{ user: { email: string } | null }>('/users/me', { auth: `JWT ${token}` })

  const createUser = async (email: string, password = PASSPHRASE) =>
    ctx.payload.create({
      collection: 'users',
      data: { email, password, roles: ['editor'] },
      overrideAccess: true,
    })

  const firstError = (res: ApiResponse<{ errors?: { message: string; data?: unknown }[] }>) =>
    res.body.errors?.[0]

  beforeAll(async () => {
    ctx = await bootPayload()
  })

  afterAll(async () => {
    await ctx?.close()
  })

  describe('first-user registration (runs first, on the empty database)', () => {
    it('should refuse a first user whose password is shorter than 12 characters', async () => {
      const res = await ctx.api.post('/users/first-register', {
        body: {
          email: 'first@example.org',
          password: 'short-pass1',
          confirmPassword: 'short-pass1',
        },
      })
      expect(res.status).toBe(400)
      expect(JSON.stringify(res.body)).toContain('at least 12 characters')
      expect((await ctx.payload.count({ collection: 'users' })).totalDocs).toBe(0)
    })

    it('should register a first user with a long passphrase and no roles as an administrator', async () => {
      const res = await ctx.api.post('/users/first-register', {
        body: { email: 'first@example.org', password: PASSPHRASE, confirmPassword: PASSPHRASE },
      })
      expect(res.status).toBe(200)
      expect(res.body.user).toMatchObject({ email: 'first@example.org', roles: ['admin'] })
    })
  })

  describe('password policy', () => {
    let admin: TestUser

    beforeAll(async () => {
      admin = await createTestUser(ctx.payload, 'admin')
    })

    it('should refuse to create a user with an 11-character password, on the password field', async () => {
      const res = await ctx.api.post('/users', {
        auth: admin.auth,
        body: { email: 'short@example.org', password: 'elevenchars', roles: ['editor'] },
      })
      expect(res.status).toBe(400)
      const error = firstError(res)
      expect(error?.message).toContain('password')
      expect(error?.data).toMatchObject({
        errors: [{ path: 'password', message: expect.stringContaining('at least 12 characters') }],
      })
    })

    it('should check access before the password: a caller who may not create users gets 403', async () => {
      const editor = await createTestUser(ctx.payload, 'editor')
      const res = await ctx.api.post('/users', {
        auth: editor.auth,
        body: { email: 'not-allowed@example.org', password: 'p', roles: ['editor'] },
      })
      expect(res.status).toBe(403)
    })

    it('should accept exactly 12 characters', async () => {
      const res = await ctx.api.post('/users', {
        auth: admin.auth,
        body: { email: 'twelve@example.org', password: 'twelve-chars', roles: ['editor'] },
      })
      expect(res.status).toBe(201)
    })

    it('should accept a long passphrase with spaces and Ukrainian and Azerbaijani letters', async () => {
      const password = 'Київ — Bakı: ölkələr, школи й вчителі разом 2026 ' + 'ə'.repeat(200)
      const res = await ctx.api.post('/users', {
        auth: admin.auth,
        body: { email: 'passphrase@example.org', password, roles: ['editor'] },
      })
      expect(res.status).toBe(201)
      expect((await login('passphrase@example.org', password)).status).toBe(200)
    })

    it('should count characters, not bytes: 12 Cyrillic letters are enough, 11 are not', async () => {
      expect(
        (
          await ctx.api.post('/users', {
            auth: admin.auth,
            body: { email: 'cyr11@example.org', password: 'абвгдежзийк', roles: ['editor'] },
          })
        ).status,
      ).toBe(400)
      expect(
        (
          await ctx.api.post('/users', {
            auth: admin.auth,
            body: { email: 'cyr12@example.org', password: 'абвгдежзийкл', roles: ['editor'] },
          })
        ).status,
      ).toBe(201)
    })

    it('should refuse a password longer than 1,024 characters', async () => {
      const res = await ctx.api.post('/users', {
        auth: admin.auth,
        body: { email: 'huge@example.org', password: 'x'.repeat(1025), roles: ['editor'] },
      })
      expect(res.status).toBe(400)
      expect(JSON.stringify(res.body)).toContain('at most 1024 characters')
    })

    it('should refuse to change a password to a short one through REST', async () => {
      const user = await createUser('update-short@example.org')
      const res = await ctx.api.patch(`/users/${user.id}`, {
        auth: admin.auth,
        body: { password: 'too-short' },
      })
      expect(res.status).toBe(400)
      expect((await login('update-short@example.org', PASSPHRASE)).status).toBe(200)
    })

    it('should refuse a short password through the Local API too', async () => {
      await expect(
        ctx.payload.create({
          collection: 'users',
          data: { email: 'local-short@example.org', password: 'short', roles: ['editor'] },
          overrideAccess: true,
        }),
      ).rejects.toThrow(/password/i)
    })

    it('should refuse a short password at reset-password and keep the reset token usable', async () => {
      await createUser('reset@example.org')
      const token = await ctx.payload.forgotPassword({
        collection: 'users',
        data: { email: 'reset@example.org' },
        disableEmail: true,
      })
      const refused = await ctx.api.post('/users/reset-password', {
        body: { token, password: 'short' },
      })
      expect(refused.status).toBe(400)
      const accepted = await ctx.api.post('/users/reset-password', {
        body: { token, password: 'a brand new long passphrase' },
      })
      expect(accepted.status).toBe(200)
      expect((await login('reset@example.org', 'a brand new long passphrase')).status).toBe(200)
    })

    it('should explain the policy in the language of the admin (Ukrainian)', async () => {
      const res = await ctx.api.post('/users', {
        auth: admin.auth,
        body: { email: 'uk@example.org', password: 'коротко', roles: ['editor'] },
        headers: { 'Accept-Language': 'uk' },
      })
      expect(res.status).toBe(400)
      expect(JSON.stringify(res.body)).toContain('щонайменше 12 символів')
    })
  })

  describe('sessions', () => {
    it('should reject a token after logout', async () => {
      await createUser('logout@example.org')
      const { body } = await login('logout@example.org', PASSPHRASE)
      const token = body.token as string
      expect((await me(token)).body.user?.email).toBe('logout@example.org')

      const out = await ctx.api.post('/users/logout', { auth: `JWT ${token}` })
      expect(out.status).toBe(200)
      expect((await me(token)).body.user).toBeNull()
    })

    it("should end the account's other sessions when its owner changes the password", async () => {
      const user = await createUser('change@example.org')
      const other = (await login('change@example.org', PASSPHRASE)).body.token as string
      const current = (await login('change@example.org', PASSPHRASE)).body.token as string

      const res = await ctx.api.patch(`/users/${user.id}`, {
        auth: `JWT ${current}`,
        body: { password: 'another long passphrase' },
      })
      expect(res.status).toBe(200)
      expect((await me(other)).body.user).toBeNull()
      expect((await me(current)).body.user?.email).toBe('change@example.org')
    })

    it('should end every session of a user whose password an administrator changes', async () => {
      const admin = await createTestUser(ctx.payload, 'admin')
      const user = await createUser('reset-by-admin@example.org')
      const token = (await login('reset-by-admin@example.org', PASSPHRASE)).body.token as string

      const res = await ctx.api.patch(`/users/${user.id}`, {
        auth: admin.auth,
        body: { password: 'set by the administrator' },
      })
      expect(res.status).toBe(200)
      expect((await me(token)).body.user).toBeNull()
    })

    it('should reject a cookie token after logout', async () => {
      await createUser('cookie-logout@example.org')
      const token = (await login('cookie-logout@example.org', PASSPHRASE)).body.token as string
      const cookie = { headers: { Cookie: `payload-token=${token}` } }
      expect((await ctx.api.get('/users/me', cookie)).body.user?.email).toBe(
        'cookie-logout@example.org',
      )
      await ctx.api.post('/users/logout', cookie)
      expect((await ctx.api.get('/users/me', cookie)).body.user).toBeNull()
    })
  })

  describe('throttling per client address', () => {
    it('should refuse even the correct password with 429 after 10 failed logins from one address', async () => {
      await createUser('throttled@example.org')
      const address = newAddress()
      for (let attempt = 1; attempt <= 10; attempt++) {
        const res = await login(`nobody-${attempt}@example.org`, 'wrong password here', address)
        expect(res.status).toBe(401)
      }
      const res = await login('throttled@example.org', PASSPHRASE, address)
      expect(res.status).toBe(429)
      expect(Number(res.headers.get('Retry-After'))).toBeGreaterThan(0)
      expect(firstError(res)?.message).toMatch(/too many sign-in attempts.*try again in \d+ min/i)
      expect(res.body.token).toBeUndefined()
    })

    it('should still let the same account log in from another address', async () => {
      await createUser('elsewhere@example.org')
      const address = newAddress()
      for (let attempt = 1; attempt <= 11; attempt++) {
        await login(`nobody-${attempt}@example.org`, 'wrong password here', address)
      }
      expect((await login('elsewhere@example.org', PASSPHRASE, address)).status).toBe(429)
      expect((await login('elsewhere@example.org', PASSPHRASE, newAddress())).status).toBe(200)
    })

    it('should not count successful logins', async () => {
      await createUser('often@example.org')
      const address = newAddress()
      for (let attempt = 1; attempt <= 12; attempt++) {
        expect((await login('often@example.org', PASSPHRASE, address)).status).toBe(200)
      }
    })

    it('should throttle the GraphQL loginUser mutation from the same counter', async () => {
      await createUser('graphql@example.org')
      const address = newAddress()
      for (let attempt = 1; attempt <= 10; attempt++) {
        await login(`nobody-${attempt}@example.org`, 'wrong password here', address)
      }
      const res = await ctx.api.graphql<{ loginUser: { token: string | null } | null }>(
        'mutation ($email: String!, $password: String!) { loginUser(email: $email, password: $password) { token } }',
        { email: 'graphql@example.org', password: PASSPHRASE },
        from(address),
      )
      expect(res.body.data?.loginUser ?? null).toBeNull()
      expect(res.body.errors?.[0]?.message).toMatch(/too many sign-in attempts/i)
      expect(res.body.errors?.[0]?.extensions?.statusCode).toBe(429)
    })

    it('should answer a forgot-password request with 200', async () => {
      await createUser('forgot-once@example.org')
      const res = await ctx.api.post('/users/forgot-password', {
        body: { email: 'forgot-once@example.org' },
        ...from(newAddress()),
      })
      expect(res.status).toBe(200)
    })

    it('should throttle forgot-password requests', async () => {
      await createUser('forgot@example.org')
      const address = newAddress()
      for (let attempt = 1; attempt <= 10; attempt++) {
        const res = await ctx.api.post('/users/forgot-password', {
          body: { email: 'forgot@example.org' },
          ...from(address),
        })
        expect(res.status).not.toBe(429)
      }
      const res = await ctx.api.post('/users/forgot-password', {
        body: { email: 'forgot@example.org' },
        ...from(address),
      })
      expect(res.status).toBe(429)
    })

    it('should throttle reset mails to one account whatever address asks', async () => {
      await createUser('forgot-many@example.org')
      for (let attempt = 1; attempt <= 10; attempt++) {
        const res = await ctx.api.post('/users/forgot-password', {
          body: { email: 'forgot-many@example.org' },
          ...from(newAddress()),
        })
        expect(res.status).not.toBe(429)
      }
      const res = await ctx.api.post('/users/forgot-password', {
        body: { email: 'Forgot-Many@example.org' },
        ...from(newAddress()),
      })
      expect(res.status).toBe(429)
    })

    it('should not throttle Local API logins that carry no client address (seeds, scripts)', async () => {
      await createUser('script@example.org')
      for (let attempt = 1; attempt <= 11; attempt++) {
        await expect(
          ctx.payload.login({
            collection: 'users',
            data: { email: `nobody-${attempt}@example.org`, password: 'wrong password here' },
          }),
        ).rejects.toThrow()
      }
      const { token } = await ctx.payload.login({
        collection: 'users',
        data: { email: 'script@example.org', password: PASSPHRASE },
      })
      expect(token).toBeTruthy()
    })
  })

  describe('account lockout', () => {
    it('should lock an account after 5 failed logins and refuse the correct password while locked', async () => {
      await createUser('locked@example.org')
      // Each failure from a different address, so only the per-account lockout is at work.
      for (let attempt = 1; attempt <= 5; attempt++) {
        expect((await login('locked@example.org', 'not the passphrase')).status).toBe(401)
      }
      const res = await login('locked@example.org', PASSPHRASE)
      expect(res.status).toBe(401)
      expect(res.body.token).toBeUndefined()
      expect(firstError(res)?.message).toMatch(/locked/i)

      const stored = await ctx.payload.find({
        collection: 'users',
        where: { email: { equals: 'locked@example.org' } },
        showHiddenFields: true,
      })
      const lockUntil = Date.parse(String(stored.docs[0]?.lockUntil))
      expect(lockUntil - Date.now()).toBeGreaterThan(9 * 60 * 1000)
      expect(lockUntil - Date.now()).toBeLessThanOrEqual(10 * 60 * 1000)
    })

    it('should let an administrator unlock the account', async () => {
      const admin = await createTestUser(ctx.payload, 'admin')
      await createUser('unlock@example.org')
      for (let attempt = 1; attempt <= 5; attempt++) {
        await login('unlock@example.org', 'not the passphrase')
      }
      expect((await login('unlock@example.org', PASSPHRASE)).status).toBe(401)
      const res = await ctx.api.post('/users/unlock', {
        auth: admin.auth,
        body: { email: 'unlock@example.org' },
      })
      expect(res.status).toBe(200)
      expect((await login('unlock@example.org', PASSPHRASE)).status).toBe(200)
    })
  })
})
