import { css } from './element'

/**
 * Lists, cards, headings and images of the widgets that show feed items. In the list layout every
 * item is as tall as the space reserved for it before the data arrives (`--_h`, which each widget's
 * styles default, `shared/reserve.ts`): titles and summaries are clamped to two lines.
 */
export const itemStyles = css`
  [role='list'] {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_gap);
  }
  .cards {
    grid-template-columns: repeat(auto-fill, minmax(var(--etw-card-min-width, 16rem), 1fr));
  }
  .cards > li {
    background: var(--_bg);
    border: 1px solid var(--_line);
    border-radius: var(--_radius);
    padding: var(--_gap);
  }
  .list > li {
    block-size: var(--_h);
    overflow: hidden;
    align-content: start;
  }
  .list > li + li {
    border-block-start: 1px solid var(--_line);
    padding-block-start: var(--_gap);
  }
  .list h3,
  .list [part='summary'] {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    overflow: hidden;
  }
  h3 {
    font-size: 1.1em;
    margin-block: 0 0.25em;
  }
  picture {
    display: contents;
  }
  img {
    display: block;
    max-inline-size: 100%;
    block-size: auto;
    border-radius: var(--_radius);
    margin-block-end: 0.5em;
  }
`
