/** Registers `<core-la-report>` (once: a second copy of the library on the page is harmless). */
import { CoreLaReport } from '../elements/core-la-report/core-la-report.js';

if (!customElements.get('core-la-report')) customElements.define('core-la-report', CoreLaReport);

declare global {
  interface HTMLElementTagNameMap {
    'core-la-report': CoreLaReport;
  }
}
