import { describe, expect, it } from 'vitest'

import { readPublishedOrTeam, readVersionsTeam, writeDraftsOrPublish } from './content'
import { hasRole, isAdmin, isContributor, isEditor } from './roles'
import { adminOrSelf, canUseAdmin, rolesFieldAccess } from './users'

type User = { id: number; roles: string[] } | null

const users: Record<'admin' | 'anonymous' | 'contributor' | 'editor' | 'noRole', User> = {
  admin: { id: 1, roles: ['admin'] },
  anonymous: null,
  contributor: { id: 3, roles: ['contributor'] },
  editor: { id: 2, roles: ['editor'] },
  noRole: { id: 4, roles: [] },
}

// Access functions only read `req.user` (and `data`); the rest of Payload's arguments is not needed.
const args = (user: User, data?: Record<string, unknown>) =>
  ({ data, req: { user } }) as unknown as Parameters<typeof writeDraftsOrPublish>[0]

describe('role helpers', () => {
  it('should find a role the user holds', () => {
    expect(hasRole(users.editor, 'admin', 'editor')).toBe(true)
  })

  it('should find no role on an anonymous request', () => {
    expect(hasRole(null, 'admin', 'editor', 'contributor')).toBe(false)
  })

  it.each([
    ['admin', true, true, true],
    ['editor', false, true, true],
    ['contributor', false, false, true],
    ['noRole', false, false, false],
    ['anonymous', false, false, false],
  ] as const)(
    'should rank %s as admin=%s editor=%s contributor=%s',
    (who, admin, editor, member) => {
      const req = { req: { user: users[who] } }
      expect([isAdmin(req), isEditor(req), isContributor(req)]).toEqual([admin, editor, member])
    },
  )
})

describe('news and events access', () => {
  it('should limit anonymous readers to published documents', () => {
    expect(readPublishedOrTeam(args(users.anonymous))).toEqual({ _status: { equals: 'published' } })
  })

  it('should let a contributor read drafts', () => {
    expect(readPublishedOrTeam(args(users.contributor))).toBe(true)
  })

  it('should treat a signed-in user without a role as anonymous', () => {
    expect(readPublishedOrTeam(args(users.noRole))).toEqual({ _status: { equals: 'published' } })
  })

  it('should let a contributor save a draft', () => {
    expect(writeDraftsOrPublish(args(users.contributor, { _status: 'draft' }))).toBe(true)
  })

  it('should refuse a contributor publishing', () => {
    expect(writeDraftsOrPublish(args(users.contributor, { _status: 'published' }))).toBe(false)
  })

  it('should let an editor publish', () => {
    expect(writeDraftsOrPublish(args(users.editor, { _status: 'published' }))).toBe(true)
  })

  it('should refuse anonymous writes', () => {
    expect(writeDraftsOrPublish(args(users.anonymous, { _status: 'draft' }))).toBe(false)
  })

  it('should refuse version history to anonymous callers', () => {
    expect(readVersionsTeam(args(users.anonymous))).toBe(false)
  })
})

describe('users access', () => {
  it('should let an admin read every account', () => {
    expect(adminOrSelf(args(users.admin))).toBe(true)
  })

  it('should limit an editor to their own account', () => {
    expect(adminOrSelf(args(users.editor))).toEqual({ id: { equals: 2 } })
  })

  it('should refuse anonymous callers', () => {
    expect(adminOrSelf(args(users.anonymous))).toBe(false)
  })

  it('should let only admins change roles', () => {
    const fieldArgs = (user: User) =>
      ({ req: { user } }) as unknown as Parameters<typeof rolesFieldAccess>[0]
    expect([
      rolesFieldAccess(fieldArgs(users.admin)),
      rolesFieldAccess(fieldArgs(users.editor)),
    ]).toEqual([true, false])
  })

  it('should open the admin panel only to users with a role', () => {
    expect([
      canUseAdmin({ req: { user: users.contributor } }),
      canUseAdmin({ req: { user: users.noRole } }),
    ]).toEqual([true, false])
  })
})
