/**
 * CSV downloads, generic for every element (RFC 4180: comma-separated, CRLF line ends, a field
 * quoted when it holds a comma, a quote, a line break or leading/trailing space; quotes doubled).
 *
 * - `toCsv(rows)` is pure: rows of strings / numbers / null → CSV text.
 * - `countCells(value)` splits a feed count into its two CSV columns: the number (or empty) and
 *   the status symbol (or empty), so a symbol never sits in a numeric column (DESIGN §3).
 * - `downloadCsv(filename, text)` saves the text through a Blob and an object URL.
 * - `renderCsvDownload({ label, filename, csv })` is a GOV.UK-style secondary button that builds
 *   the CSV only when clicked (cheap to render for large tables).
 *
 * Spreadsheet formula injection: a text field starting with `=`, `+`, `-`, `@`, tab or CR is
 * prefixed with `'` (OWASP's advice), so feed text cannot become a formula. Numbers are written
 * as they are.
 */
import { html, type TemplateResult } from 'lit';
import type { Count } from '../../feed/types.js';

export type CsvValue = string | number | null | undefined;

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;
const FORMULA = /^[=+\-@\t\r]/;

/** One CSV field. */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows → CSV text (CRLF after every row, UTF-8 byte-order mark left to `downloadCsv`). */
export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
  return rows.map((row) => row.map(csvField).join(',') + '\r\n').join('');
}

/** A count as two CSV columns: `[number, '']`, or `['', symbol]` for `c` / `x` / `z`. */
export function countCells(value: Count | undefined): [CsvValue, CsvValue] {
  if (typeof value === 'number') return [value, ''];
  return ['', value ?? 'x'];
}

/** A file name part from free text: "Barnet sex1 2024/25" → "barnet-sex1-2024-25". */
export function fileSlug(...parts: readonly string[]): string {
  return parts.join('-').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

/**
 * Saves `text` as `filename` (a `text/csv` Blob with a byte-order mark so Excel reads UTF-8).
 * `root` is where the temporary link is placed (a shadow root keeps the page's DOM untouched).
 */
export function downloadCsv(filename: string, text: string, root: Node & ParentNode = document.body): void {
  const blob = new Blob(['\ufeff', text], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  root.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export interface CsvDownloadOptions {
  /** Button text, e.g. "Download this data (CSV)". */
  readonly label: string;
  /** File name, e.g. `core-barnet-sex1-2024-25.csv`. */
  readonly filename: string;
  /** Builds the CSV text when the button is pressed. */
  readonly csv: () => string;
}

/** A secondary button that downloads the CSV (styled by `controlStyles` in controls.ts). */
export function renderCsvDownload(options: CsvDownloadOptions): TemplateResult {
  const onClick = (event: Event) => {
    const root = (event.currentTarget as HTMLElement).getRootNode();
    downloadCsv(options.filename, options.csv(), root instanceof ShadowRoot ? root : document.body);
  };
  return html`<button type="button" class="core-button core-button--secondary core-download" part="download" @click=${onClick}>${options.label}</button>`;
}
