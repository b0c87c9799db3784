import type { ServerProps } from 'payload'

import { etwT } from '@etw/payload-plugin/i18n'

/** Admin navigation link to the "Embed a widget" view. */
export const EmbedLink = ({ i18n, payload }: ServerProps) => (
  <a className="nav__link" href={`${payload.config.routes.admin}/embed`}>
    <span className="nav__link-label">{etwT(i18n.t)('embedNav')}</span>
  </a>
)
