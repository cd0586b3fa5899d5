import { css, html, LitElement } from 'lit';
import { OSM_SOURCE } from '../content/data-source';
import { type Lang, t } from '../content/messages';
import type { TourChapter } from '../content/tour';
import { emit } from '../events';
import { chapterCaption, type TourFacts } from '../state/tour-facts';

export interface HandoutPage {
  chapter: TourChapter;
  image: string;
}

/**
 * <jb-handout>: the tour as a printable handout, one chapter per page with its map view and
 * caption, and the data's credit on every page. Properties: `pages`, `lang`, `busy`, `facts`.
 * Events: `close`. Printing uses the browser.
 */
export class JbHandout extends LitElement {
  static override properties = { pages: { attribute: false }, lang: { type: String }, busy: { type: Boolean }, facts: { attribute: false } };

  static override styles = css`
    :host { position: absolute; inset: 0; z-index: 10; background: #eceff1; overflow: auto; color: #263238; }
    .tools { position: sticky; top: 0; display: flex; gap: 8px; padding: 10px; background: #fff; box-shadow: 0 1px 4px rgb(0 0 0 / 0.2); }
    button { font: inherit; min-height: 40px; padding: 4px 14px; cursor: pointer; }
    button:focus-visible { outline: 3px solid #1565c0; }
    .page { background: #fff; width: min(190mm, calc(100% - 24px)); margin: 16px auto; padding: 12mm; box-sizing: border-box; }
    .page img { width: 100%; border: 1px solid #cfd8dc; }
    h1 { font-size: 1.1rem; margin: 0 0 4mm; color: #607d8b; font-weight: normal; }
    h2 { font-size: 1.4rem; margin: 0 0 3mm; }
    p { font-size: 1.05rem; line-height: 1.5; }
    .credit { font-size: 0.8rem; color: #607d8b; }
    @media print {
      :host { position: static; background: none; overflow: visible; }
      .tools { display: none; }
      .page { width: auto; margin: 0; padding: 0; break-after: page; }
    }
  `;

  declare pages: HandoutPage[];
  declare lang: Lang;
  declare busy: boolean;
  declare facts: TourFacts;

  constructor() {
    super();
    this.pages = [];
    this.lang = 'zh';
    this.busy = false;
    this.facts = {};
  }

  override render() {
    const lang = this.lang;
    return html`
      <div class="tools">
        <button @click=${() => print()} ?disabled=${this.busy}>${t(lang, 'tourPrint')}</button>
        <button @click=${() => emit(this, 'close')}>${t(lang, 'close')}</button>
        ${this.busy ? html`<span role="status">${t(lang, 'tourHandoutBusy')}</span>` : null}
      </div>
      ${this.pages.map(
        (p, i) => html`<article class="page">
          <h1>${t(lang, 'tourHandoutTitle')} · ${i + 1} / ${this.pages.length}</h1>
          <h2>${p.chapter.title[lang]}</h2>
          <img src=${p.image} alt=${p.chapter.title[lang]} />
          <p>${chapterCaption(p.chapter, lang, this.facts)}</p>
          <p class="credit">${t(lang, 'osmPlain', { date: OSM_SOURCE.date, licence: OSM_SOURCE.licence })}</p>
        </article>`,
      )}
    `;
  }
}

customElements.define('jb-handout', JbHandout);

declare global {
  interface HTMLElementTagNameMap {
    'jb-handout': JbHandout;
  }
}
