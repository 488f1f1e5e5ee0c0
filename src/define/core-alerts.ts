/** Registers `<core-alerts>` (once: a second copy of the library on the page is harmless). */
import { CoreAlerts } from '../elements/core-alerts/core-alerts.js';

if (!customElements.get('core-alerts')) customElements.define('core-alerts', CoreAlerts);

declare global {
  interface HTMLElementTagNameMap {
    'core-alerts': CoreAlerts;
  }
}
