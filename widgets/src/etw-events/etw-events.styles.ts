import { css } from '../shared/element'

/*
 * In the list layout every item is as tall as the space reserved for it before the data arrives
 * (\`--_h\`, \`shared/reserve.ts\`; title and summary clamped in \`itemStyles\`): other lines are
 * cut to one.
 */
export const eventsStyles = css`
  :host {
    --_h: 11lh;
  }
  .list p:not([part='summary']) {
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .badge {
    display: inline-block;
    font-size: 0.8em;
    padding-inline: 0.5em;
    border: 1px solid var(--_line);
    border-radius: 1em;
    margin-inline-end: 0.25em;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1em;
    margin-block-start: 0.5em;
  }
`
