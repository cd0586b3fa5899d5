import type { FeatureCollection } from 'geojson';
import { css, html, LitElement, svg } from 'lit';
import { bboxOf } from '../../domain/geo';
import { TIERS } from '../../domain/tiers';
import type { AreaRates, Coverage, Mode, Tier } from '../api';
import { OSM_SOURCE } from '../content/data-source';
import { type Lang, type MessageKey, t } from '../content/messages';
import { PALETTE } from '../content/palette';
import { TARGETS, TIER_LABEL } from '../content/targets';
import { emit } from '../events';
import { formatNumber } from '../geo';
import type { Inventory } from '../state/inventory';

const KIND_LABEL: Record<AreaRates['kind'], MessageKey> = { district: 'kindDistrict', core: 'kindCore', zone: 'kindZone', belt: 'kindBelt' };

/**
 * <jb-coverage>: the district's rates against national targets, a small chart, the
 * per-zone/core table, the radius/walk switch, whether sports grounds count as leisure
 * spaces, how many green spaces the district has, and the largest gaps.
 * Events: `mode-change` (Mode), `sports-change` (boolean), `tier-change` (Tier), `gap-select` (bbox), `retry`.
 */
export class JbCoverage extends LitElement {
  static override properties = {
    lang: { type: String },
    coverage: { attribute: false },
    gaps: { attribute: false },
    mode: { type: String },
    tier: { type: String },
    loading: { type: Boolean },
    error: { type: String },
    sports: { type: Boolean },
    sportsAvailable: { type: Boolean },
    inventory: { attribute: false },
    sportsCount: { attribute: false },
    builtup: { attribute: false },
    scenario: { attribute: false },
  };

  static override styles = css`
    :host { display: block; }
    h2 { font-size: 1rem; margin: 0 0 6px; }
    h3 { font-size: 0.92rem; margin: 14px 0 6px; }
    .sub { color: #607d8b; font-size: 0.82em; margin: 0 0 8px; }
    fieldset { border: 0; padding: 0; margin: 0 0 10px; display: flex; flex-wrap: wrap; gap: 4px 12px; }
    legend { font-size: 0.82em; color: #607d8b; padding: 0; margin-bottom: 2px; }
    label { display: inline-flex; align-items: center; gap: 4px; min-height: 32px; cursor: pointer; }
    input:focus-visible, button:focus-visible { outline: 3px solid #1565c0; outline-offset: 2px; }
    table { width: 100%; border-collapse: collapse; font-size: 0.86em; font-variant-numeric: tabular-nums; }
    th, td { text-align: right; padding: 4px 4px; border-bottom: 1px solid #eceff1; }
    th { white-space: nowrap; }
    th:first-child, td:first-child { text-align: left; }
    .ok { color: #1b5e20; font-weight: 600; }
    .low { color: #b23c00; font-weight: 600; }
    .kind { color: #90a4ae; font-size: 0.85em; }
    ol { margin: 0; padding-left: 1.4em; }
    ol button { font: inherit; text-align: left; border: 0; background: none; padding: 6px 2px; cursor: pointer; color: #0d47a1; text-decoration: underline; min-height: 32px; }
    .status { padding: 8px; background: #fff8e1; border-radius: 6px; }
    .status[role='alert'] { background: #ffebee; }
    .status button { font: inherit; margin-left: 6px; }
    svg text { font-size: 11px; fill: #37474f; }
    .sports { display: flex; align-items: flex-start; gap: 6px; margin: 0 0 2px; }
    .sports input { margin-top: 3px; width: 18px; height: 18px; flex: none; }
    .note { color: #607d8b; font-size: 0.8em; margin: 0 0 10px 24px; }
    .mode-note { margin: -6px 0 10px; }
    .inventory { font-size: 0.84em; color: #455a64; margin: 8px 0 0; }
    .inventory p { margin: 2px 0; }
  `;

  declare lang: Lang;
  declare coverage: Coverage | undefined;
  declare gaps: FeatureCollection | undefined;
  declare mode: Mode;
  declare tier: Tier;
  declare loading: boolean;
  declare error: string;
  /** Sports grounds count as leisure spaces in the rates shown. */
  declare sports: boolean;
  /** The data has a sports layer (no toggle without one). */
  declare sportsAvailable: boolean;
  declare inventory: Inventory | undefined;
  declare sportsCount: { inside: number; outside: number } | undefined;
  /** The built-up land the rates are measured over (area, confidence). */
  declare builtup: { km2: number; confidence: string } | undefined;
  /** The planner's scenario when it changes anything: not what this tab shows, and it says so. */
  declare scenario: { name: string; upload: boolean } | undefined;

  constructor() {
    super();
    this.lang = 'zh';
    this.mode = 'radius';
    this.tier = 'leisure';
    this.loading = false;
    this.error = '';
    this.sports = false;
    this.sportsAvailable = false;
  }

