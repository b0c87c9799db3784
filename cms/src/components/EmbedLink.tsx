import type { ServerProps } from 'payload'

import { adminTextOf } from './translations'

/** Admin navigation link to the "Embed a widget" view. */
export const EmbedLink = ({ i18n, payload }: ServerProps) => (
  <a className="nav__link" href={`${payload.config.routes.admin}/embed`}>
    <span className="nav__link-label">{adminTextOf(i18n).embedNav}</span>
  </a>
)
