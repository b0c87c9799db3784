import type { CollectionConfig } from 'payload'

import type { ResolvedEtwPluginOptions } from '../../types'

import { isAdmin } from '../../access/roles'
import { adminOrSelf, adminOrTeamSelf, canUseAdmin } from '../../access/users'
import { ADMIN_GROUP, USERS_SLUG } from '../../slugs'
import { forgotPasswordOnSqlite } from './hooks/forgotPasswordOnSqlite'
import { enforcePasswordPolicy, enforcePasswordPolicyOnReset } from './hooks/enforcePasswordPolicy'
import { firstUserIsAdmin } from './hooks/firstUserIsAdmin'
import { createLoginThrottle } from './hooks/throttleLogin'
import { rolesField } from './rolesField'
import { etwText } from '../../utilities/labels'

/**
 * Authentication settings of the users collection: API keys for machine clients, lockout of an
 * account for 10 minutes after 5 failed logins, and server-side sessions, so a token stops working
 * at logout and a password change ends the account's other sessions.
 */
export const USERS_AUTH = {
  lockTime: 10 * 60 * 1000,
  maxLoginAttempts: 5,
  useAPIKey: true,
  useSessions: true,
} as const

/**
 * The hooks the plugin adds to the users collection: login throttling before operations, the
 * password policy before validation (after access checks) and before a reset, the throttle's reward
 * after a successful login.
 */
const authHooks = (
  options: ResolvedEtwPluginOptions,
): Pick<
  NonNullable<CollectionConfig['hooks']>,
  'afterLogin' | 'beforeOperation' | 'beforeValidate'
> => {
  const throttle =
    options.users.loginThrottle === false
      ? undefined
      : createLoginThrottle(options.users.loginThrottle)
  return {
    afterLogin: throttle ? [throttle.afterLogin] : [],
    beforeOperation: throttle
      ? [throttle.beforeOperation, enforcePasswordPolicyOnReset, forgotPasswordOnSqlite]
      : [enforcePasswordPolicyOnReset, forgotPasswordOnSqlite],
    beforeValidate: [enforcePasswordPolicy],
  }
}

const hasField = (collection: CollectionConfig, name: string): boolean =>
  collection.fields.some((field) => 'name' in field && field.name === name)

/** The `users` auth collection: editorial team members with roles, and API keys. */
export const generateUsersCollection = (
  options: ResolvedEtwPluginOptions,
  slug: string = USERS_SLUG,
): CollectionConfig => ({
  slug,
  labels: {
    singular: etwText('usersSingular'),
    plural: etwText('usersPlural'),
  },
  graphQL: { singularName: 'User', pluralName: 'Users' },
  auth: { ...USERS_AUTH },
  access: {
    admin: canUseAdmin,
    create: isAdmin,
    delete: isAdmin,
    read: adminOrSelf,
    unlock: isAdmin,
    update: adminOrTeamSelf,
  },
  admin: {
    group: ADMIN_GROUP,
    useAsTitle: 'email',
    defaultColumns: ['email', 'name', 'roles'],
    listSearchableFields: ['email', 'name'],
    description: etwText('usersDescription'),
  },
  hooks: options.disabled ? {} : { ...authHooks(options), beforeChange: [firstUserIsAdmin] },
  fields: [
    {
      name: 'name',
      type: 'text',
      label: etwText('usersNameLabel'),
    },
    rolesField(),
  ],
})

/**
 * Adds what the plugin needs to a users collection the host already defines: API keys, the `roles`
 * field (unless it has one), admin-panel access for role holders (unless it sets one), the
 * first-user promotion, the password policy and login throttling. The host's fields, hooks and access are kept.
 */
export const augmentUsersCollection = (
  collection: CollectionConfig,
  options: ResolvedEtwPluginOptions,
): CollectionConfig => {
  const auth = typeof collection.auth === 'object' ? collection.auth : {}
  const ours = options.disabled ? undefined : authHooks(options)
  return {
    ...collection,
    auth: { ...auth, useAPIKey: true },
    access: { admin: canUseAdmin, ...collection.access },
    hooks: ours
      ? {
          ...collection.hooks,
          afterLogin: [...(collection.hooks?.afterLogin ?? []), ...(ours.afterLogin ?? [])],
          beforeChange: [...(collection.hooks?.beforeChange ?? []), firstUserIsAdmin],
          beforeOperation: [
            ...(ours.beforeOperation ?? []),
            ...(collection.hooks?.beforeOperation ?? []),
          ],
          beforeValidate: [
            ...(ours.beforeValidate ?? []),
            ...(collection.hooks?.beforeValidate ?? []),
          ],
        }
      : collection.hooks,
    fields: hasField(collection, 'roles')
      ? collection.fields
      : [...collection.fields, rolesField()],
  }
}
