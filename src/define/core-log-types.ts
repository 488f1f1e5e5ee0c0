/** Registers `<core-log-types>` (once: a second copy of the library on the page is harmless). */
import { CoreLogTypes } from '../elements/core-log-types/core-log-types.js';

if (!customElements.get('core-log-types')) customElements.define('core-log-types', CoreLogTypes);

declare global {
  interface HTMLElementTagNameMap {
    'core-log-types': CoreLogTypes;
  }
}
