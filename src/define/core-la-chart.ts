/** Registers `<core-la-chart>` (once: a second copy of the library on the page is harmless). */
import { CoreLaChart } from '../elements/core-la-chart/core-la-chart.js';

if (!customElements.get('core-la-chart')) customElements.define('core-la-chart', CoreLaChart);

declare global {
  interface HTMLElementTagNameMap {
    'core-la-chart': CoreLaChart;
  }
}
