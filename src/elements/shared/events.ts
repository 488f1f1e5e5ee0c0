/**
 * The events every CORE element fires (Web Awesome's shape: one typed Event subclass each,
 * declared in `GlobalEventHandlersEventMap` so `el.addEventListener('core-error', e => e.reason)`
 * type-checks). They bubble and cross shadow roots so an embedding page can listen on `document`.
 */
import type { FeedError, FeedErrorReason } from '../../feed/errors.js';

/** The element has rendered its data. */
export class CoreLoadEvent extends Event {
  static readonly type = 'core-load';
  constructor() {
    super(CoreLoadEvent.type, { bubbles: true, composed: true });
  }
}

/** The element could not use the feed; it shows an error message instead. */
export class CoreErrorEvent extends Event {
  static readonly type = 'core-error';
  readonly reason: FeedErrorReason;
  readonly error: FeedError;
  constructor(error: FeedError) {
    super(CoreErrorEvent.type, { bubbles: true, composed: true });
    this.error = error;
    this.reason = error.reason;
  }
}

/** Where a re-suppressed value sat in the table the element received. */
export interface SdcCell {
  /** Row code (an LA, region, `E92000001` for England's totals, or a category). */
  readonly row: string;
  /** Column code, or `total` for a row total. */
  readonly col: string;
  /** Why it was re-suppressed: a count below the threshold, or the complement of one. */
  readonly rule: 'primary' | 'complementary';
}

/**
 * The element re-checked the feed's disclosure control and had to suppress a value the feed
 * published (the feed is wrong; a correct feed never triggers this). One event per value.
 */
export class CoreSdcWarningEvent extends Event {
  static readonly type = 'core-sdc-warning';
  readonly cell: SdcCell;
  /** The document the value came from, when known. */
  readonly source: string;
  constructor(cell: SdcCell, source = '') {
    super(CoreSdcWarningEvent.type, { bubbles: true, composed: true });
    this.cell = cell;
    this.source = source;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'core-load': CoreLoadEvent;
    'core-error': CoreErrorEvent;
    'core-sdc-warning': CoreSdcWarningEvent;
  }
}
