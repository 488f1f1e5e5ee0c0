import { css, unsafeCSS } from 'lit';
import { LAYOUT, MAX_SERIES, PANEL_GROUPS, barPitch } from './crosstab.chart.js';

/**
 * The aspect ratio of a full panel of bars with S series (`core-crosstab__panel--bars-S`): the
 * browser must know a skipped panel's height without laying out its content (and its width: a
 * skipped <svg> has no natural size). Made from the chart's layout constants, so the two cannot
 * disagree.
 */
const barPanelRatios = unsafeCSS(
  Array.from({ length: MAX_SERIES }, (_, k) => `.core-crosstab__panel--bars-${k + 1}{width:100%;aspect-ratio:${LAYOUT.width}/${PANEL_GROUPS * barPitch(k + 1)}}`).join(''),
);

/**
 * Charts (DESIGN §6: 1,200 marks in ≤ 50 ms): panels (`chartPanels`) of bars stacked and scaled
 * with the width, or of columns side by side at 1:1; every panel but the last has
 * `content-visibility: auto`, so off screen it costs no style, layout or paint. (It needs a
 * `contain-intrinsic-size`, any: without one, Chromium 156 renders every such element in full
 * once, on the first frame, and only skips those off screen from the next — measured on 40
 * panels: ≈ 35 ms, then 20 ms more, against 6 ms with one. The real height comes from the
 * aspect ratio.) In print a long
 * column chart goes on in lines instead of off the page's edge, and the table's columns shrink
 * to their words (smaller type) so that a wide table fits the page.
 *
 * Series colours: the Government Analysis Function's categorical palette (six colours chosen to
 * be told apart with common colour-vision deficiencies, each ≥ 3:1 against white), overridable
 * with `--core-series-1-colour` … `--core-series-6-colour`.
 */
