import { css } from './element'

/** Theme tokens and resets shared by every widget. */
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
  :host([theme='dark']) {
    color-scheme: dark;
  }
  :host([theme='auto']) {
    color-scheme: light dark;
  }
  a {
    color: var(--_accent);
  }
  p {
    margin-block: 0.25em;
  }
  .meta {
    color: var(--_muted);
    font-size: 0.9em;
  }
`
