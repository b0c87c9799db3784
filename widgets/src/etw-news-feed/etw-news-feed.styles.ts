import { css } from 'lit'

export const newsStyles = css`
  picture {
    display: contents;
  }
  .list > li + li {
    border-block-start: 1px solid var(--_line);
    padding-block-start: var(--_gap);
  }
  .list > li:has(img) {
    display: grid;
    grid-template-columns: minmax(0, var(--etw-thumb-width, 8rem)) 1fr;
    column-gap: var(--_gap);
  }
  .list img {
    grid-row: span 3;
  }
`
