import { TIERS } from '../../domain/tiers';
import { LitElement, css, html } from 'lit';
import type { Mode, Nearest, NearestSite, NearestTier, Place, Tier } from '../api';
import { formatNumber } from '../geo';
import { MESSAGES, t, type Lang, type MessageKey } from '../content/messages';
import { TIER_LABEL } from '../content/targets';
import { emit } from '../events';

const SHORT_TIER: Record<Tier, MessageKey> = { leisure: 'tierLeisure', garden: 'tierGarden', park: 'tierPark' };

function formatDistance(m: number, lang: Lang): string {
  return m < 1000 ? t(lang, 'metres', { v: Math.round(m / 10) * 10 }) : t(lang, 'kilometres', { v: formatNumber(m / 1000, lang) });
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
  }

  override updated(changed: Map<string, unknown>) {
    // On a phone the sheet is short: bring the plain-words answer into view when it arrives.
    if (changed.has('result') && this.result && this.spot) {
      this.renderRoot.querySelector('.answer')?.scrollIntoView({ block: 'start', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
    }
  }


  private onInput(e: Event) {
    const q = (e.target as HTMLInputElement).value;
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
    return key in MESSAGES[this.lang] ? t(this.lang, key as MessageKey) : '';
  }

  private headline(r: Nearest): string {
    const lang = this.lang;
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
      <span class="sub">${t(lang, TIER_LABEL[tier])}</span>
      <span class="sub">${t(lang, 'nearbyWalkMin', { m: Math.max(1, Math.round(x.walk_min ?? 0)) })}</span>
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
      ${this.places
        ? this.places.length
          ? html`<ul class="hits" role="listbox" aria-label=${t(lang, 'nearbySearch')}>
              ${this.places.map(
                (p) => html`<li role="option" aria-selected="false"><button data-id=${p.id} data-layer=${p.layer} @click=${() => emit(this, 'pick-place', p)}>${this.name(p)}<small>${[this.kindLabel(p), lang === 'zh' ? p.name_en : p.name_zh, p.pinyin].filter(Boolean).join(' · ')}</small></button></li>`,
              )}
            </ul>`
          : html`<p class="sub">${t(lang, 'nearbyNoMatch')}</p>`
        : null}
      ${this.message ? html`<p class="msg" role="alert">${this.message}</p>` : null}
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

  private renderAnswer(r: Nearest) {
    const lang = this.lang;
    const [lon, lat] = this.spot!;
    return html`
      <p class="spot">${t(lang, 'nearbySpot', { lon: lon.toFixed(5), lat: lat.toFixed(5) })}</p>
      <p class="answer" role="status" aria-live="polite">${this.headline(r)}</p>
      ${this.sports ? html`<p class="sub sports-note">${t(lang, 'sportsCounted')}</p>` : null}
      <ul class="checks">
        ${TIERS.map((tier) => {
          const x = r.tiers.find((y) => y.tier === tier);
          if (!x) return null;
          const vars = { radius: t(lang, 'metres', { v: x.radius_m }), tier: t(lang, `tierShort_${tier}`) };
          return html`<li class=${x.covered ? 'yes' : 'no'} data-tier=${tier}>${t(lang, x.covered ? 'nearbyMeets' : 'nearbyMisses', vars)}</li>`;
        })}
      </ul>
      <h3>${t(lang, 'nearbyByTier')}</h3>
      <ol class="results by-tier">${r.tiers.map((x) => this.resultButton(x, x.tier))}</ol>
      ${r.sites?.length
        ? html`<h3>${t(lang, 'nearbyOverall')}</h3><ol class="results overall">${r.sites.slice(0, 5).map((x) => this.resultButton(x, x.tier))}</ol>`
        : null}
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
