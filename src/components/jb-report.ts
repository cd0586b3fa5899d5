import { css, html, LitElement } from 'lit';
import { TIERS } from '../../domain/tiers';
import type { Coverage, LayerInfo } from '../api';
import { OSM_SOURCE, sourceKind, summariseSources } from '../content/data-source';
import { type GroupId, LAYER_GROUPS } from '../content/layer-groups';
import { addMessages, type Lang, t } from '../content/messages';
import { en as cardEn } from '../content/messages/en/card';
import { zh as cardZh } from '../content/messages/zh/card';
import { TARGETS, TIER_LABEL } from '../content/targets';
import { emit } from '../events';
import { formatDelta, formatNumber } from '../geo';
import { type LegendNames, swatchText } from '../state/legend-text';
import { swatch } from './swatch';

// The card's strings say what kind each source is: the report says its sources the same way.
addMessages({ zh: cardZh, en: cardEn });

/**
 * <jb-report>: a printable one-page A4 report — the map, its legend, rates against the
 * national targets (today beside the scenario, when there is one), the per-zone table, the
 * data sources (the OpenStreetMap extract, its date and licence first) and the date. Event: `close`.
 */
export class JbReport extends LitElement {
  static override properties = {
    lang: { type: String },
    image: { type: String },
    coverage: { attribute: false },
    baseline: { attribute: false },
    visible: { attribute: false },
    layers: { attribute: false },
    names: { attribute: false },
    scenarioName: { type: String },
    sports: { type: Boolean },
  };

  static override styles = css`
    :host { position: absolute; inset: 0; z-index: 10; background: #eceff1; overflow: auto; color: #263238; font-size: 11px; }
    .tools { position: sticky; top: 0; display: flex; gap: 8px; padding: 10px; background: #fff; box-shadow: 0 1px 4px rgb(0 0 0 / 0.2); }
    button { font: inherit; font-size: 14px; min-height: 40px; padding: 4px 14px; cursor: pointer; }
    /* The A4 text block (210 mm less 2 × 10 mm margins): on screen as on paper. */
    .page { background: #fff; width: 190mm; max-width: calc(100% - 24px); margin: 16px auto; padding: 8mm; box-sizing: content-box; }
    h1 { font-size: 16px; margin: 0 0 1mm; }
    .meta { color: #607d8b; margin-bottom: 2mm; }
    img { display: block; width: 100%; border: 1px solid #cfd8dc; box-sizing: border-box; }
    .cols { display: grid; grid-template-columns: 1fr 1.5fr; gap: 4mm; margin-top: 2mm; }
    .legend { columns: 2; column-gap: 3mm; }
    .legend span { display: flex; align-items: center; gap: 4px; margin: 0 0 1px; break-inside: avoid; font-size: 10px; }
    .swatch { flex: none; }
    table { width: 100%; border-collapse: collapse; font-variant-numeric: tabular-nums; }
    th, td { text-align: right; padding: 1px 3px; border-bottom: 1px solid #eceff1; white-space: nowrap; }
    th:first-child, td:first-child { text-align: left; white-space: normal; }
    .up { color: #1b5e20; font-weight: 600; }
    .down { color: #b23c00; font-weight: 600; }
    h2 { font-size: 12px; margin: 2mm 0 1mm; }
    .sources { font-size: 8.5px; color: #455a64; columns: 2; column-gap: 4mm; }
    .sources p, .sources div { margin: 0 0 1px; break-inside: avoid; }
    @page { size: A4; margin: 10mm; }
    @media print {
      :host { position: static; background: none; overflow: visible; }
      .tools { display: none; }
      .page { width: auto; max-width: none; margin: 0; padding: 0; }
    }
  `;

  declare lang: Lang;
  declare image: string;
  declare coverage: Coverage | undefined;
  /** Today's coverage, when `coverage` is a scenario's: shown beside it. */
  declare baseline: Coverage | undefined;
  declare visible: Set<GroupId>;
  declare layers: LayerInfo[];
  /** Layer titles and zone names from the geodata. */
  declare names: LegendNames;
  declare scenarioName: string;
  /** Sports grounds were counted as leisure spaces. */
  declare sports: boolean;

  constructor() {
    super();
    this.lang = 'zh';
    this.image = '';
    this.visible = new Set();
    this.layers = [];
    this.names = new Map();
    this.scenarioName = '';
    this.sports = false;
  }

  private change(d: number) {
    return html`<td class=${d > 0.05 ? 'up' : d < -0.05 ? 'down' : ''}>${t(this.lang, 'ppValue', { v: formatDelta(d, this.lang, 1) })}</td>`;
  }

