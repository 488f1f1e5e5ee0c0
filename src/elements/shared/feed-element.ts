/**
 * The anatomy every CORE element shares: fetch → derive → render, driven by a @lit/task Task.
 *
 * A subclass says which properties select its data (`selection()`), how to fetch and derive
 * its view model (`load()`, usually the feed client plus a pure `*.view.ts` function), when
 * that view is empty, and how to render it. This base class does the rest: the `state`
 * attribute, loading / empty / error messages, and the `core-load`, `core-error` and
 * `core-sdc-warning` events. Errors never escape the element.
 */
import { LitElement, type TemplateResult, type PropertyDeclarations } from 'lit';
import { Task } from '@lit/task';
import { feedClient, type Feed } from '../../feed/client.js';
import { toFeedError } from '../../feed/errors.js';
import { CoreErrorEvent, CoreLoadEvent, CoreSdcWarningEvent, type SdcCell } from './events.js';
import type { Messages } from './messages.js';
import { renderEmpty, renderError, renderLoading, type ElementState } from './status.js';
import { coreStyles } from './styles.js';

export interface LoadedView {
  /** The message to show instead of the view when there is nothing to show; `undefined` when there is. */
  readonly emptyMessage?: string | undefined;
  /** Values the element re-suppressed (each is reported once per load). */
  readonly resuppressed?: readonly SdcCell[];
  /** URL of the document the view came from (for warnings). */
  readonly source?: string;
}

export abstract class CoreFeedElement<V extends LoadedView> extends LitElement {
  static override styles = [coreStyles];
  static override properties: PropertyDeclarations = {
    src: {},
    state: { reflect: true },
    messages: { attribute: false },
    feed: { attribute: false },
  };

  /** The feed: its root folder URL or its manifest URL. Default: the page's `<meta name="core-feed">`. */
  src = '';

  /** `loading`, `ready`, `empty` or `error`; reflected to the `state` attribute for styling and tests. */
  state: ElementState = 'loading';

  /** Overrides for any user-visible string (see `messages.ts`). */
  messages: Partial<Messages> = {};

  /** The feed client. Default: the page's shared client; tests and stories inject fakes. */
  feed: Feed | undefined = feedClient;

  /** The feed client in use (`feed`, or the page's shared client when `feed` is unset). */
  protected get client(): Feed {
    return this.feed ?? feedClient;
  }

  /** The values (other than src, feed and messages) that select the data. */
  protected abstract selection(): readonly unknown[];
  /** Fetches through `this.feed` and derives the view model. */
  protected abstract load(signal: AbortSignal): Promise<V>;
  /** Renders a non-empty view. */
  protected abstract renderView(view: V): TemplateResult;

  protected readonly data = new Task<readonly unknown[], V>(this, {
    task: (_args, { signal }) => {
      this.state = 'loading';
      return this.load(signal);
    },
    args: () => [this.feed, this.src, this.messages, ...this.selection()],
    onComplete: (view) => void this.completed(view),
    onError: (error) => void this.failed(error),
  });

  override render(): TemplateResult {
    return this.data.render({
      initial: () => renderLoading(this.messages),
      pending: () => renderLoading(this.messages),
      complete: (view) => (view.emptyMessage === undefined ? this.renderView(view) : renderEmpty(view.emptyMessage)),
      error: (error) => renderError(toFeedError(error), this.messages),
    }) as TemplateResult;
  }

  private async completed(view: V): Promise<void> {
    this.state = view.emptyMessage === undefined ? 'ready' : 'empty';
    for (const cell of view.resuppressed ?? []) {
      // Never log the value itself: it is the number being protected.
      console.warn(
        `<${this.localName}>: the feed published a value that disclosure control must hide (row ${cell.row}, column ${cell.col}, ${cell.rule} suppression); it is shown as [c]. The feed needs to be rebuilt.`,
      );
      emit(this, new CoreSdcWarningEvent(cell, view.source ?? ''));
    }
    await this.updateComplete;
    emit(this, new CoreLoadEvent());
  }

  private async failed(error: unknown): Promise<void> {
    this.state = 'error';
    await this.updateComplete;
    emit(this, new CoreErrorEvent(toFeedError(error)));
  }
}

/** Dispatches outside the class body, so the manifest analyser takes the events from the JSDoc `@fires` tags. */
function emit(target: EventTarget, event: Event): void {
  target.dispatchEvent(event);
}