  private pct(v: number) {
    return `${formatNumber(v, this.lang)}%`;
  }

  private chart(c: Coverage) {
    const w = 320,
      row = 26,
      h = row * 3 + 8,
      x0 = 92,
      span = w - x0 - 40;
    return html`<svg viewBox="0 0 ${w} ${h}" width="100%" role="img" aria-label=${t(this.lang, 'chartTitle')}>
      ${TIERS.map((tier, i) => {
        const r = c.tiers.find((x) => x.tier === tier);
        if (!r) return null;
        const y = 4 + i * row;
        const target = TARGETS[tier].pct;
        return svg`
          <text x="0" y=${y + 15}>${t(this.lang, `tierShort_${tier}`)}</text>
          <rect x=${x0} y=${y + 3} width=${span} height="16" fill="#eceff1"></rect>
          <rect x=${x0} y=${y + 3} width=${(span * Math.min(100, r.coverage_pct)) / 100} height="16" fill=${PALETTE.tiers[tier]}></rect>
          <line x1=${x0 + (span * target) / 100} x2=${x0 + (span * target) / 100} y1=${y} y2=${y + 22} stroke="#b23c00" stroke-width="2" stroke-dasharray="3 2"></line>
          <text x=${x0 + span + 4} y=${y + 15}>${Math.round(r.coverage_pct)}%</text>`;
      })}
    </svg>`;
  }

  override render() {
    const lang = this.lang;
    const c = this.coverage;
    return html`
      <h2>${t(lang, 'coverageTitle')}</h2>
      <fieldset>
        <legend>${t(lang, 'modeLabel')}</legend>
        ${(['radius', 'walk'] as const).map(
          (m) => html`<label><input type="radio" name="mode" value=${m} .checked=${this.mode === m}
            @change=${() => emit(this, 'mode-change', m)} />${t(lang, m === 'radius' ? 'modeRadius' : 'modeWalk')}</label>`,
        )}
      </fieldset>
      <p class="note mode-note">${t(lang, this.mode === 'walk' ? 'modeWalkNote' : 'modeRadiusNote')}</p>
      ${
        this.sportsAvailable
          ? html`<label class="sports"><input type="checkbox" name="sports" .checked=${this.sports}
              @change=${(e: Event) => emit(this, 'sports-change', (e.target as HTMLInputElement).checked)} />${t(lang, 'sportsToggle')}</label>
            <p class="note">${t(lang, 'sportsToggleNote')}</p>`
          : null
      }
      ${
        this.error
          ? html`<p class="status" role="alert">${t(lang, 'analysisFailed')}${this.error}<button @click=${() => emit(this, 'retry')}>${t(lang, 'retry')}</button></p>`
          : null
      }
      ${this.loading ? html`<p class="status" role="status">${t(lang, 'analysing')}</p>` : null}
      ${c ? this.renderResults(c) : null}
    `;
  }

  private renderResults(c: Coverage) {
    const lang = this.lang;
    const areas = c.areas.filter((a) => a.kind !== 'district');
    return html`
      <p class="sub data-for">${t(lang, 'dataFor', { date: OSM_SOURCE.date })}</p>
      ${this.scenario ? html`<p class="status scenario-note">${t(lang, 'scenarioNotHere', { name: this.scenario.name, upload: this.scenario.upload ? t(lang, 'scenarioNotHereUpload') : '' })}</p>` : null}
      ${
        c.people
          ? html`<p class="sub people-note">${t(lang, 'popByPeople', { total: formatNumber(c.people.total, lang, 0), source: c.people.source ?? t(lang, 'popNotGiven') })}</p>`
          : html`<p class="sub area-note">${t(lang, 'popByArea')}</p>`
      }
      <table class="tiers">
        <thead><tr><th>${t(lang, 'tierCol')}</th><th>${t(lang, 'radiusCol')}</th><th>${t(lang, 'rateCol')}</th>${c.people ? html`<th>${t(lang, 'peopleCol')}</th>` : null}<th>${t(lang, 'targetCol')}</th></tr></thead>
        <tbody>
          ${TIERS.map((tier) => {
            const r = c.tiers.find((x) => x.tier === tier);
            if (!r) return null;
            const target = TARGETS[tier];
            const ok = r.coverage_pct > target.pct;
            return html`<tr data-tier=${tier}>
              <td>${t(lang, TIER_LABEL[tier])}</td><td>${r.radius_m} m</td>
              <td class="rate">${this.pct(r.coverage_pct)}</td>
              ${r.people_pct !== undefined ? html`<td class="people" data-people-pct=${r.people_pct} title=${t(lang, 'peopleValue', { n: formatNumber(r.people_covered ?? 0, lang, 0) })}>${this.pct(r.people_pct)}</td>` : null}
              <td class=${ok ? 'ok' : 'low'} title=${t(lang, target.label)}>&gt;${target.pct}% · ${t(lang, ok ? 'meets' : 'below')}</td>
            </tr>`;
          })}
        </tbody>
      </table>
      ${this.renderBasis()}
      ${this.renderInventory()}
      <h3>${t(lang, 'chartTitle')}</h3>
      ${this.chart(c)}
      <h3>${t(lang, 'areasTitle')}</h3>
      <table class="areas">
        <thead><tr><th>${t(lang, 'areaCol')}</th>${TIERS.map((tier) => html`<th>${c.radii[tier]} m</th>`)}</tr></thead>
        <tbody>
          ${areas.map(
            (a) => html`<tr data-area=${a.id}>
              <td>${lang === 'zh' ? a.name_zh : a.name_en} <span class="kind">${t(lang, KIND_LABEL[a.kind])}</span></td>
              ${TIERS.map((tier) => {
                const r = a.tiers.find((x) => x.tier === tier);
                // No built-up land in the area (e.g. rural Wubao): a rate would mean nothing.
                const people = r?.people_total ? html`<br /><span class="kind" title=${t(lang, 'peopleCol')}>${this.pct(r.people_pct ?? 0)}</span>` : null;
                return html`<td class=${r && r.total_km2 > 0 && r.coverage_pct > TARGETS[tier].pct ? 'ok' : ''}>${r && r.total_km2 > 0 ? this.pct(r.coverage_pct) : '–'}${people}</td>`;
              })}
            </tr>`,
          )}
        </tbody>
      </table>
      ${this.renderGaps()}
    `;
  }

