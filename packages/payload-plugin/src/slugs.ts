/** Collection and global slugs used by the plugin; other packages import them instead of repeating strings. */
export const NEWS_SLUG = 'news'
export const EVENTS_SLUG = 'events'
export const STATISTICS_SLUG = 'statistics'
export const ORGANIZATIONS_SLUG = 'organizations'
export const MEDIA_SLUG = 'media'
export const USERS_SLUG = 'users'
export const SETTINGS_SLUG = 'etw-settings'

/** The `admin.group` every plugin collection and global is listed under. */
export const ADMIN_GROUP = 'eTwinning'
export const AUDIT_LOG_SLUG = 'audit-log'
export const WEBHOOK_ENDPOINTS_SLUG = 'webhook-endpoints'
export const WEBHOOK_DELIVERIES_SLUG = 'webhook-deliveries'
export const STATISTICS_IMPORTS_SLUG = 'statistics-imports'
