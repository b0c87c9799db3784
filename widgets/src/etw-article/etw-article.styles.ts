import { css } from '../shared/element'

export const articleStyles = css`
  article {
    display: grid;
    gap: calc(var(--_gap) / 2);
  }
  article > * {
    margin: 0;
  }
  [part='title'] {
    font-size: 1.6em;
    line-height: 1.2;
  }
  .summary {
    font-size: 1.1em;
  }
  [part='body'] {
    line-height: 1.6;
  }
  [part='body'] > * {
    margin-block: 0 0.75em;
  }
  blockquote {
    border-inline-start: 3px solid var(--_line);
    padding-inline-start: 1em;
    margin-inline: 0;
  }
  [part='body'] :is(ul, ol) {
    padding-inline-start: 1.5em;
  }
  [part='related'] {
    display: grid;
    gap: 0.25em;
  }
  [part='related'] > * {
    margin: 0;
  }
  [part='related'] li {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.5em;
  }
`
