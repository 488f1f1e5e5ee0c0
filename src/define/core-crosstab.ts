/** Registers `<core-crosstab>` (once: a second copy of the library on the page is harmless). */
import { CoreCrosstab } from '../elements/core-crosstab/core-crosstab.js';

if (!customElements.get('core-crosstab')) customElements.define('core-crosstab', CoreCrosstab);

declare global {
  interface HTMLElementTagNameMap {
    'core-crosstab': CoreCrosstab;
  }
}
