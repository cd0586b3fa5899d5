import type { MultiPolygon } from 'geojson';
import { css, html, LitElement } from 'lit';
import { bboxOf } from '../../domain/geo';
import type { GapPieceProperties, GapPieces, Tier } from '../api';
import { type Lang, t } from '../content/messages';
import { emit } from '../events';
import { formatNumber } from '../geo';

/**
 * <jb-pieces>: the selected tier's top gap pieces (uncovered built-up land in pieces of at
 * most 1 km², ranked by unserved people when a population is loaded, else by area), each
 * named by the nearest station or landmark. A click flies the map to the piece and offers
 * its suggested site, which goes to the Plan tab.
 * Events: `gap-select` (bbox), `piece-add` ({ tier, lngLat, name }).
 */
export class JbPieces extends LitElement {
  static override properties = {
    lang: { type: String },
    pieces: { attribute: false },
    chosen: { state: true },
  };

  static override styles = css`
    :host { display: block; }
    h3 { font-size: 0.92rem; margin: 14px 0 6px; }
    .sub { color: #607d8b; font-size: 0.82em; margin: 0 0 8px; }
    ol { margin: 0; padding-left: 1.4em; }
    li { margin: 2px 0; }
    li > button { font: inherit; text-align: left; border: 0; background: none; padding: 6px 2px; cursor: pointer; color: #0d47a1; text-decoration: underline; min-height: 32px; }
    li[aria-current='true'] > button { font-weight: 600; }
    .site { margin: 2px 0 8px; font-size: 0.86em; color: #37474f; }
    .site button { font: inherit; margin-top: 4px; min-height: 32px; padding: 2px 10px; border: 1px solid #2e7d32; border-radius: 6px; background: #2e7d32; color: #fff; cursor: pointer; }
    button:focus-visible { outline: 3px solid #1565c0; outline-offset: 2px; }
  `;

  declare lang: Lang;
  declare pieces: GapPieces | undefined;
  /** The rank of the piece last clicked. */
  declare chosen: number | undefined;

  constructor() {
    super();
    this.lang = 'zh';
  }

  override willUpdate(changed: Map<string, unknown>) {
    // A new list (another tier, mode or population): nothing is chosen in it yet.
    if (changed.has('pieces')) this.chosen = undefined;
  }

  private label(p: GapPieceProperties): string {
    const lang = this.lang;
    const near = p.near ? (lang === 'zh' ? p.near.name_zh : p.near.name_en) || p.near.name_zh : t(lang, 'pieceUnnamed');
    const zone = p.zone ? t(lang, 'pieceZone', { zone: lang === 'zh' ? p.zone.name_zh : p.zone.name_en }) : '';
    const people = p.people !== null ? t(lang, 'piecePeople', { n: formatNumber(p.people, lang, 0) }) : '';
    return `${t(lang, 'pieceItem', { near, area: formatNumber(p.area_km2, lang, 2) })}${people}${zone}`;
  }

  override render() {
    const lang = this.lang;
    const features = this.pieces?.features ?? [];
    const byPeople = features.some((f) => f.properties.people !== null);
    return html`
      <h3>${t(lang, 'piecesTitle')}</h3>
      <p class="sub">${t(lang, 'piecesIntro', { by: t(lang, byPeople ? 'piecesByPeople' : 'piecesByArea') })}</p>
      ${
        features.length === 0
          ? html`<p class="sub">${t(lang, 'piecesNone')}</p>`
          : html`<ol class="pieces">
            ${features.map((f) => {
              const p = f.properties;
              const chosen = this.chosen === p.rank;
              return html`<li data-rank=${p.rank} data-people=${p.people ?? ''} aria-current=${chosen ? 'true' : 'false'}>
                <button title=${t(lang, 'pieceGo')} @click=${() => this.choose(f.geometry, p.rank)}>${this.label(p)}</button>
                ${chosen && p.site ? this.renderSite(p) : null}
              </li>`;
            })}
          </ol>`
      }
    `;
  }

  private renderSite(p: GapPieceProperties) {
    const lang = this.lang;
    const s = p.site!;
    const people = s.gain_people !== undefined ? t(lang, 'pieceSitePeople', { n: formatNumber(s.gain_people, lang, 0) }) : '';
    const name = p.near ? (lang === 'zh' ? p.near.name_zh : p.near.name_en) || p.near.name_zh : `#${p.rank}`;
    return html`<div class="site" role="status">
      ${t(lang, 'pieceSite', { pct: formatNumber(s.closes_pct, lang, 0), km2: formatNumber(s.gain_km2, lang, 2) })}${people}
      <div><button class="add-site" @click=${() => emit(this, 'piece-add', { tier: p.tier as Tier, lngLat: [s.lon, s.lat], name })}>${t(lang, 'pieceAdd')}</button></div>
    </div>`;
  }

  private choose(geometry: MultiPolygon, rank: number) {
    this.chosen = rank;
    emit(this, 'gap-select', bboxOf(geometry));
  }
}

customElements.define('jb-pieces', JbPieces);

declare global {
  interface HTMLElementTagNameMap {
    'jb-pieces': JbPieces;
  }
}
