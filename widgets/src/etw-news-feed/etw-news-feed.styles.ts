import { css } from '../shared/element'

/*
 * In the list layout every item is as tall as the space reserved for it before the data arrives
 * (\`--_h\`, \`shared/reserve.ts\`): titles and summaries are clamped, thumbnails 16:9.
 */
export const newsStyles = css`
  .list > li:has(img) {
    display: grid;
    grid-template-columns: minmax(0, var(--etw-thumb-width, 8rem)) 1fr;
    column-gap: var(--_gap);
  }
  .list > li {
    block-size: var(--_h, 6lh);
    overflow: hidden;
    align-content: start;
  }
  .list img {
    grid-row: span 3;
    aspect-ratio: 16 / 9;
    object-fit: cover;
  }
  .list h3,
  .list p {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    overflow: hidden;
  }
`
