import type { SelectField } from 'payload'

import type { Localized } from '../../utilities/labels'

import { ROLES } from '../../access/roles'
import { rolesFieldAccess } from '../../access/users'

const roleLabels: Record<(typeof ROLES)[number], Localized> = {
  admin: { az: 'Administrator', en: 'Administrator', uk: 'Адміністратор' },
  editor: { az: 'Redaktor', en: 'Editor', uk: 'Редактор' },
  contributor: { az: 'Müəllif', en: 'Contributor', uk: 'Автор' },
}

/** The `roles` field: saved in the JWT so access checks need no database read; only admins change it. */
export const rolesField = (): SelectField => ({
  name: 'roles',
  type: 'select',
  hasMany: true,
  required: true,
  saveToJWT: true,
  defaultValue: ['contributor'],
  label: { az: 'Rollar', en: 'Roles', uk: 'Ролі' },
  access: { create: rolesFieldAccess, update: rolesFieldAccess },
  options: ROLES.map((value) => ({ label: roleLabels[value], value })),
  admin: {
    position: 'sidebar',
    description: {
      az: 'Administrator istifadəçiləri və ayarları idarə edir, redaktor dərc edir, müəllif qaralama yazır.',
      en: 'Administrators manage users and settings, editors publish, contributors write drafts.',
      uk: 'Адміністратор керує користувачами й налаштуваннями, редактор публікує, автор пише чернетки.',
    },
  },
})
