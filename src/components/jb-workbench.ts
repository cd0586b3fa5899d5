import { html, LitElement } from 'lit';
import { TIERS } from '../../domain/tiers';
import type { Coverage, Mode, Tier } from '../api';
import { type Lang, t } from '../content/messages';
import { TIER_LABEL } from '../content/targets';
import { failureText, features, problemText } from '../content/upload-text';
import { emit } from '../events';
import { formatDelta, formatNumber } from '../geo';
import type { Crs, PlannerAction, Tool } from '../state/planner';
import type { Scenario, StoreProblem } from '../state/scenario';
import type { SiteNote } from '../state/site-checks';
import { type Suggestion, suggestionLabel } from '../state/suggestions';
import type { UploadReport } from '../state/upload';
import { peopleChange } from './jb-workbench.people';
import { styles } from './jb-workbench.styles';

/**
 * <jb-workbench>: the planner's what-if panel. Everything it shows comes down as properties;
 * every action goes up as one `wb` event whose detail is a `PlannerAction` (`{ action, ...args }`,
 * see state/planner.ts), which jb-app runs against the WorkbenchController.
 */
export class JbWorkbench extends LitElement {
  static override properties = {
    lang: { type: String },
    scenario: { attribute: false },
    scenarios: { attribute: false },
    baseline: { attribute: false },
    result: { attribute: false },
    suggestions: { attribute: false },
    upload: { attribute: false },
    busy: { type: Boolean },
    suggesting: { type: Boolean },
    error: { type: String },
    saveError: { type: String },
    storeProblems: { attribute: false },
    persistent: { type: Boolean },
    tool: { type: String },
    newTier: { type: String },
    draftCount: { type: Number },
    lastUpdateMs: { type: Number },
    baseCount: { type: Number },
    baseFrom: { type: String },
    uploadedCount: { type: Number },
    names: { attribute: false },
    mode: { type: String },
    notes: { attribute: false },
  };

  static override styles = styles;

  declare lang: Lang;
  declare scenario: Scenario;
  declare scenarios: Scenario[];
  declare baseline: Coverage | undefined;
  declare result: Coverage | undefined;
  declare suggestions: Suggestion[];
  declare upload: UploadReport | undefined;
  declare busy: boolean;
  declare suggesting: boolean;
  declare error: string;
  declare saveError: string;
  declare storeProblems: StoreProblem[];
  declare persistent: boolean;
  declare tool: Tool;
  declare newTier: Tier;
  declare draftCount: number;
  declare lastUpdateMs: number | undefined;
  declare baseCount: number;
  /** What the scenario starts from: the shipped green spaces, with the upload added, or the upload alone. */
  declare baseFrom: 'shipped' | 'add' | 'replace';
  declare uploadedCount: number;
  /** Names of base green spaces by id, for the closures list. */
  declare names: Map<string, string>;
  /** The page's distance mode (suggestions are chosen by straight-line distance whatever it is). */
  declare mode: Mode;
  /** What to tell the planner about a proposal (outside the district, no built-up land near), by id. */
  declare notes: Map<string, SiteNote>;
  private crs: Crs = 'WGS84';

  constructor() {
    super();
    this.lang = 'zh';
    this.scenarios = [];
    this.suggestions = [];
    this.busy = this.suggesting = false;
    this.error = this.saveError = '';
    this.storeProblems = [];
    this.persistent = true;
    this.tool = 'none';
    this.newTier = 'leisure';
    this.draftCount = 0;
    this.baseCount = 0;
    this.baseFrom = 'shipped';
    this.uploadedCount = 0;
    this.names = new Map();
    this.mode = 'radius';
    this.notes = new Map();
  }

  private act(a: PlannerAction) {
    emit(this, 'wb', a);
  }

  private pp(v: number) {
    return formatDelta(v, this.lang, 1);
  }

