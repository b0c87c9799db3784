/** The editorial team's roles, from most to least privileged: they use the admin and read drafts. */
export const TEAM_ROLES = ['admin', 'editor', 'contributor'] as const

/**
 * Every role a user can hold: the team's, and `statistics-writer`, a machine client (an API key)
 * that records statistics snapshots and can do nothing else.
 */
export const ROLES = [...TEAM_ROLES, 'statistics-writer'] as const

/**
 * A user role: `admin` manages users and settings, `editor` publishes, `contributor` writes drafts,
 * `statistics-writer` records statistics snapshots.
 */
export type Role = (typeof ROLES)[number]

const rolesOf = (user: unknown): readonly unknown[] => {
  if (typeof user !== 'object' || user === null || !('roles' in user)) return []
  const { roles } = user as { roles?: unknown }
  return Array.isArray(roles) ? roles : []
}

/** Whether `user` (a `req.user`, possibly `null`) holds at least one of `roles`. */
export const hasRole = (user: unknown, ...roles: Role[]): boolean => {
  const held = rolesOf(user)
  return roles.some((role) => held.includes(role))
}

/** Whether `user` holds a team role (admin, editor, contributor), i.e. is a member of the editorial team. */
export const hasAnyRole = (user: unknown): boolean => hasRole(user, ...TEAM_ROLES)

/** The argument every Payload access function receives; only `req.user` is read. */
export type AccessArgs = { req: { user?: unknown } }

/** Access function: the request's user is an admin. Usable on collections, globals and fields. */
export const isAdmin = ({ req }: AccessArgs): boolean => hasRole(req.user, 'admin')

/** Access function: the request's user is an editor or an admin. */
export const isEditor = ({ req }: AccessArgs): boolean => hasRole(req.user, 'admin', 'editor')

/** Access function: the request's user is a contributor, an editor or an admin. */
export const isContributor = ({ req }: AccessArgs): boolean => hasAnyRole(req.user)

/** Access function: the request's user records statistics: an editor, an admin or a statistics writer. */
export const canRecordStatistics = ({ req }: AccessArgs): boolean =>
  hasRole(req.user, 'admin', 'editor', 'statistics-writer')

/** Access function: anyone, including anonymous callers. */
export const anyone = (): boolean => true
