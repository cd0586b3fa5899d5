import { css, html, LitElement } from 'lit';
import type { PeopleSummary } from '../api';
import { type Lang, t } from '../content/messages';
import { emit } from '../events';
import { formatNumber } from '../geo';
import type { PopulationCrs } from '../population/parse-csv';
import type { PreparedPopulation } from '../population/prepare';

/**
 * <jb-population>: the Plan tab's population loader. The planner picks a GeoTIFF, CSV or
 * GeoJSON and says where it comes from and of when; the page shows that as given, the totals,
 * how much of the built-up land it covers and every problem found.
 * Events: `population-load` (PopulationLoad), `population-clear`.
 */
export class JbPopulation extends LitElement {
  static override properties = {
    lang: { type: String },
    prepared: { attribute: false },
    people: { attribute: false },
    fileName: { type: String },
    checking: { type: Boolean },
    error: { type: String },
    fields: { attribute: false },
  };

  static override styles = css`
    :host { display: block; font-size: 14px; margin-top: 14px; }
    h3 { font-size: 0.92rem; margin: 14px 0 6px; color: #37474f; }
    .row { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; margin: 4px 0; }
    select, input[type='text'] { font: inherit; min-height: 34px; padding: 2px 6px; border: 1px solid #90a4ae; border-radius: 6px; }
    input[type='text'] { flex: 1; min-width: 8em; }
    button { font: inherit; min-height: 34px; padding: 2px 10px; border: 1px solid #90a4ae; border-radius: 6px; background: #fff; cursor: pointer; }
    button.primary { background: #2e7d32; color: #fff; border-color: #2e7d32; }
    button:focus-visible, input:focus-visible, select:focus-visible { outline: 3px solid #1565c0; outline-offset: 2px; }
    .muted { color: #78909c; font-size: 0.85em; }
    .warn { background: #fff3e0; border-left: 4px solid #ef6c00; padding: 8px; border-radius: 4px; margin: 6px 0; }
    .err { background: #ffebee; border-left: 4px solid #c62828; padding: 8px; border-radius: 4px; margin: 6px 0; }
    .problems { max-height: 10em; overflow: auto; font-size: 0.85em; margin: 4px 0; padding-left: 1.2em; }
  `;

  declare lang: Lang;
  declare prepared: PreparedPopulation | undefined;
  /** What the server counted of it (from the rates answered with it). */
  declare people: PeopleSummary | undefined;
  declare fileName: string;
  declare checking: boolean;
  declare error: string;
  declare fields: string[] | undefined;
  private file?: File;

  constructor() {
    super();
    this.lang = 'zh';
    this.fileName = this.error = '';
    this.checking = false;
  }

  private value(sel: string): string {
    return this.renderRoot.querySelector<HTMLInputElement | HTMLSelectElement>(sel)?.value ?? '';
  }

  private load() {
    if (!this.file) return;
    emit(this, 'population-load', {
      file: this.file,
      crs: this.value('#pop-crs') as PopulationCrs,
      field: this.value('#pop-field'),
      source: this.value('#pop-source'),
      date: this.value('#pop-date'),
    });
  }

  override render() {
    const lang = this.lang;
    const p = this.prepared;
    return html`
      <h3>${t(lang, 'popTitle')}</h3>
      <p class="muted">${t(lang, 'popIntro')}</p>
      <div class="row"><label class="muted" for="pop-file">${t(lang, 'popFile')}</label></div>
      <div class="row"><input id="pop-file" type="file" class="population" accept=".tif,.tiff,.csv,.txt,.geojson,.json" @change=${(e: Event) => {
        this.file = (e.target as HTMLInputElement).files?.[0];
        this.fields = undefined;
      }} /></div>
      <div class="row">
        <label class="muted" for="pop-crs">${t(lang, 'popCrs')}</label>
        <select id="pop-crs"><option value="WGS84">${t(lang, 'planDataWgs')}</option><option value="GCJ02">${t(lang, 'planDataGcj')}</option></select>
      </div>
      <div class="row">
        <label class="muted" for="pop-field">${t(lang, this.fields ? 'popFieldPick' : 'popField')}</label>
        ${
          this.fields
            ? html`<select id="pop-field">${this.fields.map((f) => html`<option value=${f}>${f}</option>`)}</select>`
            : html`<input id="pop-field" type="text" placeholder="population" />`
        }
      </div>
      <div class="row"><label class="muted" for="pop-source">${t(lang, 'popSource')}</label><input id="pop-source" type="text" /></div>
      <div class="row"><label class="muted" for="pop-date">${t(lang, 'popDate')}</label><input id="pop-date" type="text" /></div>
      <div class="row">
        <button class="primary load-population" ?disabled=${this.checking} @click=${() => this.load()}>${t(lang, 'popLoad')}</button>
        ${p ? html`<button class="clear-population" @click=${() => emit(this, 'population-clear')}>${t(lang, 'popClear')}</button>` : null}
      </div>
      ${this.checking ? html`<p role="status">${t(lang, 'popChecking')}</p>` : null}
      ${this.error ? html`<p class="err" role="alert">${t(lang, 'popFailed', { file: this.fileName, message: this.error })}</p>` : null}
      ${p ? this.renderLoaded(p) : null}
    `;
  }

  private renderLoaded(p: PreparedPopulation) {
    const lang = this.lang;
    const n = (v: number) => formatNumber(v, lang, 0);
    const s = this.people;
    return html`<div class="loaded">
      <p class="report" role="status">${t(lang, 'popLoaded', { file: this.fileName, crs: p.crs, total: n(p.total), items: n(p.items), bad: n(p.badItems) })}</p>
      ${
        s
          ? html`<p class="summary">${t(lang, 'popSummary', { source: s.source ?? t(lang, 'popNotGiven'), date: s.date ?? t(lang, 'popNotGiven'), given: n(s.given), total: n(s.total), outside: n(s.outside) })}</p>
            <p class="extent">${t(lang, 'popExtent', { pct: formatNumber(s.extent_builtup_pct, lang, 1) })}</p>
            ${s.extent_builtup_pct < 99.5 ? html`<p class="warn">${t(lang, 'popPartial')}</p>` : null}`
          : null
      }
      ${
        p.problems.length
          ? html`<ul class="problems">${p.problems.map((x) => html`<li>${t(lang, 'popProblem', { where: x.where, message: x.message })}</li>`)}</ul>
            ${p.badItems > p.problems.length ? html`<p class="muted">${t(lang, 'popMoreProblems', { n: p.badItems - p.problems.length })}</p>` : null}`
          : null
      }
    </div>`;
  }
}

customElements.define('jb-population', JbPopulation);

declare global {
  interface HTMLElementTagNameMap {
    'jb-population': JbPopulation;
  }
}
