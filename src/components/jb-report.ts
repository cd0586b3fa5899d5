import { TIERS } from '../../domain/tiers';
import { LitElement, css, html } from 'lit';
import type { Coverage, LayerInfo, } from '../api';
import { formatNumber } from '../geo';
import { LAYER_GROUPS, type GroupId } from '../content/layer-groups';
import { t, type Lang } from '../content/messages';
import { TARGETS, TIER_LABEL } from '../content/targets';
import { OSM_SOURCE, summariseSources } from '../content/data-source';
import { emit } from '../events';
import { type LegendNames, swatchText } from '../state/legend-text';
import { swatch } from './swatch';


/**
 * <jb-report>: a printable one-page report — the map, its legend, rates against the
 * national targets, the per-zone table, the data sources (the OpenStreetMap extract, its date
 * and licence first) and the date. Event: `close`.
 */
export class JbReport extends LitElement {
  static override properties = {
    lang: { type: String },
    image: { type: String },
    coverage: { attribute: false },
    visible: { attribute: false },
    layers: { attribute: false },
    names: { attribute: false },
    scenarioName: { type: String },
    sports: { type: Boolean },
  };

  static override styles = css`
    :host { position: absolute; inset: 0; z-index: 10; background: #eceff1; overflow: auto; color: #263238; font-size: 12px; }
    .tools { position: sticky; top: 0; display: flex; gap: 8px; padding: 10px; background: #fff; box-shadow: 0 1px 4px rgb(0 0 0 / 0.2); }
    button { font: inherit; font-size: 14px; min-height: 40px; padding: 4px 14px; cursor: pointer; }
    .page { background: #fff; width: min(190mm, calc(100% - 24px)); margin: 16px auto; padding: 10mm; box-sizing: border-box; }
    h1 { font-size: 18px; margin: 0 0 2mm; }
    .meta { color: #607d8b; margin-bottom: 3mm; }
    img { width: 100%; border: 1px solid #cfd8dc; }
    .cols { display: grid; grid-template-columns: 1fr 1.4fr; gap: 5mm; margin-top: 3mm; }
    .legend span { display: flex; align-items: center; gap: 5px; margin: 1px 0; }
    table { width: 100%; border-collapse: collapse; font-variant-numeric: tabular-nums; }
    th, td { text-align: right; padding: 1px 3px; border-bottom: 1px solid #eceff1; }
    th:first-child, td:first-child { text-align: left; }
    h2 { font-size: 13px; margin: 3mm 0 1mm; }
    .sources { font-size: 10px; color: #455a64; }
    @media print {
      :host { position: static; background: none; overflow: visible; }
      .tools { display: none; }
      .page { width: auto; margin: 0; padding: 0; }
    }
  `;

  declare lang: Lang;
  declare image: string;
  declare coverage: Coverage | undefined;
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

  override render() {
    const lang = this.lang;
    const c = this.coverage;
    return html`
      <div class="tools">
        <button @click=${() => print()}>${t(lang, 'reportPrint')}</button>
        <button @click=${() => emit(this, 'close')}>${t(lang, 'close')}</button>
      </div>
      <article class="page">
        <h1>${t(lang, 'reportTitle')}</h1>
        <div class="meta">${t(lang, 'reportDate')}: ${new Date().toLocaleDateString(lang === 'zh' ? 'zh-CN' : 'en-GB')}
          ${this.scenarioName ? html` · ${t(lang, 'planScenario')}: ${this.scenarioName}` : null}
          ${c ? html` · ${t(lang, c.mode === 'walk' ? 'modeWalk' : 'modeRadius')} · ${t(lang, 'coverageOf')}` : null}
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
            ${c
              ? html`<h2>${t(lang, 'coverageTitle')}</h2>
                  <table class="tiers">
                    <tr><th>${t(lang, 'tierCol')}</th><th>${t(lang, 'radiusCol')}</th><th>${t(lang, 'rateCol')}</th><th>${t(lang, 'targetCol')}</th></tr>
                    ${TIERS.map((tier) => {
                      const r = c.tiers.find((x) => x.tier === tier);
                      return r ? html`<tr><td>${t(lang, TIER_LABEL[tier])}</td><td>${r.radius_m} m</td><td>${formatNumber(r.coverage_pct, lang)}%</td>
                        <td>&gt;${TARGETS[tier].pct}% · ${t(lang, r.coverage_pct > TARGETS[tier].pct ? 'meets' : 'below')}</td></tr>` : null;
                    })}
                  </table>
                  <h2>${t(lang, 'areasTitle')}</h2>
                  <table class="areas">
                    <tr><th>${t(lang, 'areaCol')}</th>${TIERS.map((tier) => html`<th>${c.radii[tier]} m</th>`)}</tr>
                    ${c.areas.filter((a) => a.kind !== 'district').map(
                      (a) => html`<tr><td>${lang === 'zh' ? a.name_zh : a.name_en}</td>${TIERS.map((tier) => html`<td>${formatNumber(a.tiers.find((x) => x.tier === tier)?.coverage_pct ?? 0, lang)}%</td>`)}</tr>`,
                    )}
                  </table>`
              : null}
          </div>
        </div>
        <h2>${t(lang, 'reportSources')}</h2>
        <div class="sources">
          <p class="osm">${t(lang, 'osmCredit', { date: OSM_SOURCE.date })} ${t(lang, 'osmLicence', { licence: OSM_SOURCE.licence })}
            ${OSM_SOURCE.licenceUrl}</p>
          ${this.layers.map((l) => {
            const { osm, other, more } = summariseSources(l.sources, 2);
            const list = [...(osm ? [t(lang, 'aboutOsmObjects', { n: osm })] : []), ...other, ...(more ? [t(lang, 'aboutMoreSources', { n: more })] : [])];
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
