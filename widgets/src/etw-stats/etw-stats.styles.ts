import { css } from '../shared/element'

export const statsStyles = css`
  dl {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(var(--etw-stat-min-width, 9rem), 1fr));
    gap: var(--_gap);
    margin: 0;
  }
  .item {
    display: flex;
    flex-direction: column-reverse;
    justify-content: flex-end;
    text-align: var(--etw-stat-align, center);
  }
  dt {
    color: var(--_muted);
  }
  dd {
    margin: 0;
    font-size: var(--etw-number-size, 2.25em);
    font-weight: var(--etw-number-weight, 700);
    line-height: 1.15;
    color: var(--_accent);
    font-variant-numeric: tabular-nums;
  }
  /* The final value, invisible, reserves the width so counting up never moves anything. */
  .num {
    display: inline-grid;
    justify-items: center;
  }
  .num > * {
    grid-area: 1 / 1;
  }
  .ghost {
    visibility: hidden;
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