  /** What the rates rest on, beside them: how many sites, how sure the data is of them, and of the land measured. */
  private renderBasis() {
    const inv = this.inventory;
    const b = this.builtup;
    if (!inv || !b) return null;
    const { high, medium, low } = inv.confidence;
    const conf = (['high', 'medium', 'low'] as const).includes(b.confidence as 'low') ? t(this.lang, `conf_${b.confidence as 'low'}`) : b.confidence;
    return html`<p class="sub basis">${t(this.lang, 'basis', {
      sites: inv.tiers.leisure + inv.tiers.garden + inv.tiers.park,
      high,
      medium,
      low,
      outside: inv.outside,
      km2: formatNumber(b.km2, this.lang, 1),
      conf,
    })}</p>`;
  }

  /** How many sites the rates rest on: the district's own by tier, the outside ones apart. */
  private renderInventory() {
    const lang = this.lang;
    const inv = this.inventory;
    if (!inv) return null;
    const sc = this.sportsCount;
    return html`<div class="inventory">
      <p><strong>${t(lang, 'inventoryTitle')}:</strong> <span class="counts">${t(lang, 'inventoryLine', inv.tiers)}</span></p>
      ${inv.unnamed ? html`<p>${t(lang, 'inventoryUnnamed', { n: inv.unnamed })}</p>` : null}
      ${inv.outside ? html`<p class="outside">${t(lang, 'inventoryOutside', { n: inv.outside })}</p>` : null}
      ${this.sports && sc ? html`<p class="sports-count">${t(lang, 'inventorySports', { n: sc.inside, outside: sc.outside })}</p>` : null}
    </div>`;
  }

  private renderGaps() {
    const lang = this.lang;
    const gaps = (this.gaps?.features ?? []).slice(0, 8);
    return html`
      <h3>${t(lang, 'gapsTitle')}</h3>
      <fieldset>
        <legend>${t(lang, 'gapsTier')}</legend>
        ${TIERS.map(
          (tier) => html`<label><input type="radio" name="tier" value=${tier} .checked=${this.tier === tier}
            @change=${() => emit(this, 'tier-change', tier)} />${t(lang, `tierShort_${tier}`)}</label>`,
        )}
      </fieldset>
      ${
        gaps.length === 0
          ? html`<p class="sub">${t(lang, 'gapsNone')}</p>`
          : html`<ol class="gaps">
            ${gaps.map((f) => {
              const p = f.properties ?? {};
              const z = p.zone as { name_zh?: string; name_en?: string } | null | undefined;
              const zone = (lang === 'zh' ? z?.name_zh : z?.name_en) ?? t(lang, 'noZone');
              return html`<li><button title=${t(lang, 'gapGo')} @click=${() => emit(this, 'gap-select', bboxOf(f.geometry))}>
                ${t(lang, 'gapItem', { area: formatNumber(Number(p.area_km2 ?? 0), lang, 2), zone })}</button></li>`;
            })}
          </ol>`
      }
    `;
  }
}

customElements.define('jb-coverage', JbCoverage);

declare global {
  interface HTMLElementTagNameMap {
    'jb-coverage': JbCoverage;
  }
}
