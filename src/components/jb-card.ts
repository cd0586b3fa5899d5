import type { Geometry } from 'geojson';
import { css, html, LitElement } from 'lit';
import { TIERS } from '../../domain/tiers';
import type { AreaRates, Tier } from '../api';
import { OSM_SOURCE, osmParts, sourceKind } from '../content/data-source';
import { addMessages, type Lang, t } from '../content/messages';
import { en } from '../content/messages/en/card';
import { zh } from '../content/messages/zh/card';
import { TIER_LABEL } from '../content/targets';
import { emit } from '../events';
import { formatNumber } from '../geo';
import { NARROW } from '../layout';

// The card's own strings come with it, not with the page.
addMessages({ zh, en });

export interface CardFeature {
  group: string;
  properties: Record<string, unknown>;
  /** Land area in km² where the geometry is a polygon. */
  areaKm2?: number;
  geometry?: Geometry;
}

/**
 * <jb-card>: what the plan wants at a clicked zone, core, belt, green space, sports ground or
 * station, its area, its coverage, and where the data come from (an OSM object links to its
 * page). A described, unnamed place and a site outside the district say so. All user-visible
 * data is rendered as text.
 * Event: `close`.
 */
export class JbCard extends LitElement {
  static override properties = { lang: { type: String }, feature: { attribute: false }, rates: { attribute: false } };

  static override styles = css`
    :host { display: block; position: absolute; z-index: 3; right: 56px; top: 12px; width: min(340px, calc(100% - 80px));
      background: #fff; border-radius: 8px; box-shadow: 0 2px 10px rgb(0 0 0 / 0.3); padding: 12px 14px; font-size: 14px; color: #263238; }
    h2 { margin: 0 32px 4px 0; font-size: 1.1rem; }
    .close { position: absolute; right: 6px; top: 6px; border: 0; background: none; font-size: 22px; width: 40px; height: 40px; cursor: pointer; }
    .close:focus-visible { outline: 3px solid #1565c0; }
    dl { display: grid; grid-template-columns: auto 1fr; gap: 4px 10px; margin: 8px 0 0; font-size: 0.9em; }
    dt { color: #607d8b; }
    dd { margin: 0; overflow-wrap: anywhere; }
    .schematic { color: #b23c00; font-size: 0.85em; }
    .hint { color: #546e7a; font-size: 0.85em; margin: 2px 0; }
    a { color: #0d47a1; }
    p { margin: 6px 0; line-height: 1.45; }
    @media ${NARROW} { :host { left: 8px; right: 8px; width: auto; top: 8px; } }
  `;

  declare lang: Lang;
  declare feature: CardFeature | undefined;
  declare rates: AreaRates | undefined;

  constructor() {
    super();
    this.lang = 'zh';
  }

  /**
   * The feature's source: the geodata writes it in English, so the Chinese page says in Chinese
   * what kind of source it is (OSM objects still linked) and keeps the original text folded away.
   */
  private renderSource(source: string) {
    const lang = this.lang;
    const links = osmParts(source).map((x) =>
      typeof x === 'string'
        ? x
        : html`<a href=${OSM_SOURCE.objectUrl(x.type, x.id)} target="_blank" rel="noopener" title=${t(lang, 'cardOsmLink')}>${x.text}</a>`,
    );
    if (lang !== 'zh') return links;
    const objects = osmParts(source).filter((x) => typeof x !== 'string');
    return html`<span class="said" data-kind=${sourceKind(source)}>${t(lang, `source_${sourceKind(source)}`)}</span>
      ${objects.length ? html`<span class="objects">${objects.map((x) => html` <a href=${OSM_SOURCE.objectUrl(x.type, x.id)} target="_blank" rel="noopener" title=${t(lang, 'cardOsmLink')}>${x.text}</a>`)}</span>` : null}
      <details><summary>${t(lang, 'sourceOriginal')}</summary><span lang="en">${links}</span></details>`;
  }

  override render() {
    const f = this.feature;
    if (!f) return null;
    const lang = this.lang;
    const p = f.properties;
    const str = (k: string) => (typeof p[k] === 'string' ? (p[k] as string) : '');
    const name = str(`name_${lang}`) || str('name_zh');
    const summary = str(`summary_${lang}`);
    const conf = str('confidence');
    const areaHa = typeof p.area_ha === 'number' ? p.area_ha : undefined;
    const schematic = p.schematic === true || p.schematic === 'true';
    const source = str('source');
    const kind = f.group === 'stations' && str('kind') ? t(lang, `placeKind_${str('kind')}` as 'placeKind_metro') : '';
    return html`
      <button class="close" aria-label=${t(lang, 'close')} @click=${() => emit(this, 'close')}>×</button>
      <h2>${name}</h2>
      ${schematic ? html`<div class="schematic">${t(lang, 'cardSchematic')}</div>` : null}
      ${p.unnamed === true ? html`<p class="hint unnamed">${t(lang, 'cardUnnamed')}</p>` : null}
      ${p.outside === true && (f.group === 'greenspaces' || f.group === 'sports') ? html`<p class="hint outside">${t(lang, 'cardOutside')}</p>` : null}
      ${f.group === 'sports' ? html`<p class="hint sports">${t(lang, 'cardSports')}</p>` : null}
      ${summary ? html`<p><strong>${t(lang, 'cardPlan')}:</strong> ${summary}</p>` : null}
      <dl>
        ${kind ? html`<dt>${t(lang, 'cardKind')}</dt><dd>${kind}</dd>` : null}
        ${p.tier && f.group !== 'sports' ? html`<dt>${t(lang, 'tierCol')}</dt><dd>${t(lang, TIER_LABEL[p.tier as Tier] ?? 'tierLeisure')}</dd>` : null}
        ${
          areaHa !== undefined
            ? html`<dt>${t(lang, 'cardArea')}</dt><dd>${t(lang, 'ha', { v: formatNumber(areaHa, lang) })}</dd>`
            : f.areaKm2
              ? html`<dt>${t(lang, 'cardArea')}</dt><dd>${t(lang, 'approx')} ${t(lang, 'km2', { v: formatNumber(f.areaKm2, lang) })}</dd>`
              : null
        }
        ${
          this.rates
            ? TIERS.map((tier) => {
                const r = this.rates!.tiers.find((x) => x.tier === tier);
                return r && r.total_km2 > 0
                  ? html`<dt>${t(lang, 'cardCoverage', { tier: `${r.radius_m} m` })}</dt><dd data-tier=${tier}>${formatNumber(r.coverage_pct, lang)}%</dd>`
                  : null;
              })
            : null
        }
        ${source ? html`<dt>${t(lang, 'cardSource')}</dt><dd class="source">${this.renderSource(source)}</dd>` : null}
        ${conf ? html`<dt>${t(lang, 'cardConfidence')}</dt><dd>${t(lang, `confidence_${conf}` as 'confidence_low')}</dd>` : null}
      </dl>
    `;
  }
}

customElements.define('jb-card', JbCard);

declare global {
  interface HTMLElementTagNameMap {
    'jb-card': JbCard;
  }
}
