/**
 * Loading, empty and error messages, shown inside the element (never thrown out of it).
 * Loading and empty are polite `role="status"` messages; an error is a `role="alert"`.
 */
import { html, type TemplateResult } from 'lit';
import type { FeedError, FeedErrorReason } from '../../feed/errors.js';
import { msg, type MessageKey, type Messages } from './messages.js';

export type ElementState = 'loading' | 'ready' | 'empty' | 'error';

const ERROR_MESSAGE: Record<FeedErrorReason, MessageKey> = {
  network: 'errorNetwork',
  http: 'errorHttp',
  'not-json': 'errorNotJson',
  version: 'errorVersion',
  shape: 'errorShape',
  missing: 'errorMissing',
  timeout: 'errorTimeout',
  aborted: 'errorAborted',
};

export function renderLoading(messages?: Partial<Messages>): TemplateResult {
  return html`<div class="core-status core-status--loading" part="status" role="status">${msg(messages, 'loading')}</div>`;
}

export function renderEmpty(text: string): TemplateResult {
  return html`<div class="core-status core-status--empty" part="status" role="status"><p>${text}</p></div>`;
}

/** A GOV.UK-style error: what happened in plain words, then the technical message in small print. */
export function renderError(error: FeedError, messages?: Partial<Messages>): TemplateResult {
  return html`<div class="core-status core-status--error" part="status" role="alert" data-reason=${error.reason}>
    <p class="core-status__title">${msg(messages, 'errorTitle')}</p>
    <p>${msg(messages, ERROR_MESSAGE[error.reason])}</p>
    <p class="core-status__details"><span class="core-visually-hidden">${msg(messages, 'errorDetails')}: </span>${error.message}</p>
  </div>`;
}
