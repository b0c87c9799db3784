import { css } from './element'

/**
 * Theme tokens and resets shared by every widget. Without `theme` a widget has no background of its
 * own and the light colours; with `theme` (`light`, `dark`, `auto`) it paints `--etw-background`,
 * so its text keeps WCAG AA contrast on any page. Print is light, on the paper's white, with the
 * final values, whole texts and the addresses of links.
 */
export const baseStyles = css`
  /* light-dark() picks by color-scheme, which the theme attribute sets. */
  :host {
    color-scheme: light;
    --_fg: var(--etw-color-text, light-dark(#1d2430, #e8ecf1));
    --_muted: var(--etw-color-muted, light-dark(#59606b, #aab3bf));
    --_bg: var(--etw-color-surface, light-dark(#fff, #1b2129));
    --_line: var(--etw-color-border, light-dark(#d5dae1, #3a4350));
    --_accent: var(--etw-color-accent, light-dark(#0b57a4, #8cc2ff));
    --_radius: var(--etw-radius, 0.5rem);
    --_gap: var(--etw-gap, 1rem);
    display: block;
    font-family: var(--etw-font-family, inherit);
    color: var(--_fg);
  }
  :host([hidden]) {
    display: none;
  }
  /* The loader's sheet pads the tag in the same way from the first paint (\`shared/reserve.ts\`). */
  :host([theme]) {
    background: var(--etw-background, var(--_bg));
    padding: var(--_gap);
    border-radius: var(--_radius);
  }
  :host([theme='dark']) {
    color-scheme: dark;
  }
  :host([theme='auto']) {
    color-scheme: light dark;
  }
  a {
    color: var(--_accent);
  }
  :focus-visible {
    outline: 2px solid var(--_accent);
  }
  p {
    margin-block: 0.25em;
  }
  .meta {
    color: var(--_muted);
    font-size: 0.9em;
  }
  @media print {
    /* On paper, the texts are as tall as they are, not the space kept for them on screen. */
    :host {
      min-block-size: 0 !important;
    }
    /* White, which costs no ink, even where the page prints its own dark background. */
    :host([theme]) {
      color-scheme: light;
      background: #fff;
    }
    /* No backgrounds (printers leave them out anyway) and whole texts: no clamped lines or fixed heights. */
    * {
      background: none !important;
      -webkit-line-clamp: none !important;
      white-space: normal !important;
      block-size: auto !important;
    }
    a[href^='http']::after {
      content: ' (' attr(href) ')';
      overflow-wrap: anywhere;
    }
  }
`
