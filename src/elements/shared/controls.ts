/**
 * GOV.UK form controls for any element that lets a reader choose what it shows, generic over
 * the manifest (no element-specific knowledge):
 *
 * - `renderSelect(control)`: a labelled GOV.UK select, flat or grouped (`<optgroup>`).
 * - option builders from the manifest: `periodOptions`, `logTypeOptions`, `fieldGroups`
 *   (questions grouped by form section) and `areaGroups` (LAs grouped by region, for the
 *   searchable picker in `combobox.ts` or a select).
 * - `controlStyles`: GOV.UK look for labels, selects, text inputs, buttons and the controls
 *   panel (`.core-controls`, part `controls`). Add it to the element's `static styles`.
 *
 * Every control is a real form control with a visible `<label>`, so it is keyboard-operable
 * and named for assistive technology without extra ARIA.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import type { DocumentIndex, FieldInfo, LogTypeId, Manifest } from '../../feed/types.js';

export interface SelectOption {
  readonly value: string;
  readonly label: string;
}

export interface SelectGroup {
  readonly label: string;
  readonly options: readonly SelectOption[];
}

export interface SelectControl {
  /** Unique within the shadow root; also the `name`. */
  readonly id: string;
  readonly label: string;
  readonly hint?: string;
  readonly value: string;
  /** Flat options, or … */
  readonly options?: readonly SelectOption[];
  /** … options grouped under `<optgroup>` labels. */
  readonly groups?: readonly SelectGroup[];
  readonly onChange: (value: string) => void;
}

const option = (o: SelectOption, value: string) => html`<option value=${o.value} .selected=${o.value === value}>${o.label}</option>`;

/** A GOV.UK select with its label (and hint). Fires `onChange` with the new value. */
export function renderSelect(c: SelectControl): TemplateResult {
  const hintId = `${c.id}-hint`;
  return html`<div class="core-form-group">
    <label class="core-label" for=${c.id}>${c.label}</label>
    ${c.hint ? html`<div class="core-hint" id=${hintId}>${c.hint}</div>` : nothing}
    <select class="core-select" id=${c.id} name=${c.id} aria-describedby=${c.hint ? hintId : nothing}
      @change=${(e: Event) => c.onChange((e.target as HTMLSelectElement).value)}>
      ${c.groups
        ? c.groups.map((g) => html`<optgroup label=${g.label}>${g.options.map((o) => option(o, c.value))}</optgroup>`)
        : (c.options ?? []).map((o) => option(o, c.value))}
    </select>
  </div>`;
}

/** A select option for a period, log type or field. */
const optionOf = (item: { id: string; label: string }): SelectOption => ({ value: item.id, label: item.label });

/** The kinds of document listed by field in an index (`report` aside). */
type DocumentKind = 'la' | 'national' | 'summary' | 'crosstab';

/**
 * Periods with documents of `kind` (`la` for LA analysis, `crosstab`), latest first. Year-to-date
 * snapshots, for which a feed built by `core-feed` publishes logs by area and national tables
 * only, are left out.
 */
export function periodOptions(manifest: Manifest, kind: DocumentKind): SelectOption[] {
  return manifest.periods
    .filter((p) => Object.values(manifest.documents[p.id] ?? {}).some((index) => index[kind][0]))
    .sort((a, b) => b.year.localeCompare(a.year) || b.quarters - a.quarters)
    .map(optionOf);
}

/**
 * Log types with documents of `kind` in `period` (all of the manifest's when `period` is ''): a
 * thin log type, which has no LA tables or crosstabs, is not offered.
 */
export function logTypeOptions(manifest: Manifest, period: string, kind: DocumentKind): SelectOption[] {
  return manifest.logTypes.filter((t) => !period || manifest.documents[period]?.[t.id]?.[kind][0]).map(optionOf);
}

export interface FieldFilter {
  readonly period: string;
  readonly logType: LogTypeId;
  /** Which document kinds make a field eligible (e.g. `['la', 'summary']` for LA analysis). */
  readonly documents: readonly DocumentKind[];
  /** Exclude fields (e.g. one already chosen for the other axis). */
  readonly exclude?: (field: FieldInfo) => boolean;
}

