import { css } from '../shared/element'

/*
 * One row of figures, as tall as the space reserved for it before the data arrives
 * (\`shared/reserve.ts\`): numbers shrink with the widget's width, labels keep to one line.
 */
export const statsStyles = css`
  :host {
    container-type: inline-size;
  }
  dl {
    display: grid;
    grid-auto-flow: column;
    grid-auto-columns: minmax(0, 1fr);
    gap: var(--_gap);
    margin: 0;
  }
  .item {
    display: flex;
    flex-direction: column-reverse;
    justify-content: flex-end;
    text-align: var(--etw-stat-align, center);
  }
  dt,
  .line {
    color: var(--_muted);
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  dd {
    margin: 0;
    font-size: min(var(--etw-number-size, 2.25em), 100cqi / var(--etw-n, 3) / 6.5);
    font-weight: var(--etw-number-weight, 700);
    line-height: 1.15;
    color: var(--_accent);
    font-variant-numeric: tabular-nums;
  }
  /*
   * The final value, invisible, reserves the width so counting up never moves anything; the value
   * counting up starts where the final one does, so that even its text never moves.
   */
  .num {
    display: inline-grid;
    justify-items: start;
  }
  .num > * {
    grid-area: 1 / 1;
  }
  .ghost {
    visibility: hidden;
  }
  /* Paper gets the final value even if printed in the middle of counting up. */
  @media print {
    .ghost {
      visibility: visible;
    }
    .cur {
      visibility: hidden;
    }
  }
  /*
   * One line each, as the reserved space counts them (\`show-change\`, and \`show-date\` or
   * \`show-source\`): the change under its figure, the date and source under the row.
   */
  .line {
    margin: 0;
    font: inherit;
    min-block-size: 1lh;
  }
  dd.line {
    order: -1;
  }
  .change {
    display: flex;
    justify-content: var(--etw-stat-align, center);
  }
  .change span {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: pre;
  }
  .change bdi {
    flex: none;
  }
  .sr {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`
