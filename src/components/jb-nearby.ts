import { css, html, LitElement } from 'lit';
import { TIERS } from '../../domain/tiers';
import type { Mode, Nearest, NearestSite, NearestTier, Place, Tier } from '../api';
import { hasMessage, type Lang, type MessageKey, t } from '../content/messages';
import { TIER_LABEL } from '../content/targets';
import { emit } from '../events';
import { formatNumber } from '../geo';
import { navigateLinks } from '../state/navigate';
import { type Destination, type Route, walkText } from '../state/nearby';

const SHORT_TIER: Record<Tier, MessageKey> = { leisure: 'tierLeisure', garden: 'tierGarden', park: 'tierPark' };

function formatDistance(m: number, lang: Lang): string {
  return m < 1000 ? t(lang, 'metres', { v: Math.round(m / 10) * 10 }) : t(lang, 'kilometres', { v: formatNumber(m / 1000, lang) });
}

/** A short way (to the bank from the water): to the metre under 100 m, never "0 m". */
function formatOffset(m: number, lang: Lang): string {
  return m < 100 ? t(lang, 'metres', { v: Math.max(1, Math.round(m)) }) : formatDistance(m, lang);
}

/**
 * <jb-nearby>: "green space near me", phone first. Properties down: `lang`, `mode`, `sports`
 * (sports grounds count as leisure spaces), `spot`, `result`, `places` (search hits), `loading`,
 * `locating`, `message`, `shareText`.
 * Events up: `locate`, `search` (text), `pick-place` (Place), `mode-change` (Mode),
 * `result-select` ({id, tier}), `share`.
 */
export class JbNearby extends LitElement {
  static override properties = {
    lang: { type: String },
    mode: { type: String },
    sports: { type: Boolean },
    spot: { attribute: false },
    result: { attribute: false },
    places: { attribute: false },
    loading: { type: Boolean },
    locating: { type: Boolean },
    message: { type: String },
    shareText: { type: String },
    outside: { type: Boolean },
    destination: { attribute: false },
    route: { attribute: false },
    tierOf: { attribute: false },
    spotName: { attribute: false },
  };

  static override styles = css`
    :host { display: block; font-size: 16px; }
    h2 { font-size: 1.1rem; margin: 0 0 8px; }
    .big { display: block; width: 100%; min-height: 52px; font: inherit; font-size: 1.05rem; font-weight: 600; border-radius: 10px;
      border: 0; background: #2e7d32; color: #fff; cursor: pointer; }
    .big[disabled] { background: #81c784; }
    .hint { color: #607d8b; margin: 6px 0 12px; text-align: center; }
    label.search { display: block; font-size: 0.9rem; color: #455a64; }
    input[type='search'] { box-sizing: border-box; width: 100%; min-height: 48px; font: inherit; font-size: 1.05rem; padding: 8px 12px;
      border: 1px solid #90a4ae; border-radius: 10px; margin-top: 4px; }
    ul.hits { list-style: none; margin: 4px 0 0; padding: 0; border: 1px solid #cfd8dc; border-radius: 10px; overflow: hidden; }
    ul.hits button { display: block; width: 100%; text-align: left; min-height: 48px; font: inherit; border: 0; border-bottom: 1px solid #eceff1;
      background: #fff; padding: 6px 12px; cursor: pointer; }
    ul.hits small { color: #78909c; margin-left: 6px; }
    button:focus-visible, input:focus-visible { outline: 3px solid #1565c0; outline-offset: 2px; }
    .msg { background: #fff3e0; border-left: 4px solid #ef6c00; padding: 10px 12px; border-radius: 6px; margin: 10px 0; }
    .answer { font-size: 1.15rem; line-height: 1.5; margin: 12px 0 8px; font-weight: 600; color: #1b5e20; }
    .answer.no-walk { color: #b23c00; }
    .walk-start { background: #e3f2fd; border-left: 4px solid #1565c0; padding: 8px 12px; border-radius: 6px; color: #0d47a1; }
    ul.checks { list-style: none; padding: 0; margin: 0 0 10px; }
    ul.checks li { padding: 4px 0; font-size: 1rem; }
    .yes { color: #1b5e20; }
    .no { color: #b23c00; }
    h3 { font-size: 0.95rem; margin: 14px 0 6px; color: #455a64; }
    ol.results { list-style: none; margin: 0; padding: 0; }
    ol.results button { display: grid; grid-template-columns: 1fr auto; gap: 2px 8px; width: 100%; min-height: 56px; text-align: left; font: inherit;
      border: 1px solid #cfd8dc; border-radius: 10px; background: #fff; padding: 8px 12px; margin-bottom: 6px; cursor: pointer; }
    .name { font-weight: 600; }
    .dist { font-weight: 600; text-align: right; }
    .sub { color: #607d8b; font-size: 0.88rem; }
    fieldset { border: 0; padding: 0; margin: 10px 0; display: flex; gap: 14px; flex-wrap: wrap; }
    fieldset label { display: inline-flex; align-items: center; gap: 6px; min-height: 44px; }
    input[type='radio'] { width: 22px; height: 22px; }
    .share { min-height: 48px; font: inherit; width: 100%; border-radius: 10px; border: 1px solid #2e7d32; background: #fff; color: #1b5e20; margin-top: 8px; cursor: pointer; }
    .shared { word-break: break-all; font-size: 0.85rem; color: #455a64; }
    .spot { font-size: 0.85rem; color: #607d8b; }
    .destination { border: 2px solid #1b7837; border-radius: 10px; padding: 4px 12px 10px; margin: 10px 0; }
    .destination .way { font-size: 1.05rem; font-weight: 600; margin: 4px 0; color: #1b5e20; }
    .nav { display: flex; gap: 8px; flex-wrap: wrap; }
    .nav a { display: inline-flex; align-items: center; justify-content: center; min-height: 44px; min-width: 44px; padding: 0 14px; border-radius: 10px;
      border: 1px solid #1565c0; color: #0d47a1; text-decoration: none; font-weight: 600; }
    .clear { min-height: 44px; font: inherit; margin-top: 8px; border-radius: 10px; border: 1px solid #90a4ae; background: #fff; padding: 0 14px; cursor: pointer; }
  `;