  override render() {
    const lang = this.lang;
    const c = this.coverage;
    const b = this.baseline;
    return html`
      <div class="tools">
        <button @click=${() => print()}>${t(lang, 'reportPrint')}</button>
        <button @click=${() => emit(this, 'close')}>${t(lang, 'close')}</button>
      </div>
      <article class="page">
        <h1>${t(lang, 'reportTitle')}</h1>
        <div class="meta">${t(lang, 'reportDate')}: ${new Date().toLocaleDateString(lang === 'zh' ? 'zh-CN' : 'en-GB')}
          ${this.scenarioName ? html` · ${t(lang, 'planScenario')}: ${this.scenarioName}` : null}
          ${c ? html` · ${t(lang, c.mode === 'walk' ? 'modeWalk' : 'modeRadius')} · ${t(lang, c.people ? 'coverageOfPeople' : 'coverageOf')}` : null}
          ${this.sports ? html` · ${t(lang, 'sportsCounted')}` : null}</div>
        ${this.image ? html`<img src=${this.image} alt=${t(lang, 'mapLabel')} />` : null}
        <div class="cols">
          <div class="legend">
            <h2>${t(lang, 'legendTitle')}</h2>
            ${LAYER_GROUPS.filter((g) => this.visible.has(g.id)).flatMap((g) =>
              g.legend.map((s) => html`<span>${swatch(s)}${swatchText(s, g, lang, this.names)}</span>`),
            )}
          </div>
          <div>
            ${
              c
                ? html`<h2>${t(lang, 'coverageTitle')}</h2>
                  <table class="tiers">
                    <tr><th>${t(lang, 'tierCol')}</th><th>${t(lang, 'radiusCol')}</th>${b ? html`<th>${t(lang, 'planBaseline')}</th><th>${t(lang, 'planScenarioCol')}</th><th>${t(lang, 'planChange')}</th>` : html`<th>${t(lang, 'rateCol')}</th>`}<th>${t(lang, 'targetCol')}</th></tr>
                    ${TIERS.map((tier) => {
                      const r = c.tiers.find((x) => x.tier === tier);
                      const before = b?.tiers.find((x) => x.tier === tier);
                      return r
                        ? html`<tr data-tier=${tier}><td>${t(lang, TIER_LABEL[tier])}</td><td>${r.radius_m} m</td>
                        ${before ? html`<td class="baseline">${formatNumber(before.coverage_pct, lang)}%</td>` : null}
                        <td class="rate">${formatNumber(r.coverage_pct, lang)}%</td>
                        ${before ? this.change(r.coverage_pct - before.coverage_pct) : null}
                        <td>&gt;${TARGETS[tier].pct}% · ${t(lang, r.coverage_pct > TARGETS[tier].pct ? 'meets' : 'below')}</td></tr>`
                        : null;
                    })}
                  </table>
                  <h2>${t(lang, 'areasTitle')}</h2>
                  <table class="areas">
                    <tr><th>${t(lang, 'areaCol')}</th>${TIERS.map((tier) => html`<th>${c.radii[tier]} m</th>`)}</tr>
                    ${c.areas
                      .filter((a) => a.kind !== 'district')
                      .map((a) => {
                        const before = b?.areas.find((x) => x.id === a.id);
                        return html`<tr><td>${lang === 'zh' ? a.name_zh : a.name_en}</td>${TIERS.map((tier) => {
                          const r = a.tiers.find((x) => x.tier === tier);
                          if (!r || r.total_km2 === 0) return html`<td>–</td>`;
                          const was = before?.tiers.find((x) => x.tier === tier)?.coverage_pct;
                          const d = was === undefined ? 0 : r.coverage_pct - was;
                          return html`<td>${formatNumber(r.coverage_pct, lang, 0)}%${Math.abs(d) >= 0.5 ? html` <span class=${d > 0 ? 'up' : 'down'}>${formatDelta(d, lang, 0)}</span>` : null}</td>`;
                        })}</tr>`;
                      })}
                  </table>`
                : null
            }
          </div>
        </div>
        <h2>${t(lang, 'reportSources')}</h2>
        <div class="sources">
          <p class="osm">${t(lang, 'osmCredit', { date: OSM_SOURCE.date })} ${t(lang, 'osmLicence', { licence: OSM_SOURCE.licence })}
            ${OSM_SOURCE.licenceUrl}</p>
          ${this.layers.map((l) => {
            const { osm, other, more } = summariseSources(l.sources, 2);
            // The geodata writes its sources in English: the Chinese report says what kind each is.
            const said = new Set(other.map((x) => (lang === 'zh' && sourceKind(x) !== 'other' ? t(lang, `source_${sourceKind(x)}`) : x)));
            const list = [...(osm ? [t(lang, 'aboutOsmObjects', { n: osm })] : []), ...said, ...(more ? [t(lang, 'aboutMoreSources', { n: more })] : [])];
            return html`<div><b>${lang === 'zh' ? l.title_zh : l.title_en}</b>: ${list.join('; ')}</div>`;
          })}
        </div>
      </article>
    `;
  }
}

customElements.define('jb-report', JbReport);

declare global {
  interface HTMLElementTagNameMap {
    'jb-report': JbReport;
  }
}