/** The documents index of (period, log type), if the feed has one. */
export function documentIndex(manifest: Manifest, period: string, logType: string): DocumentIndex | undefined {
  return manifest.documents[period]?.[logType as LogTypeId];
}

/** Fields that have one of `filter.documents` for (period, log type), grouped by form section in catalogue order. */
export function fieldGroups(manifest: Manifest, filter: FieldFilter): SelectGroup[] {
  const index = documentIndex(manifest, filter.period, filter.logType);
  if (!index) return [];
  const available = new Set(filter.documents.flatMap((kind) => index[kind]));
  const groups = new Map<string, SelectOption[]>();
  for (const f of manifest.fields) {
    if (!available.has(f.id) || filter.exclude?.(f)) continue;
    const list = groups.get(f.section) ?? [];
    list.push(optionOf(f));
    groups.set(f.section, list);
  }
  return [...groups].map(([label, options]) => ({ label, options }));
}

/** Local authorities grouped by region (regions and LAs in alphabetical order). */
export function areaGroups(manifest: Manifest): SelectGroup[] {
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'en-GB');
  return [...manifest.geography.regions]
    .sort(byName)
    .map((r) => ({
      label: r.name,
      options: manifest.geography.las.filter((la) => la.region === r.code).sort(byName).map((la) => ({ value: la.code, label: la.name })),
    }))
    .filter((g) => g.options.length > 0);
}

const focus = css`
  outline: 3px solid var(--core-focus-colour, var(--govuk-focus-colour, #ffdd00));
  outline-offset: 0;
  box-shadow: inset 0 0 0 2px;
`;

/** GOV.UK look for the controls, the buttons and the controls panel. */
export const controlStyles = css`
  .core-controls {
    display: flex;
    flex-wrap: wrap;
    gap: 0 1.5em;
    align-items: flex-start;
    margin: 0 0 1.5em;
    padding: 1em 1em 0;
    background: var(--core-panel-colour, #f3f2f1);
  }
  .core-controls > * {
    flex: 1 1 14em;
    min-width: 0;
  }
  .core-form-group {
    margin: 0 0 1em;
  }
  .core-label {
    display: block;
    margin: 0 0 0.3em;
    font-weight: 700;
  }
  .core-hint {
    margin: 0 0 0.3em;
    color: var(--core-secondary-text-colour, var(--govuk-secondary-text-colour, #484949));
  }
  .core-select,
  .core-input {
    box-sizing: border-box;
    width: 100%;
    max-width: 100%;
    min-height: 2.5em;
    padding: 0.3em;
    border: 2px solid var(--core-input-border-colour, var(--govuk-input-border-colour, #0b0c0c));
    border-radius: 0;
    background: #fff;
    color: inherit;
    font: inherit;
  }
  .core-select:focus,
  .core-input:focus {
    ${focus}
  }
  .core-button {
    display: inline-block;
    margin: 0 0.75em 1em 0;
    padding: 0.45em 0.6em 0.35em;
    border: 2px solid transparent;
    border-radius: 0;
    font: inherit;
    line-height: 1.2;
    text-align: center;
    cursor: pointer;
    color: #fff;
    background: var(--core-button-colour, var(--govuk-button-background-colour, #00703c));
    box-shadow: 0 2px 0 var(--core-button-shadow-colour, #002d18);
  }
  .core-button--secondary {
    color: var(--core-text-colour, var(--govuk-text-colour, #0b0c0c));
    background: var(--core-secondary-button-colour, #f3f2f1);
    box-shadow: 0 2px 0 #929191;
  }
  .core-button:hover {
    filter: brightness(0.92);
  }
  .core-button:focus-visible,
  .core-button[aria-pressed]:focus-visible {
    outline: 3px solid transparent;
    color: var(--core-focus-text-colour, var(--govuk-focus-text-colour, #0b0c0c));
    background: var(--core-focus-colour, var(--govuk-focus-colour, #ffdd00));
    box-shadow: 0 2px 0 var(--core-focus-text-colour, var(--govuk-focus-text-colour, #0b0c0c));
    filter: none;
  }
`;
