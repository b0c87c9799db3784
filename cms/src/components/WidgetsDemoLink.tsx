import type { ServerProps } from 'payload'

import { etwT } from '@etw/payload-plugin/i18n'

/** Admin navigation link to the widgets demo page, where each widget has a copyable snippet. */
export const WidgetsDemoLink = ({ i18n }: ServerProps) => (
  <a className="nav__link" href="/widgets/demo" target="_blank" rel="noopener">
    <span className="nav__link-label">{etwT(i18n.t)('widgetsDemoLink')} ↗</span>
  </a>
)
