import { css, html, LitElement } from 'lit';
import type { LayerInfo } from '../api';
import { OSM_SOURCE, summariseSources } from '../content/data-source';
import { type Lang, t } from '../content/messages';

/**
 * <jb-about>: where the data comes from — the OpenStreetMap extract, its date and licence —
 * and every layer's sources and confidence, so nobody mistakes a sketch for a survey.
 */
export class JbAbout extends LitElement {
  static override properties = { lang: { type: String }, available: { attribute: false }, split: { attribute: false } };

  static override styles = css`
    h2 { font-size: 1rem; margin: 0 0 6px; }
    h3 { font-size: 0.92rem; margin: 12px 0 4px; }
    p { font-size: 0.86em; color: #455a64; }
    .osm { background: #f1f8e9; border-left: 4px solid #2e7d32; padding: 6px 10px; border-radius: 4px; }
    .osm p { margin: 4px 0; color: #263238; }
    a { color: #0d47a1; }
    dl { margin: 0; }
    dt { font-weight: 600; margin-top: 10px; }
    dd { margin: 2px 0 0; font-size: 0.84em; color: #455a64; overflow-wrap: anywhere; }
    .conf span { display: inline-block; margin-right: 8px; }
    .low { color: #b23c00; }
  `;

  declare lang: Lang;
  declare available: LayerInfo[];
  /** Per layer, its features inside the district and outside it (sites serving it from beyond). */
  declare split: Record<string, { inside: number; outside: number }>;

  constructor() {
    super();
    this.lang = 'zh';
    this.available = [];
    this.split = {};
  }

  override render() {
    const lang = this.lang;
    return html`
      <h2>${t(lang, 'aboutTitle')}</h2>
      <section class="osm">
        <h3>${t(lang, 'osmTitle')}</h3>
        <p>${t(lang, 'osmCredit', { date: OSM_SOURCE.date })}</p>
        <p>${t(lang, 'osmLicence', { licence: OSM_SOURCE.licence })}
          <a href=${OSM_SOURCE.licenceUrl} target="_blank" rel="noopener">${t(lang, 'osmLicenceLink')}</a> ·
          <a href=${OSM_SOURCE.copyrightUrl} target="_blank" rel="noopener">${t(lang, 'osmCopyrightLink')}</a></p>
      </section>
      <p>${t(lang, 'aboutIntro')}</p>
      <dl>
        ${this.available.map((l) => {
          const { osm, other, more } = summariseSources(l.sources);
          const split = this.split[l.id];
          return html`<dt>${lang === 'zh' ? l.title_zh : l.title_en} <small>(${l.count})</small></dt>
            ${split?.outside ? html`<dd class="split" data-layer=${l.id}>${t(lang, 'aboutCountSplit', split)}</dd>` : null}
            ${osm ? html`<dd class="osm-count">${t(lang, 'aboutSource')}: ${t(lang, 'aboutOsmObjects', { n: osm })}</dd>` : null}
            ${other.map((s) => html`<dd>${t(lang, 'aboutSource')}: ${s}</dd>`)}
            ${more ? html`<dd class="more">${t(lang, 'aboutMoreSources', { n: more })}</dd>` : null}
            <dd class="conf">${t(lang, 'aboutConfidence')}:
              ${(['high', 'medium', 'low'] as const)
                .filter((k) => l.confidence[k] > 0)
                .map((k) => html`<span class=${k}>${t(lang, `confidence_${k}`)} × ${l.confidence[k]}</span>`)}
            </dd>`;
        })}
      </dl>
    `;
  }
}

customElements.define('jb-about', JbAbout);

declare global {
  interface HTMLElementTagNameMap {
    'jb-about': JbAbout;
  }
}
