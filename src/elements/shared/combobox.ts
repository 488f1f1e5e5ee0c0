/**
 * A searchable picker: an editable combobox with a grouped listbox popup and list autocomplete
 * (WAI-ARIA APG "Editable Combobox With List Autocomplete"), for long lists such as ~300 local
 * authorities grouped by region. Generic: any options with an optional group.
 *
 * Keyboard: typing filters (by option or group label) and opens the list; Down / Up move the
 * active option (Alt+Down opens without moving); Enter chooses it; Escape closes the list, or
 * clears the text when it is closed; Tab leaves (the text reverts to the chosen option's label).
 * The number of matches is announced through a polite live region.
 *
 * Use from a LitElement: keep one `Combobox` per picker (`new Combobox(this, { id, label,
 * onSelect })`), set `options` and `value`, and put `picker.render()` in the template.
 * Styles: `comboboxStyles` (plus `controlStyles` from controls.ts for the label and input).
 */
import { css, html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

export interface ComboboxOption {
  readonly value: string;
  readonly label: string;
  /** Group heading (e.g. the region). Options of one group must be adjacent. */
  readonly group?: string;
}

export interface ComboboxConfig {
  /** Unique within the shadow root: the input's id; the listbox and options derive theirs from it. */
  readonly id: string;
  readonly label: string;
  readonly hint?: string;
  /** Accessible name of the list, e.g. "Local authorities". */
  readonly listLabel?: string;
  /** "{count} results available" style announcement; `count` is filled in. */
  readonly resultsMessage?: (count: number) => string;
  readonly onSelect: (value: string) => void;
}

const normalise = (s: string) => s.toLocaleLowerCase('en-GB').normalize('NFD').replace(/[\u0300-\u036f]/g, '').trim();

/** Options whose label (or group) contains `query`, case- and accent-insensitively. */
export function filterOptions(options: readonly ComboboxOption[], query: string): ComboboxOption[] {
  const q = normalise(query);
  if (!q) return [...options];
  return options.filter((o) => normalise(o.label).includes(q) || (o.group !== undefined && normalise(o.group).includes(q)));
}

export class Combobox implements ReactiveController {
  options: readonly ComboboxOption[] = [];
  /** The chosen option's value. */
  value = '';
  private query: string | undefined; // undefined: not editing, the input shows the chosen label
  private open = false;
  private active = -1;
  private filtered: ComboboxOption[] = [];

  constructor(private readonly host: ReactiveControllerHost & HTMLElement, private readonly config: ComboboxConfig) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostUpdated(): void {
    if (!this.open || this.active < 0) return;
    const el = this.host.shadowRoot?.getElementById(this.optionId(this.active));
    el?.scrollIntoView?.({ block: 'nearest' });
  }

  private optionId(i: number): string {
    return `${this.config.id}-option-${i}`;
  }

  private labelOf(value: string): string {
    return this.options.find((o) => o.value === value)?.label ?? '';
  }

  private setOpen(open: boolean, active = -1): void {
    this.open = open;
    this.active = open ? active : -1;
    if (open) this.filtered = filterOptions(this.options, this.query ?? '');
    this.host.requestUpdate();
  }

  private choose(option: ComboboxOption | undefined): void {
    this.query = undefined;
    this.setOpen(false);
    if (option && option.value !== this.value) {
      this.value = option.value;
      this.config.onSelect(option.value);
    }
  }

  private onInput = (e: Event): void => {
    this.query = (e.target as HTMLInputElement).value;
    this.setOpen(true, -1);
  };

  private onKeydown = (e: KeyboardEvent): void => {
    const n = this.open ? this.filtered.length : 0;
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (!this.open) this.setOpen(true, e.altKey ? -1 : Math.max(0, this.filteredIndexOfValue()));
        else if (n > 0) this.setOpen(true, (this.active + 1) % n);
        break;
      case 'ArrowUp':
        e.preventDefault();
        if (!this.open) this.setOpen(true, Math.max(0, this.filteredIndexOfValue()));
        else if (n > 0) this.setOpen(true, this.active <= 0 ? n - 1 : this.active - 1);
        break;
      case 'Enter':
        if (this.open && this.active >= 0) {
          e.preventDefault();
          this.choose(this.filtered[this.active]);
        } else if (this.open && this.filtered.length === 1) {
          e.preventDefault();
          this.choose(this.filtered[0]);
        }
        break;
      case 'Escape':
        if (this.open) {
          e.preventDefault();
          this.setOpen(false);
        } else if (this.query !== '') {
          e.preventDefault();
          this.query = '';
          this.host.requestUpdate();
        }
        break;
      default:
    }
  };

  private filteredIndexOfValue(): number {
    this.filtered = filterOptions(this.options, this.query ?? '');
    return this.filtered.findIndex((o) => o.value === this.value);
  }

  private onBlur = (): void => {
    // Leaving without choosing: revert to the chosen option's label.
    this.query = undefined;
    this.setOpen(false);
  };

  render(): TemplateResult {
    const { id, label, hint } = this.config;
    const listId = `${id}-listbox`;
    const hintId = `${id}-hint`;
    const text = this.query ?? this.labelOf(this.value);
    const count = this.filtered.length;
    const announce = this.open ? (this.config.resultsMessage?.(count) ?? `${count} results available`) : '';
    return html`<div class="core-form-group core-combobox">
      <label class="core-label" for=${id}>${label}</label>
      ${hint ? html`<div class="core-hint" id=${hintId}>${hint}</div>` : nothing}
      <div class="core-combobox__wrap">
        <input class="core-input core-combobox__input" id=${id} type="text" role="combobox" autocomplete="off"
          spellcheck="false" aria-autocomplete="list" aria-expanded=${this.open ? 'true' : 'false'} aria-controls=${listId}
          aria-describedby=${hint ? hintId : nothing}
          aria-activedescendant=${this.open && this.active >= 0 ? this.optionId(this.active) : nothing}
          .value=${text} @input=${this.onInput} @keydown=${this.onKeydown} @blur=${this.onBlur}
          @click=${() => { if (!this.open) this.setOpen(true, -1); }} />
        <div class="core-combobox__list" id=${listId} role="listbox" aria-label=${this.config.listLabel ?? label} ?hidden=${!this.open}>
          ${this.open ? this.renderOptions() : nothing}
        </div>
      </div>
      <div class="core-visually-hidden" role="status" aria-live="polite">${announce}</div>
    </div>`;
  }

  private renderOptions(): TemplateResult[] {
    const out: TemplateResult[] = [];
    let i = 0;
    while (i < this.filtered.length) {
      const group = this.filtered[i]!.group;
      const start = i;
      while (i < this.filtered.length && this.filtered[i]!.group === group) i++;
      const items = this.filtered.slice(start, i).map((o, k) => this.renderOption(o, start + k));
      if (group === undefined) out.push(...items);
      else {
        const gid = `${this.config.id}-group-${start}`;
        out.push(html`<div role="group" aria-labelledby=${gid}><div class="core-combobox__group" id=${gid} role="presentation">${group}</div>${items}</div>`);
      }
    }
    if (this.filtered.length === 0) out.push(html`<div class="core-combobox__none">${this.config.resultsMessage?.(0) ?? 'No results found'}</div>`);
    return out;
  }

  private renderOption(o: ComboboxOption, i: number): TemplateResult {
    const active = i === this.active;
    return html`<div class="core-combobox__option ${active ? 'core-combobox__option--active' : ''}" role="option" id=${this.optionId(i)}
      aria-selected=${o.value === this.value ? 'true' : 'false'}
      @mousedown=${(e: Event) => e.preventDefault()} @click=${() => this.choose(o)}>${o.label}</div>`;
  }
}

export const comboboxStyles = css`
  .core-combobox__wrap {
    position: relative;
  }
  .core-combobox__list {
    position: absolute;
    z-index: 10;
    left: 0;
    right: 0;
    max-height: 18em;
    overflow-y: auto;
    margin: 0;
    border: 2px solid var(--core-input-border-colour, var(--govuk-input-border-colour, #0b0c0c));
    border-top: 0;
    background: #fff;
  }
  .core-combobox__list[hidden] {
    display: none;
  }
  .core-combobox__group {
    padding: 0.4em 0.5em 0.2em;
    font-weight: 700;
    font-size: 0.875em;
    color: var(--core-secondary-text-colour, var(--govuk-secondary-text-colour, #484949));
    background: #f3f2f1;
  }
  .core-combobox__option,
  .core-combobox__none {
    padding: 0.4em 0.5em;
    cursor: pointer;
    border-bottom: 1px solid #f3f2f1;
  }
  .core-combobox__option[aria-selected='true'] {
    font-weight: 700;
  }
  .core-combobox__option:hover,
  .core-combobox__option--active {
    color: #fff;
    background: var(--core-link-colour, var(--govuk-link-colour, #1d70b8));
    outline: 3px solid transparent;
  }
`;
