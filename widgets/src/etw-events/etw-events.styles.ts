import { css } from '../shared/element'

export const eventsStyles = css`
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
