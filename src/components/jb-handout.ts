import { css, html, LitElement } from 'lit';
import type { Mode } from '../api';
import { OSM_SOURCE } from '../content/data-source';
import { type Lang, t } from '../content/messages';
import { SCHEMATIC_SOURCES, type TourChapter } from '../content/tour';
import { emit } from '../events';
import type { LegendNames } from '../state/legend-text';
import { chapterCaption, type TourFacts } from '../state/tour-facts';
import { chapterLegend } from '../state/tour-legend';
import { swatch } from './swatch';

export interface HandoutPage {
  chapter: TourChapter;
  image: string;
}

/** Chapters on one A4 sheet at most: each a row of its map view beside its title, caption and legend. */
const PER_SHEET = 4;

/**
 * <jb-handout>: the tour as a compact printable handout, three chapters to an A4 sheet, each
 * with its map view, caption and legend; every sheet ends with what to bear in mind (schematic
 * outlines, approximate data, how distance is measured) and the data's credit. Properties:
 * `pages` (a chapter and its picture each), `total`, `lang`, `busy`, `facts`, `names`, `mode`. Events:
 * `close`. Printing uses the browser.
 */
export class JbHandout extends LitElement {
  static override properties = {
    pages: { attribute: false },
    lang: { type: String },
    busy: { type: Boolean },
    facts: { attribute: false },
    names: { attribute: false },
    mode: { type: String },
    total: { type: Number },
  };

  static override styles = css`
    :host { position: absolute; inset: 0; z-index: 10; background: #eceff1; overflow: auto; color: #263238; font-size: 12px; }
    .tools { position: sticky; top: 0; z-index: 1; display: flex; gap: 8px; align-items: center; padding: 10px; background: #fff; box-shadow: 0 1px 4px rgb(0 0 0 / 0.2); }
    button { font: inherit; font-size: 14px; min-height: 40px; padding: 4px 14px; cursor: pointer; }
    button:focus-visible { outline: 3px solid #1565c0; }
    /* The A4 text block (210 × 297 mm less 2 × 10 mm margins), on screen as on paper. */
    .sheet { background: #fff; width: 190mm; max-width: calc(100% - 24px); margin: 16px auto; padding: 8mm; box-sizing: content-box; }
    header { display: flex; justify-content: space-between; font-size: 11px; color: #607d8b; border-bottom: 1px solid #cfd8dc; padding-bottom: 1.5mm; margin-bottom: 3mm; }
    .chapter { display: grid; grid-template-columns: 100mm 1fr; gap: 4mm; margin-bottom: 4mm; break-inside: avoid; }
    .chapter img { display: block; width: 100%; border: 1px solid #cfd8dc; box-sizing: border-box; }
    h2 { font-size: 14px; margin: 0 0 1.5mm; line-height: 1.25; }
    p { margin: 0 0 1.5mm; line-height: 1.45; }
    .note { color: #b23c00; font-size: 11px; }
    .legend { display: flex; flex-wrap: wrap; gap: 1mm 3mm; font-size: 10.5px; color: #455a64; }
    .legend span { display: inline-flex; align-items: center; gap: 4px; }
    .swatch { flex: none; }
    footer { border-top: 1px solid #cfd8dc; padding-top: 1.5mm; font-size: 10px; color: #455a64; }
    footer p { margin: 0 0 0.8mm; line-height: 1.35; }
    .credit { color: #607d8b; }
    @page { size: A4; margin: 10mm; }
    @media print {
      :host { position: static; background: none; overflow: visible; }
      .tools { display: none; }
      /* A sheet fills its page: the chapters spread down it, what to bear in mind at its foot. */
      .sheet { width: auto; max-width: none; margin: 0; padding: 0; break-after: page; min-height: 272mm; display: flex; flex-direction: column; }
      .chapters { flex: 1; display: flex; flex-direction: column; justify-content: space-evenly; }
      .sheet:last-of-type { break-after: auto; }
    }
  `;

  declare pages: HandoutPage[];
  declare lang: Lang;
  declare busy: boolean;
  declare facts: TourFacts;
  /** Layer titles and zone names from the geodata, for the legends. */
  declare names: LegendNames;
  /** How distance was measured (the caveat says so). */
  declare mode: Mode;
  /** Chapters in the tour (the sheets are laid out for all of them while the pictures come in). */
  declare total: number;

  constructor() {
    super();
    this.pages = [];
    this.lang = 'zh';
    this.busy = false;
    this.facts = {};
    this.names = new Map();
    this.mode = 'radius';
    this.total = 0;
  }

  private chapter(p: HandoutPage, n: number) {
    const lang = this.lang;
    const ch = p.chapter;
    return html`<section class="chapter" data-chapter=${ch.id}>
      <img src=${p.image} alt=${ch.title[lang]} />
      <div>
        <h2>${n}. ${ch.title[lang]}</h2>
        ${ch.highlight && SCHEMATIC_SOURCES.includes(ch.highlight.source) ? html`<p class="note">${t(lang, 'cardSchematic')}</p>` : null}
        <p class="caption">${chapterCaption(ch, lang, this.facts)}</p>
        ${ch.suggest && this.facts.suggestN !== undefined ? html`<p class="note candidates">${t(lang, 'tourSuggestNote')}</p>` : null}
        <div class="legend">${chapterLegend(ch, lang, this.names).map((e) => html`<span data-legend=${e.id}>${e.swatch ? swatch(e.swatch) : null}${e.text}</span>`)}</div>
      </div>
    </section>`;
  }

  override render() {
    const lang = this.lang;
    // As few sheets as hold them, shared out evenly (13 chapters: 3, 3, 3, 4), not a lone chapter on the last.
    const total = Math.max(this.total, this.pages.length);
    const count = Math.ceil(total / PER_SHEET);
    const starts = Array.from({ length: count + 1 }, (_, i) => Math.floor((i * total) / count));
    const sheets = starts
      .slice(0, -1)
      .map((from, i) => this.pages.slice(from, starts[i + 1]))
      .filter((s) => s.length);
    return html`
      <div class="tools">
        <button @click=${() => print()} ?disabled=${this.busy}>${t(lang, 'tourPrint')}</button>
        <button @click=${() => emit(this, 'close')}>${t(lang, 'close')}</button>
        ${this.busy ? html`<span role="status">${t(lang, 'tourHandoutBusy')}</span>` : null}
      </div>
      ${sheets.map(
        (sheet, i) => html`<article class="sheet">
          <header><span>${t(lang, 'tourHandoutTitle')}</span><span>${t(lang, 'tourHandoutPage', { n: i + 1, total: count })}</span></header>
          <div class="chapters">${sheet.map((p, k) => this.chapter(p, starts[i]! + k + 1))}</div>
          <footer>
            <p class="caveat">${t(lang, this.mode === 'walk' ? 'tourHandoutCaveatWalk' : 'tourHandoutCaveatRadius')}</p>
            <p class="credit">${t(lang, 'osmPlain', { date: OSM_SOURCE.date, licence: OSM_SOURCE.licence })}</p>
          </footer>
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