  private readFile(e: Event, action: 'import' | 'upload') {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file) this.act({ action, file, crs: this.crs });
  }

  private onDrop(e: DragEvent) {
    e.preventDefault();
    (e.currentTarget as HTMLElement).classList.remove('over');
    const file = e.dataTransfer?.files?.[0];
    if (file) this.act({ action: 'upload', file, crs: this.crs });
  }

  override render() {
    const lang = this.lang;
    const s = this.scenario;
    if (!s) return null;
    return html`
      <h2>${t(lang, 'planTitle')}</h2>
      ${this.renderScenarioBar()}
      ${this.renderTools()}
      ${this.renderSites()}
      ${this.renderResults()}
      ${this.renderSuggest()}
      ${this.renderData()}
      ${this.renderExports()}
    `;
  }

  private renderScenarioBar() {
    const lang = this.lang;
    const s = this.scenario;
    return html`
      <div class="row">
        <label class="muted" for="sc">${t(lang, 'planScenario')}</label>
        <select id="sc" @change=${(e: Event) => this.act({ action: 'select', id: (e.target as HTMLSelectElement).value })}>
          ${this.scenarios.map((x) => html`<option value=${x.id} ?selected=${x.id === s.id}>${x.name}</option>`)}
        </select>
      </div>
      <div class="row">
        <input type="text" aria-label=${t(lang, 'planName')} .value=${s.name} @change=${(e: Event) => this.act({ action: 'rename', name: (e.target as HTMLInputElement).value })} />
      </div>
      <div class="row">
        <button @click=${() => this.act({ action: 'new' })}>${t(lang, 'planNew')}</button>
        <button @click=${() => this.act({ action: 'duplicate' })}>${t(lang, 'planDuplicate')}</button>
        <button @click=${() => this.act({ action: 'delete' })}>${t(lang, 'planDelete')}</button>
        <button @click=${() => this.act({ action: 'export' })}>${t(lang, 'planExport')}</button>
        <label><button @click=${(e: Event) => ((e.currentTarget as HTMLElement).nextElementSibling as HTMLInputElement).click()}>${t(lang, 'planImport')}</button><input
          type="file" accept=".geojson,.json,application/geo+json,application/json" hidden class="import" @change=${(e: Event) => this.readFile(e, 'import')} /></label>
      </div>
      <p class="muted">${this.persistent ? t(lang, 'planSaved') : ''}</p>
      ${!this.persistent ? html`<p class="warn" role="alert">${t(lang, 'planNotPersistent')}</p>` : null}
      ${this.saveError ? html`<p class="err" role="alert">${t(lang, 'planQuota')}</p>` : null}
      ${this.storeProblems.length ? html`<p class="warn" role="alert">${t(lang, 'planCorrupt', { n: this.storeProblems.length })}</p>` : null}
      ${this.error ? html`<p class="err" role="alert">${this.error}</p>` : null}
    `;
  }

  private renderTools() {
    const lang = this.lang;
    const tools: [Tool, 'planToolNone' | 'planToolAdd' | 'planToolDraw' | 'planToolClose'][] = [
      ['none', 'planToolNone'],
      ['add', 'planToolAdd'],
      ['draw', 'planToolDraw'],
      ['close', 'planToolClose'],
    ];
    return html`
      <h3>${t(lang, 'planTools')}</h3>
      <fieldset>
        ${tools.map(([id, label]) => html`<label><input type="radio" name="tool" value=${id} .checked=${this.tool === id} @change=${() => this.act({ action: 'tool', tool: id })} />${t(lang, label)}</label>`)}
      </fieldset>
      <div class="row">
        <label class="muted" for="tier">${t(lang, 'planNewTier')}</label>
        <select id="tier" @change=${(e: Event) => this.act({ action: 'tier', tier: (e.target as HTMLSelectElement).value as Tier })}>
          ${TIERS.map((tier) => html`<option value=${tier} ?selected=${tier === this.newTier}>${t(lang, TIER_LABEL[tier])}</option>`)}
        </select>
      </div>
      ${
        this.tool === 'draw'
          ? html`<p class="muted">${t(lang, 'planDraftHint', { n: this.draftCount })}</p>
            <div class="row">
              <button class="primary" ?disabled=${this.draftCount < 3} @click=${() => this.act({ action: 'finish-draft' })}>${t(lang, 'planDraftFinish')}</button>
              <button @click=${() => this.act({ action: 'cancel-draft' })}>${t(lang, 'planDraftCancel')}</button>
            </div>`
          : null
      }
    `;
  }

  private renderSites() {
    const lang = this.lang;
    const s = this.scenario;
    return html`
      <h3>${t(lang, 'planProposals')} (${s.proposals.length})</h3>
      ${s.proposals.length === 0 ? html`<p class="muted">${t(lang, 'planNoProposals')}</p>` : null}
      <ul class="proposals">
        ${s.proposals.map((p) => {
          const note = this.notes.get(p.id);
          return html`<li data-id=${p.id}><span class="swatch"></span><span class="grow">${p.name} · ${t(lang, TIER_LABEL[p.tier])}${p.geometry.type === 'Polygon' ? ' ▱' : ''}</span>
            <button @click=${() => this.act({ action: 'delete-proposal', id: p.id })}>${t(lang, 'planRemove')}</button>
            ${
              note
                ? html`<p class="note warn" data-note=${note}>${
                    note === 'outside' ? t(lang, 'planSiteOutside', { name: p.name }) : t(lang, 'planSiteNoBuiltup', { name: p.name, m: s.radii[p.tier] })
                  }</p>`
                : null
            }</li>`;
        })}
      </ul>
      ${
        s.closures.length
          ? html`<h3>${t(lang, 'planClosures')} (${s.closures.length})</h3>
            <ul class="closures">
              ${s.closures.map((id) => html`<li><span class="grow">${this.names.get(id) ?? id}</span><button @click=${() => this.act({ action: 'toggle-closure', id })}>${t(lang, 'planRestore')}</button></li>`)}
            </ul>`
          : null
      }
    `;
  }

  private renderResults() {
    const lang = this.lang;
    const r = this.result;
    const b = this.baseline;
    return html`
      <h3>${t(lang, 'planResults')} ${this.busy ? html`<span class="muted" role="status">${t(lang, 'analysing')}</span>` : this.lastUpdateMs !== undefined && r ? html`<span class="muted">${t(lang, 'planUpdateMs', { ms: Math.round(this.lastUpdateMs) })}</span>` : null}</h3>
      ${
        !r || !b
          ? html`<p class="muted">${t(lang, 'planNoChanges')}</p>`
          : html`
            <table class="diff">
              <thead><tr><th>${t(lang, 'tierCol')}</th><th>${t(lang, 'planBaseline')}</th><th>${t(lang, 'planScenarioCol')}</th><th>${t(lang, 'planChange')}</th><th>${t(lang, 'planNewlyCovered')}</th></tr></thead>
              <tbody>
                ${TIERS.map((tier) => {
                  const now = r.tiers.find((x) => x.tier === tier);
                  const before = b.tiers.find((x) => x.tier === tier);
                  if (!now || !before) return null;
                  const d = now.coverage_pct - before.coverage_pct;
                  return html`<tr data-tier=${tier}>
                    <td title=${t(lang, TIER_LABEL[tier])}>${now.radius_m} m</td>
                    <td>${formatNumber(before.coverage_pct, lang)}%</td>
                    <td class="rate">${formatNumber(now.coverage_pct, lang)}%</td>
                    <td class=${d > 0.05 ? 'up' : d < -0.05 ? 'down' : ''} data-pp=${d.toFixed(3)}>${t(lang, 'ppValue', { v: this.pp(d) })}</td>
                    <td class="km2">${t(lang, 'km2Value', { v: formatDelta(now.covered_km2 - before.covered_km2, lang, 2) })}</td>
                  </tr>`;
                })}
              </tbody>
            </table>
            ${r.people ? peopleChange(this.lang, r, b) : null}
            <table class="areas">
              <thead><tr><th>${t(lang, 'areaCol')}</th>${TIERS.map((tier) => html`<th>${r.radii[tier]} m</th>`)}</tr></thead>
              <tbody>
                ${r.areas
                  .filter((a) => a.kind !== 'district')
                  .map((a) => {
                    const before = b.areas.find((x) => x.id === a.id);
                    return html`<tr><td>${lang === 'zh' ? a.name_zh : a.name_en}</td>
                    ${TIERS.map((tier) => {
                      if ((a.tiers.find((x) => x.tier === tier)?.total_km2 ?? 0) === 0) return html`<td>–</td>`;
                      const now = a.tiers.find((x) => x.tier === tier)?.coverage_pct ?? 0;
                      const d = now - (before?.tiers.find((x) => x.tier === tier)?.coverage_pct ?? now);
                      return html`<td>${formatNumber(now, lang, 0)}%${Math.abs(d) >= 0.05 ? html` <span class=${d > 0 ? 'up' : 'down'}>${this.pp(d)}</span>` : null}</td>`;
                    })}</tr>`;
                  })}
              </tbody>
            </table>`
      }
    `;
  }

  /** People served, before and after (with a population; the baseline counted with it too). */
  private renderSuggest() {
    const lang = this.lang;
    return html`
      <h3>${t(lang, 'planSuggestTitle')}</h3>
      <div class="row">
        <label class="muted" for="n">${t(lang, 'planSuggestCount')}</label>
        <input id="n" type="number" min="1" max="20" value="5" />
        <button class="primary suggest" ?disabled=${this.suggesting}
          @click=${() => this.act({ action: 'suggest', count: Math.max(1, Math.min(20, Number(this.renderRoot.querySelector<HTMLInputElement>('#n')!.value) || 5)) })}>
          ${t(lang, this.suggesting ? 'planSuggesting' : 'planSuggest')}</button>
      </div>
      ${this.mode === 'walk' ? html`<p class="muted walk-note">${t(lang, 'planSuggestStraight')}</p>` : null}
      ${
        this.suggestions.length
          ? html`<p class="muted">${t(lang, 'planSuggestOnMap', { m: this.scenario.radii.leisure })}</p>
            <div class="row"><button class="primary accept-all" @click=${() => this.act({ action: 'accept-all' })}>${t(lang, 'planAcceptAll', {
              pp: formatNumber(
                this.suggestions.reduce((sum, x) => sum + x.gain_pp, 0),
                lang,
                1,
              ),
            })}</button></div>`
          : null
      }
      <ol class="suggestions">
        ${this.suggestions.map(
          (
            x,
          ) => html`<li data-rank=${x.rank} data-gain-pp=${x.gain_pp}><span class="letter">${suggestionLabel(x.rank)}</span><span class="grow">${t(lang, 'planGain', { km2: formatNumber(x.gain_km2, lang, 2), pp: formatNumber(x.gain_pp, lang, 2) })}${x.gain_people !== undefined ? html`; ${t(lang, 'planGainPeople', { n: formatNumber(x.gain_people, lang, 0), pp: formatNumber(x.gain_people_pp ?? 0, lang, 2) })}` : null}</span>
            <button class="accept" @click=${() => this.act({ action: 'accept', rank: x.rank })}>${t(lang, 'planAccept')}</button>
            <button @click=${() => this.act({ action: 'dismiss', rank: x.rank })}>${t(lang, 'planDismiss')}</button></li>`,
        )}
      </ol>
    `;
  }

  private renderData() {
    const lang = this.lang;
    const u = this.upload;
    return html`
      <h3>${t(lang, 'planDataTitle')}</h3>
      <div class="row">
        <label class="muted" for="crs">${t(lang, 'planDataCrs')}</label>
        <select id="crs" @change=${(e: Event) => (this.crs = (e.target as HTMLSelectElement).value as Crs)}>
          <option value="WGS84">${t(lang, 'planDataWgs')}</option>
          <option value="GCJ02">${t(lang, 'planDataGcj')}</option>
        </select>
      </div>
      <label class="drop" @dragover=${(e: DragEvent) => {
        e.preventDefault();
        (e.currentTarget as HTMLElement).classList.add('over');
      }}
        @dragleave=${(e: DragEvent) => (e.currentTarget as HTMLElement).classList.remove('over')} @drop=${this.onDrop}>
        ${t(lang, 'planDataPick')}
        <input type="file" class="upload" accept=".geojson,.json,application/geo+json,application/json" @change=${(e: Event) => this.readFile(e, 'upload')} />
      </label>
      ${
        u?.progress !== undefined && !u.valid && !u.failed
          ? html`<p role="status">${t(lang, 'planDataChecking', { pct: Math.round((u.progress ?? 0) * 100) })}</p><progress max="1" .value=${u.progress ?? 0}></progress>`
          : null
      }
      ${u?.failed ? html`<p class="err" role="alert">${t(lang, 'planDataFailed', { file: u.fileName, message: failureText(lang, u.failed) })}</p>` : null}
      ${
        u?.valid
          ? html`<p class="report" role="status">${t(lang, 'planDataReport', { file: u.fileName, valid: features(lang, u.valid.features.length), bad: u.problems.length })}</p>
            ${u.problems.length ? html`<ul class="problems">${u.problems.map((p) => html`<li data-index=${p.index}>${problemText(lang, p)}</li>`)}</ul>` : null}
            <div class="row">
              <button class="primary add-upload" ?disabled=${u.valid.features.length === 0} @click=${() => this.act({ action: 'use-upload', how: 'add' })}>${t(lang, 'planDataAdd')}</button>
              <button class="use-upload" ?disabled=${u.valid.features.length === 0} @click=${() => this.act({ action: 'use-upload', how: 'replace' })}>${t(lang, 'planDataReplace')}</button>
            </div>`
          : null
      }
      ${
        this.baseFrom !== 'shipped'
          ? html`<p class="warn in-use" data-from=${this.baseFrom}>${t(lang, this.baseFrom === 'add' ? 'planDataInUseAdd' : 'planDataInUseReplace', { n: this.uploadedCount })}</p>
            <button @click=${() => this.act({ action: 'use-shipped' })}>${t(lang, 'planDataShipped')}</button>`
          : null
      }
    `;
  }

  private renderExports() {
    const lang = this.lang;
    return html`
      <h3>${t(lang, 'planExports')}</h3>
      <div class="row">
        <button data-export="rings" @click=${() => this.act({ action: 'export-rings' })}>${t(lang, 'planExportRings')}</button>
        <button data-export="gaps" @click=${() => this.act({ action: 'export-gaps' })}>${t(lang, 'planExportGaps')}</button>
        <button data-export="csv" @click=${() => this.act({ action: 'export-csv' })}>${t(lang, 'planExportCsv')}</button>
        <button data-export="png" @click=${() => this.act({ action: 'export-png' })}>${t(lang, 'planExportPng')}</button>
        <button data-export="report" @click=${() => this.act({ action: 'report' })}>${t(lang, 'planReport')}</button>
      </div>
    `;
  }
}

customElements.define('jb-workbench', JbWorkbench);

declare global {
  interface HTMLElementTagNameMap {
    'jb-workbench': JbWorkbench;
  }
}
