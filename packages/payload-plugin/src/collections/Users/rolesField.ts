import type { SelectField } from 'payload'

import type { Localized } from '../../utilities/labels'

import { ROLES } from '../../access/roles'
import { rolesFieldAccess } from '../../access/users'

const roleLabels: Record<(typeof ROLES)[number], Localized> = {
  admin: { az: 'Administrator', en: 'Administrator', uk: 'Адміністратор' },
  editor: { az: 'Redaktor', en: 'Editor', uk: 'Редактор' },
  contributor: { az: 'Müəllif', en: 'Contributor', uk: 'Автор' },
  'statistics-writer': {
    az: 'Statistika yazan (API açarı)',
    en: 'Statistics writer (API key)',
    uk: 'Запис статистики (API-ключ)',
  },
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
  label: { az: 'Rollar', en: 'Roles', uk: 'Ролі' },
  access: { create: rolesFieldAccess, update: rolesFieldAccess },
  options: ROLES.map((value) => ({ label: roleLabels[value], value })),
  admin: {
    // Hidden on the create-first-user screen (nobody is logged in yet): the first user always
    // becomes an administrator (`firstUserIsAdmin`), whatever the form would say.
    condition: (_data, _siblingData, { user }) => Boolean(user),
    position: 'sidebar',
    description: {
      az: 'Administrator istifadəçiləri və ayarları idarə edir, redaktor dərc edir, müəllif qaralama yazır. Statistika yazan maşın müştərisidir: API açarı ilə yalnız statistik qeydlər yazır.',
      en: 'Administrators manage users and settings, editors publish, contributors write drafts. A statistics writer is a machine client: with an API key it records statistics snapshots and nothing else.',
      uk: 'Адміністратор керує користувачами й налаштуваннями, редактор публікує, автор пише чернетки. Запис статистики — це машинний клієнт: з API-ключем він записує знімки статистики й нічого більше.',
    },
  },
})