  declare lang: Lang;
  declare mode: Mode;
  declare sports: boolean;
  declare spot: [number, number] | undefined;
  declare result: Nearest | undefined;
  declare places: Place[] | undefined;
  declare loading: boolean;
  declare locating: boolean;
  declare message: string;
  declare shareText: string;
  /** The spot lies outside Jiangbei (the data covers Jiangbei and 2 km around it). */
  declare outside: boolean;
  /** Where the citizen wants to go, and the way there from the spot (when there is one). */
  declare destination: Destination | undefined;
  declare route: Route | undefined;
  /** A site's own tier by id (a row of "nearest street garden" may be a park). */
  declare tierOf: (id: string) => Tier | undefined;
  /** The named place nearest the spot, when there is one. */
  declare spotName: { name_zh: string; name_en: string; m: number } | undefined;
  private searchTimer?: ReturnType<typeof setTimeout>;

  constructor() {
    super();
    this.lang = 'zh';
    this.mode = 'walk';
    this.sports = false;
    this.loading = false;
    this.locating = false;
    this.message = '';
    this.shareText = '';
    this.outside = false;
    this.tierOf = () => undefined;
  }

  override updated(changed: Map<string, unknown>) {
    // On a phone the sheet is short: bring the plain-words answer into view when it arrives.
    if (changed.has('result') && this.result && this.spot) {
      this.renderRoot
        .querySelector('.answer')
        ?.scrollIntoView({ block: 'start', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
    }
  }

  private onInput(e: Event) {
    const q = (e.target as HTMLInputElement).value;
    if (q.trim()) {
      // Room for the hits above the keyboard: the sheet opens up and the search box goes to its top.
      emit(this, 'sheet-expand');
      const box = (e.target as HTMLElement).closest('label');
      requestAnimationFrame(() => box?.scrollIntoView({ block: 'start' }));
    }
    clearTimeout(this.searchTimer);
    // Wait for a pause in typing: one request per word, not per keystroke.
    this.searchTimer = setTimeout(() => emit(this, 'search', q), 200);
  }

  private name(x: { name_zh: string | null; name_en: string | null }) {
    return (this.lang === 'zh' ? x.name_zh : x.name_en) ?? x.name_zh ?? '';
  }

  /** What kind of place a search hit is (a tier, a metro station, a zone…), or ''. */
  private kindLabel(p: Place): string {
    const k = p.kind;
    if (k === 'park' || k === 'garden' || k === 'leisure') return t(this.lang, `tierShort_${k}`);
    const key = `placeKind_${k}`;
    return hasMessage(this.lang, key) ? t(this.lang, key) : '';
  }

  private headline(r: Nearest): string {
    const lang = this.lang;
    // Out on the river no walk can start: say so, not "none found".
    if (r.no_walk) return t(lang, 'nearbyNoWalkWater', { within: formatDistance(r.no_walk.within_m, lang) });
    if (this.outside) {
      // Outside Jiangbei the tiers' standard is not ours to judge: name the nearest site the data has.
      const best = [...r.tiers].filter((x) => x.distance_m !== null).sort((a, b) => a.distance_m! - b.distance_m!)[0];
      return best
        ? t(lang, 'nearbyHeadlineOutside', {
            name: this.name(best),
            dist: formatDistance(best.distance_m!, lang),
            min: Math.max(1, Math.round(best.walk_min ?? 0)),
          })
        : t(lang, 'nearbyHeadlineNone', { tier: t(lang, 'tierPark') });
    }
    const leisure = r.tiers.find((x) => x.tier === 'leisure');
    const park = r.tiers.find((x) => x.tier === 'park');
    // 0 m is an answer (standing in a park), not a missing one.
    if (leisure?.distance_m == null || park?.distance_m == null) {
      const missing = leisure?.distance_m == null ? 'leisure' : 'park';
      return t(lang, 'nearbyHeadlineNone', { tier: t(lang, SHORT_TIER[missing]) });
    }
    if (park.distance_m === 0) return t(lang, 'nearbyHeadlineInPark', { name: this.name(park) });
    if (leisure.distance_m === 0) return t(lang, 'nearbyHeadlineIn', { name: this.name(leisure), park: formatDistance(park.distance_m, lang) });
    return t(lang, 'nearbyHeadline', {
      leisure: formatDistance(leisure.distance_m, lang),
      leisureMin: Math.max(1, Math.round(leisure.walk_min ?? 0)),
      park: formatDistance(park.distance_m, lang),
    });
  }

  private resultButton(x: NearestTier | NearestSite, tier: Tier) {
    const lang = this.lang;
    const id = x.id;
    if (!id || x.distance_m === null) return null;
    return html`<li><button data-id=${id} @click=${() => emit(this, 'result-select', { id, tier })}>
      <span class="name">${this.name(x)}</span><span class="dist">${formatDistance(x.distance_m, lang)}</span>
      <span class="sub tier" data-tier=${this.tierOf(id) ?? tier}>${t(lang, TIER_LABEL[this.tierOf(id) ?? tier])}</span>
      <span class="sub">${walkText(lang, x.distance_m, x.walk_min)}</span>
    </button></li>`;
  }

  override render() {
    const lang = this.lang;
    const r = this.result;
    return html`
      <h2>${t(lang, 'nearbyTitle')}</h2>
      <button class="big" @click=${() => emit(this, 'locate')} ?disabled=${this.locating}>${t(lang, this.locating ? 'nearbyLocating' : 'nearbyLocate')}</button>
      <p class="hint">${t(lang, 'nearbyTapHint')}</p>
      <label class="search">${t(lang, 'nearbySearch')}
        <input type="search" placeholder=${t(lang, 'nearbySearchPlaceholder')} autocomplete="off" enterkeyhint="search" @input=${this.onInput} />
      </label>
      ${
        this.places
          ? this.places.length
            ? html`<ul class="hits" role="listbox" aria-label=${t(lang, 'nearbySearch')}>
              ${this.places.map(
                (p) =>
                  html`<li role="option" aria-selected="false"><button data-id=${p.id} data-layer=${p.layer} @click=${() => emit(this, 'pick-place', p)}>${this.name(p)}<small>${[this.kindLabel(p), lang === 'zh' ? p.name_en : p.name_zh, p.pinyin].filter(Boolean).join(' · ')}</small></button></li>`,
              )}
            </ul>`
            : html`<p class="sub">${t(lang, 'nearbyNoMatch')}</p>`
          : null
      }
      ${this.message ? html`<p class="msg" role="alert">${this.message}</p>` : null}
      ${this.destination ? this.renderDestination(this.destination) : null}
      <fieldset>
        ${(['walk', 'radius'] as const).map(
          (m) => html`<label><input type="radio" name="nearby-mode" value=${m} .checked=${this.mode === m} @change=${() => emit(this, 'mode-change', m)} />
            ${t(lang, m === 'walk' ? 'nearbyWalkRoute' : 'nearbyStraight')}</label>`,
        )}
      </fieldset>
      ${this.loading ? html`<p role="status">${t(lang, 'analysing')}</p>` : null}
      ${r && this.spot ? this.renderAnswer(r) : null}
    `;
  }

  /** Where I want to go, kept apart from where I am: the way there from the spot, estimated, and hand-offs to map apps. */
  private renderDestination(d: Destination) {
    const lang = this.lang;
    const way = this.route;
    const name = (lang === 'zh' ? d.name_zh : d.name_en) || d.name_zh;
    const from = this.spot ? { lon: this.spot[0], lat: this.spot[1] } : undefined;
    const apps = { amap: 'navAmap', baidu: 'navBaidu', apple: 'navApple' } as const;
    return html`<section class="destination" data-id=${d.id}>
      <h3>${t(lang, 'nearbyDestTitle', { name })}</h3>
      ${
        way
          ? html`<p class="way">${t(lang, 'nearbyDestFrom', { dist: formatDistance(way.distance_m, lang), min: Math.max(1, Math.round(way.walk_min)) })}</p>
            <p class="sub">${t(lang, way.straight ? 'nearbyDestStraight' : 'nearbyDestVia')}</p>`
          : html`<p class="sub">${t(lang, 'nearbyDestNoSpot')}</p>`
      }
      <p class="sub">${t(lang, 'nearbyNavigate')}</p>
      <div class="nav">${navigateLinks({ lon: d.lon, lat: d.lat, name: d.name_zh }, from).map(
        (l) => html`<a class="nav-${l.app}" href=${l.url} target="_blank" rel="noopener noreferrer">${t(lang, apps[l.app])}</a>`,
      )}</div>
      <button class="clear" @click=${() => emit(this, 'clear-destination')}>${t(lang, 'nearbyDestClear')}</button>
    </section>`;
  }

  private renderAnswer(r: Nearest) {
    const lang = this.lang;
    const [lon, lat] = this.spot!;
    return html`
      <p class="spot">${
        this.spotName
          ? t(lang, 'nearbySpotNear', { name: lang === 'zh' ? this.spotName.name_zh : this.spotName.name_en, dist: formatDistance(this.spotName.m, lang) })
          : t(lang, 'nearbySpot', { lon: lon.toFixed(5), lat: lat.toFixed(5) })
      }</p>
      ${this.outside ? html`<p class="msg outside-note" role="note">${t(lang, 'nearbyOutsideHonest')}</p>` : null}
      <p class=${r.no_walk ? 'answer no-walk' : 'answer'} role="status" aria-live="polite">${this.headline(r)}</p>
      ${
        r.walk_start
          ? html`<p class="walk-start" data-on=${r.walk_start.on}>${t(lang, `nearbyWalkStart_${r.walk_start.on}`, { dist: formatOffset(r.walk_start.distance_m, lang) })}</p>`
          : null
      }
      ${this.sports ? html`<p class="sub sports-note">${t(lang, 'sportsCounted')}</p>` : null}
      ${
        this.outside || r.no_walk
          ? null
          : html`<ul class="checks">
        ${TIERS.map((tier) => {
          const x = r.tiers.find((y) => y.tier === tier);
          if (!x) return null;
          const vars = { radius: t(lang, 'metres', { v: x.radius_m }), tier: t(lang, `tierShort_${tier}`) };
          return html`<li class=${x.covered ? 'yes' : 'no'} data-tier=${tier}>${t(lang, x.covered ? 'nearbyMeets' : 'nearbyMisses', vars)}</li>`;
        })}
      </ul>`
      }
      ${r.no_walk ? null : html`<h3>${t(lang, 'nearbyByTier')}</h3><ol class="results by-tier">${r.tiers.map((x) => this.resultButton(x, x.tier))}</ol>`}
      ${
        r.sites?.length
          ? html`<h3>${t(lang, 'nearbyOverall')}</h3><ol class="results overall">${r.sites.slice(0, 5).map((x) => this.resultButton(x, x.tier))}</ol>
            ${
              r.walk_reach_m !== undefined && r.sites.length < 5
                ? html`<p class="sub reach-note">${t(lang, 'nearbyFewerInReach', { n: r.sites.length, km: formatNumber(r.walk_reach_m / 1000, lang, 0) })}</p>`
                : null
            }`
          : null
      }
      <button class="share" @click=${() => emit(this, 'share')}>${t(lang, 'nearbyShare')}</button>
      ${this.shareText ? html`<p class="shared" role="status">${this.shareText}</p>` : null}
    `;
  }
}

customElements.define('jb-nearby', JbNearby);

declare global {
  interface HTMLElementTagNameMap {
    'jb-nearby': JbNearby;
  }
}
