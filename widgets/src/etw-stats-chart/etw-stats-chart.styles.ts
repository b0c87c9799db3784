import { css } from '../shared/element'

/*
 * As tall as the space the loader reserves (`shared/reserve.ts`); the SVG fills it in the widget's
 * own pixels. Motion only where the visitor has not asked for less; light colours on paper.
 */
export const chartStyles = css`
  :host {
    block-size: var(--etw-chart-height, 16rem);
    position: relative;
  }
  [part='base'],
  svg {
    display: block;
    block-size: 100%;
    inline-size: 100%;
  }
  svg {
    overflow: visible;
    font-size: 0.8125em;
  }
  .label {
    fill: var(--_muted);
    dominant-baseline: middle;
  }
  .value {
    fill: var(--_fg);
  }
  .grid {
    stroke: var(--_line);
  }
  .line {
    fill: none;
    stroke: var(--_accent);
    stroke-width: 2.5;
    stroke-linejoin: round;
    animation: draw 0.9s ease-out;
  }
  .bar {
    fill: var(--_accent);
    transform-box: fill-box;
    animation: grow 0.6s ease-out;
  }
  .h {
    transform-origin: left;
    --_from: scale(0, 1);
  }
  :host(:dir(rtl)) .h {
    transform-origin: right;
  }
  .v {
    transform-origin: bottom;
    --_from: scale(1, 0);
  }
  .dot {
    fill: var(--_bg);
    stroke: var(--_accent);
    stroke-width: 2.5;
  }
  .hit {
    fill: transparent;
  }
  .mark {
    outline: none;
  }
  .mark:focus-visible .hit,
  .mark:hover .hit {
    stroke: var(--_fg);
    stroke-width: 2;
  }
  .mark:focus-visible .dot,
  .mark:hover .dot {
    r: 6px;
    fill: var(--_accent);
  }
  .tip {
    fill: var(--_fg);
    font-weight: 700;
    paint-order: stroke;
    stroke: var(--_bg);
    stroke-width: 4px;
  }
  .mark:not(:focus, :hover) .tip {
    display: none;
  }
  @keyframes draw {
    from {
      stroke-dasharray: 1;
      stroke-dashoffset: 1;
    }
    to {
      stroke-dasharray: 1;
      stroke-dashoffset: 0;
    }
  }
  @keyframes grow {
    from {
      transform: var(--_from);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .line,
    .bar {
      animation: none;
    }
  }
  @media print {
    :host,
    :host([theme]) {
      color-scheme: light;
      break-inside: avoid;
    }
    .line,
    .bar {
      animation: none;
    }
    .tip {
      display: none;
    }
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