export const crosstabStyles = css`
.core-figure{margin: 0;}
.core-crosstab__toolbar{display: flex;flex-wrap: wrap;align-items: flex-end;gap: 0 1.5em;margin: 0 0 0.5em;}
.core-crosstab__toolbar .core-form-group{margin-bottom: 1em;}
.core-crosstab__toolbar .core-select{width: auto;}
.core-crosstab__toolgroup-label{display: block;font-weight: 700;margin: 0 0 0.3em;}
.core-crosstab__reason{margin: -0.5em 0 1em;color: var(--core-secondary-text-colour, var(--govuk-secondary-text-colour, #484949));}
.core-crosstab__scroll{overflow: auto;max-height: var(--core-crosstab-max-height, 36em);margin: 0 0 1em;border: 1px solid var(--core-border-colour, var(--govuk-border-colour, #cecece));}
.core-crosstab__scroll:focus, .core-crosstab__chart-wrap:focus{outline: 3px solid var(--core-focus-colour, var(--govuk-focus-colour, #ffdd00));outline-offset: 0;}
.core-crosstab__table{margin: 0;width: auto;min-width: 100%;}
.core-crosstab__table th, .core-crosstab__table td{padding: 0.5em 0.75em;background: var(--core-background-colour, #fff);}
.core-crosstab__table th:last-child, .core-crosstab__table td:last-child{padding-right: 0.75em;}
.core-crosstab__table thead th.core-num,.core-crosstab__table thead th{position: sticky;top: 0;z-index: 1;vertical-align: bottom;min-width: 6.5em;max-width: 12em;white-space: normal;box-shadow: inset 0 -2px 0 var(--core-text-colour, var(--govuk-text-colour, #0b0c0c));}
.core-crosstab__table tbody th, .core-crosstab__table tfoot th{position: sticky;left: 0;z-index: 1;min-width: 10em;max-width: 18em;font-weight: 400;box-shadow: inset -1px 0 0 var(--core-border-colour, var(--govuk-border-colour, #cecece));}
.core-crosstab__table thead .core-crosstab__corner{left: 0;z-index: 2;text-align: left;}
.core-crosstab__table tfoot th, .core-crosstab__table tfoot td{position: sticky;bottom: 0;font-weight: 700;}
.core-crosstab__table tfoot th{z-index: 2;}
.core-crosstab__table .core-crosstab__total{font-weight: 700;}
.core-crosstab__table--parts{table-layout: fixed;width: 100%;min-width: 100%;}
.core-crosstab__part{min-width: 100%;}
.core-crosstab__head{position: sticky;top: 0;z-index: 3;}
.core-crosstab__part--skip{content-visibility: auto;contain-intrinsic-size: auto 50em;}
@media screen{.core-crosstab__part-head th{font-size: 0;border: 0;}}
.core-crosstab__notes{font-size: 0.875em;}
.core-crosstab__notes p{margin: 0 0 0.5em;}
.core-crosstab__chart-wrap{max-width: 640px;margin: 0 0 1em;}
.core-crosstab__chart-wrap--wide{max-width: 100%;overflow-x: auto;display: flex;}
.core-crosstab__chart, .core-crosstab__pies{max-width: 640px;overflow: visible;}
.core-crosstab__panel{display: block;flex: none;}
.core-crosstab__panel text{fill: currentColor;font-family: inherit;}
.core-crosstab__panel--skip{content-visibility: auto;contain-intrinsic-size: auto 1px;}
${barPanelRatios}
.core-crosstab__grid{stroke: var(--core-border-colour, var(--govuk-border-colour, #cecece));stroke-width: 1;}
.core-crosstab__slice{stroke: #fff;stroke-width: 2;}
.core-crosstab__slice-label{paint-order: stroke;stroke: #fff;stroke-width: 3px;stroke-linejoin: round;}
.core-series-0{fill: var(--core-series-1-colour, #12436d);background: var(--core-series-1-colour, #12436d);}
.core-series-1{fill: var(--core-series-2-colour, #28a197);background: var(--core-series-2-colour, #28a197);}
.core-series-2{fill: var(--core-series-3-colour, #801650);background: var(--core-series-3-colour, #801650);}
.core-series-3{fill: var(--core-series-4-colour, #f46a25);background: var(--core-series-4-colour, #f46a25);}
.core-series-4{fill: var(--core-series-5-colour, #3d3d3d);background: var(--core-series-5-colour, #3d3d3d);}
.core-series-5{fill: var(--core-series-6-colour, #a285d1);background: var(--core-series-6-colour, #a285d1);}
.core-crosstab__legend{margin: 0 0 1em;}
.core-crosstab__legend-title{font-weight: 700;margin: 0 0 0.3em;}
.core-crosstab__legend ul{display: flex;flex-wrap: wrap;gap: 0.3em 1.5em;margin: 0;padding: 0;list-style: none;}
.core-crosstab__legend li{display: flex;align-items: center;gap: 0.4em;}
.core-crosstab__swatch{display: inline-block;flex: none;width: 1.2em;height: 1.2em;forced-color-adjust: none;}
.core-crosstab__swatch--gap{background: none;border: 1.5px dashed var(--core-secondary-text-colour, var(--govuk-secondary-text-colour, #484949));}
.core-details summary{cursor: pointer;color: var(--core-link-colour, var(--govuk-link-colour, #1a65a6));text-decoration: underline;margin: 0 0 0.5em;}
.core-details summary:focus{outline: 3px solid transparent;color: var(--core-focus-text-colour, var(--govuk-focus-text-colour, #0b0c0c));background-color: var(--core-focus-colour, var(--govuk-focus-colour, #ffdd00));text-decoration: none;}
@media print{
  .core-crosstab__scroll{max-height: none;overflow: visible;border: 0;}
  .core-crosstab__table{font-size: 0.8em;}
  .core-crosstab__head{display: none;}
  .core-crosstab__part{width: 100% !important;}
  .core-crosstab__table--parts{table-layout: auto;}
  .core-crosstab__table th, .core-crosstab__table td{position: static !important;min-width: 0 !important;padding: 0.4em;}
  .core-crosstab__chart-wrap--wide{overflow: visible;flex-wrap: wrap;}
  .core-crosstab__toolbar{display: none;}
  .core-series-0, .core-series-1, .core-series-2, .core-series-3, .core-series-4, .core-series-5{print-color-adjust: exact;}
}
`;
