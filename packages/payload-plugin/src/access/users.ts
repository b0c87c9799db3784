import type { Access, FieldAccess } from 'payload'

import { hasAnyRole, hasRole } from './roles'

const idOf = (user: unknown): number | string | undefined => {
  const id = (user as { id?: unknown } | null | undefined)?.id
  return typeof id === 'string' || typeof id === 'number' ? id : undefined
}

/** Users read and update access: admins every account, other signed-in users only their own. */
export const adminOrSelf: Access = ({ req }) => {
  if (hasRole(req.user, 'admin')) return true
  const id = idOf(req.user)
  return id === undefined ? false : { id: { equals: id } }
}

/**
 * Users update access: admins every account, team members their own. A statistics writer (a
 * machine client) cannot change its account, so its key can do nothing but record statistics.
 */
export const adminOrTeamSelf: Access = (args) =>
  hasAnyRole(args.req.user) ? adminOrSelf(args) : false

/** Admin panel access: users who hold a role. A user without one can still use the API for their own account. */
export const canUseAdmin = ({ req }: { req: { user?: unknown } }): boolean => hasAnyRole(req.user)

/** Field access of `roles`: only admins set or change roles. */
export const rolesFieldAccess: FieldAccess = ({ req }) => hasRole(req.user, 'admin')
