import { css } from '../shared/element'

/*
 * In the list layout every item is as tall as the space reserved for it before the data arrives
 * (\`--_h\`, \`shared/reserve.ts\`; clamped texts in \`itemStyles\`): thumbnails are 16:9.
 */
export const newsStyles = css`
  :host {
    --_h: 6lh;
  }
  .list > li:has(img) {
    display: grid;
    grid-template-columns: minmax(0, var(--etw-thumb-width, 8rem)) 1fr;
    column-gap: var(--_gap);
  }
  [part='search'] {
    display: flex;
    gap: 0.5rem;
  }
  input {
    flex: 1;
    font: inherit;
  }
  mark {
    background: light-dark(#fde68a, #6b5200);
    color: inherit;
  }
  .list img {
    grid-row: span 3;
    aspect-ratio: 16 / 9;
    object-fit: cover;
  }
`
