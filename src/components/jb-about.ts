import type { FeatureCollection } from 'geojson';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import type { Coverage, LayerInfo, Tier } from '../api';
import { OSM_SOURCE, type SourceKind } from '../content/data-source';
import type { GroupId } from '../content/layer-groups';
import { addMessages, type Lang, t } from '../content/messages';
import { en } from '../content/messages/en/data-tab';
import { zh } from '../content/messages/zh/data-tab';
import { emit } from '../events';
import { type DataFacts, dataFacts } from '../state/data-facts';
import type { Inventory } from '../state/inventory';
import { renderLead } from './jb-about.lead';

// The tab's own strings come with it, not with the page.
addMessages({ zh, en });

const KINDS: SourceKind[] = ['osm', 'derived', 'boundary', 'hand-placed', 'other'];

/**
 * <jb-about>: first what the data's approximations mean for the rates and how to quote them,
 * then where the data comes from (the OpenStreetMap extract, its date and licence) and every
 * layer's sources and confidence, in the page's language, so nobody mistakes a sketch for a survey.
 * Event: `toggle-group` ({id: 'builtup', on}) from the lead's built-up land button.
 */
export class JbAbout extends LitElement {
  static override properties = {
    lang: { type: String },
    available: { attribute: false },
    split: { attribute: false },
    inventory: { attribute: false },
    builtup: { attribute: false },
    bundle: { attribute: false },
    coverage: { attribute: false },
    tier: { type: String },
    visible: { attribute: false },
  };

  static override styles = css`
    h2 { font-size: 1rem; margin: 0 0 6px; }
    h3 { font-size: 0.92rem; margin: 12px 0 4px; }
    p { font-size: 0.86em; color: #455a64; }
    .lead { background: #fff8e1; border-left: 4px solid #b26a00; padding: 4px 10px 8px; border-radius: 4px; margin-bottom: 12px; }
    .lead h3 { margin-top: 6px; }
    .lead ul { margin: 0; padding-left: 1.1em; }
    .lead li { font-size: 0.86em; color: #263238; margin: 6px 0; line-height: 1.45; }
    .lead strong { display: block; color: #7a4a00; }
    .lead .example { display: block; margin: 4px 0; padding-left: 8px; border-left: 3px solid #d7ccc8; color: #37474f; }
    .lead details p { margin: 4px 0; font-size: 0.95em; }
    .lead summary { cursor: pointer; color: #0d47a1; }
    button.show-builtup { display: block; margin: 6px 0 2px; min-height: 32px; padding: 4px 10px; border: 1px solid #8d6e63; border-radius: 4px; background: #efe6d6; cursor: pointer; font: inherit; }
    button.show-builtup[aria-pressed='true'] { background: #d9cbb3; }
    button.show-builtup:focus-visible, summary:focus-visible { outline: 3px solid #1565c0; outline-offset: 2px; }
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
  /** The district's green spaces by tier and confidence (the Coverage tab's figures). */
  declare inventory: Inventory | undefined;
  /** The built-up land the rates are measured over (the Coverage tab's figures). */
  declare builtup: { km2: number; confidence: string } | undefined;
  /** Every shipped layer in one collection (what the map draws): the data's limits are counted from it. */
  declare bundle: FeatureCollection | undefined;
  private facts?: DataFacts;
  /** Today's rates, for the example of how to quote one. */
  declare coverage: Coverage | undefined;
  declare tier: Tier;
  /** The layer groups shown on the map. */
  declare visible: ReadonlySet<GroupId>;

  constructor() {
    super();
    this.lang = 'zh';
    this.available = [];
    this.split = {};
    this.tier = 'leisure';
    this.visible = new Set();
  }

  override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('bundle')) this.facts = this.bundle ? dataFacts(this.bundle) : undefined;
  }

  override render() {
    const lang = this.lang;
    return html`
      <h2>${t(lang, 'aboutTitle')}</h2>
      ${renderLead(lang, {
        inventory: this.inventory,
        builtup: this.builtup,
        facts: this.facts,
        coverage: this.coverage,
        tier: this.tier,
        titles: new Map(this.available.map((l) => [l.id, lang === 'zh' ? l.title_zh : l.title_en])),
        builtupShown: this.visible.has('builtup'),
        toggleBuiltup: (on) => emit(this, 'toggle-group', { id: 'builtup', on }),
      })}
      <section class="osm">
        <h3>${t(lang, 'osmTitle')}</h3>
        <p>${t(lang, 'osmCredit', { date: OSM_SOURCE.date })}</p>
        <p>${t(lang, 'osmLicence', { licence: OSM_SOURCE.licence })}
          <a href=${OSM_SOURCE.licenceUrl} target="_blank" rel="noopener">${t(lang, 'osmLicenceLink')}</a> ·
          <a href=${OSM_SOURCE.copyrightUrl} target="_blank" rel="noopener">${t(lang, 'osmCopyrightLink')}</a></p>
      </section>
      <h3>${t(lang, 'layersTitle')}</h3>
      <p>${t(lang, 'aboutIntro')}</p>
      <dl>
        ${this.available.map((l) => {
          const split = this.split[l.id];
          const kinds = this.facts?.kinds[l.id] ?? {};
          const from = KINDS.filter((k) => kinds[k]).map((k) => t(lang, `kind_${k}`, { n: kinds[k]! }));
          return html`<dt data-layer=${l.id}>${lang === 'zh' ? l.title_zh : l.title_en} <small>(${l.count})</small></dt>
            ${split?.outside ? html`<dd class="split" data-layer=${l.id}>${t(lang, 'aboutCountSplit', split)}</dd>` : nothing}
            <dd class="about" data-layer=${l.id}>${lang === 'zh' ? l.about_zh : l.about_en}</dd>
            ${from.length ? html`<dd class="from" data-layer=${l.id}>${t(lang, 'aboutSource', { list: from.join(lang === 'zh' ? '；' : '; ') })}</dd>` : nothing}
            <dd class="conf">${t(lang, 'aboutConfidence')}
              ${(['high', 'medium', 'low'] as const)
                .filter((k) => l.confidence[k] > 0)
                .map((k) => html`<span class=${k}>${t(lang, `confidence_${k}`)} × ${l.confidence[k]}</span>`)}
            </dd>`;
        })}
      </dl>
      <p class="detail">${t(lang, 'aboutFeatureDetail')}</p>
    `;
  }
}

customElements.define('jb-about', JbAbout);

declare global {
  interface HTMLElementTagNameMap {
    'jb-about': JbAbout;
  }
}
