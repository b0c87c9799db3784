import type { ServerProps } from 'payload'

const labels: Record<string, string> = {
  az: 'Vidjetlər: demo və kod',
  en: 'Widgets: demo and snippets',
  uk: 'Віджети: демо та код',
}

/** Admin navigation link to the widgets demo page, where each widget has a copyable snippet. */
export const WidgetsDemoLink = ({ i18n }: ServerProps) => (
  <a className="nav__link" href="/widgets/demo" target="_blank" rel="noopener">
    <span className="nav__link-label">{labels[i18n?.language ?? 'en'] ?? labels.en} ↗</span>
  </a>
)
