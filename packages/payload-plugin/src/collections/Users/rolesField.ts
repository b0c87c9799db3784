import type { SelectField } from 'payload'

import type { EtwLabel } from '../../utilities/labels'

import { ROLES } from '../../access/roles'
import { rolesFieldAccess } from '../../access/users'
import { etwText } from '../../utilities/labels'

const roleLabels: Record<(typeof ROLES)[number], EtwLabel> = {
  admin: etwText('usersAdmin'),
  editor: etwText('usersEditor'),
  contributor: etwText('usersContributor'),
  'statistics-writer': etwText('usersStatisticsWriter'),
}

/**
 * The `roles` field: saved in the JWT so access checks need no database read; only admins change it.
 * Shown only to a logged-in user, so the create-first-user screen has no roles select.
 */
export const rolesField = (): SelectField => ({
  name: 'roles',
  type: 'select',
  hasMany: true,
  required: true,
  saveToJWT: true,
  defaultValue: ['contributor'],
  label: etwText('usersRolesLabel'),
  access: { create: rolesFieldAccess, update: rolesFieldAccess },
  options: ROLES.map((value) => ({ label: roleLabels[value], value })),
  admin: {
    // Hidden on the create-first-user screen (nobody is logged in yet): the first user always
    // becomes an administrator (`firstUserIsAdmin`), whatever the form would say.
    condition: (_data, _siblingData, { user }) => Boolean(user),
    position: 'sidebar',
    description: etwText('usersRolesDescription'),
  },
})
