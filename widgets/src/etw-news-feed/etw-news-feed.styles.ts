import { css } from '../shared/element'

export const newsStyles = css`
  .list > li:has(img) {
    display: grid;
    grid-template-columns: minmax(0, var(--etw-thumb-width, 8rem)) 1fr;
    column-gap: var(--_gap);
  }
  .list img {
    grid-row: span 3;
  }
`
