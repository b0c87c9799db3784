import type { CollectionConfig } from 'payload'

import type { ResolvedEtwPluginOptions } from '../../types'

import { isAdmin } from '../../access/roles'
import { adminOrSelf, adminOrTeamSelf, canUseAdmin } from '../../access/users'
import { ADMIN_GROUP, USERS_SLUG } from '../../slugs'
import { firstUserIsAdmin } from './hooks/firstUserIsAdmin'
import { rolesField } from './rolesField'

/** Authentication settings of the users collection: API keys for machine clients, lockout after 5 failures. */
export const USERS_AUTH = {
  lockTime: 10 * 60 * 1000,
  maxLoginAttempts: 5,
  useAPIKey: true,
} as const

const hasField = (collection: CollectionConfig, name: string): boolean =>
  collection.fields.some((field) => 'name' in field && field.name === name)

/** The `users` auth collection: editorial team members with roles, and API keys. */
export const generateUsersCollection = (
  options: ResolvedEtwPluginOptions,
  slug: string = USERS_SLUG,
): CollectionConfig => ({
  slug,
  labels: {
    singular: { az: 'İstifadəçi', en: 'User', uk: 'Користувач' },
    plural: { az: 'İstifadəçilər', en: 'Users', uk: 'Користувачі' },
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
    description: {
      az: 'Redaksiya komandası. Maşın müştəriləri üçün API açarını aktivləşdirin.',
      en: 'The editorial team. Enable an API key for machine clients.',
      uk: 'Редакційна команда. Для машинних клієнтів увімкніть API-ключ.',
    },
  },
  hooks: options.disabled ? {} : { beforeChange: [firstUserIsAdmin] },
  fields: [
    {
      name: 'name',
      type: 'text',
      label: { az: 'Ad', en: 'Name', uk: 'Ім’я' },
    },
    rolesField(),
  ],
})

/**
 * Adds what the plugin needs to a users collection the host already defines: API keys, the `roles`
 * field (unless it has one), admin-panel access for role holders (unless it sets one) and the
 * first-user promotion. The host's fields, hooks and access are kept.
 */
export const augmentUsersCollection = (
  collection: CollectionConfig,
  options: ResolvedEtwPluginOptions,
): CollectionConfig => {
  const auth = typeof collection.auth === 'object' ? collection.auth : {}
  return {
    ...collection,
    auth: { ...auth, useAPIKey: true },
    access: { admin: canUseAdmin, ...collection.access },
    hooks: options.disabled
      ? collection.hooks
      : {
          ...collection.hooks,
          beforeChange: [...(collection.hooks?.beforeChange ?? []), firstUserIsAdmin],
        },
    fields: hasField(collection, 'roles')
      ? collection.fields
      : [...collection.fields, rolesField()],
  }
}
