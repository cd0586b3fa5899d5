import { css, html, LitElement } from 'lit';
import { type Lang, t } from '../content/messages';
import { SCHEMATIC_SOURCES, type TourChapter } from '../content/tour';
import { emit } from '../events';
import { NARROW } from '../layout';
import type { LegendNames } from '../state/legend-text';
import { chapterCaption, type TourFacts } from '../state/tour-facts';
import { chapterLegend } from '../state/tour-legend';
import { swatch } from './swatch';

const AUTOPLAY_CHOICES = [0, 5, 10, 20, 30, 60];
const NEXT_KEYS = new Set(['ArrowRight', ' ', 'PageDown']);
const PREV_KEYS = new Set(['ArrowLeft', 'PageUp']);

/**
 * <jb-tour>: the presenter's controls and captions. Properties down: `chapters`, `index`
 * (from 0), `lang`, `autoplay` (seconds, 0 = off), `facts` (the figures captions quote), `suggestFailed` (why a
 * chapter's suggested sites could not be had). Events up: `chapter-change` (index), `autoplay-change` (seconds), `resume`,
 * `handout`, `tour-exit`, `retry` (ask for the suggested sites again).
 * Keys (clickers send these): → Space PageDown next, ← PageUp previous, Home, End, F.
 * Any key or pointer input stops autoplay, so a kiosk never fights its presenter.
 */
export class JbTour extends LitElement {
  static override properties = {
    chapters: { attribute: false },
    index: { type: Number },
    lang: { type: String },
    autoplay: { type: Number },
    facts: { attribute: false },
    names: { attribute: false },
    suggestFailed: { type: String },
  };

  static override styles = css`
    :host { position: absolute; inset: 0; pointer-events: none; z-index: 3; font-size: 16px; color: #263238; }
    .bar, .caption, .list { pointer-events: auto; }
    .bar { position: absolute; top: 12px; left: 12px; right: 60px; display: flex; flex-wrap: wrap; gap: 8px; align-items: center;
      background: rgb(255 255 255 / 0.95); border-radius: 8px; padding: 8px 10px; box-shadow: 0 1px 6px rgb(0 0 0 / 0.25); }
    .bar .spacer { flex: 1; }
    button, select { font: inherit; font-size: 0.95rem; min-height: 40px; padding: 4px 12px; border: 1px solid #90a4ae; border-radius: 6px; background: #fff; cursor: pointer; }
    button:focus-visible, select:focus-visible { outline: 3px solid #1565c0; outline-offset: 2px; }
    .progress { min-width: 9em; }
    .track { height: 6px; background: #eceff1; border-radius: 3px; overflow: hidden; margin-top: 3px; }
    .track span { display: block; height: 100%; background: #2e7d32; }
    .caption { position: absolute; left: 50%; bottom: 28px; transform: translateX(-50%); width: min(960px, calc(100% - 48px));
      background: rgb(255 255 255 / 0.96); border-radius: 10px; padding: 16px 22px; box-shadow: 0 2px 12px rgb(0 0 0 / 0.3); }
    h2 { margin: 0 0 6px; font-size: clamp(1.5rem, 2.6vw, 2.4rem); }
    p { margin: 0; font-size: clamp(1.1rem, 1.9vw, 1.7rem); line-height: 1.45; }
    .legend { display: flex; flex-wrap: wrap; gap: 6px 16px; margin-top: 10px; font-size: clamp(0.9rem, 1.2vw, 1.1rem); color: #455a64; }
    .legend span { display: inline-flex; align-items: center; gap: 6px; }
    .schematic { font-size: clamp(0.9rem, 1.2vw, 1.1rem); color: #b23c00; margin: -2px 0 6px; }
    .note { font-size: clamp(0.9rem, 1.2vw, 1.1rem); color: #b23c00; margin: 6px 0 0; }
    .keys { margin-left: auto; font-size: 0.8rem; color: #78909c; }
    .bar { font-size: 0.9rem; }
    .bar label { display: inline-flex; align-items: center; gap: 4px; }
    /* One row at 1366 px in English too: the chapter list no wider than a long title needs, buttons padded less. */
    .bar select.list { max-width: 15em; text-overflow: ellipsis; }
    .bar button, .bar select { padding: 4px 9px; }
    @media ${NARROW} { .caption { bottom: 8px; padding: 10px 12px; } .keys { display: none; } }
  `;

  declare chapters: TourChapter[];
  declare index: number;
  declare lang: Lang;
  declare autoplay: number;
  declare facts: TourFacts;
  /** Layer titles from the geodata. */
  declare names: LegendNames;
  declare suggestFailed: string;
  private timer?: ReturnType<typeof setInterval>;

  constructor() {
    super();
    this.chapters = [];
    this.index = 0;
    this.lang = 'zh';
    this.autoplay = 0;
    this.facts = {};
    this.names = new Map();
    this.suggestFailed = '';
  }

  private readonly onKey = (e: KeyboardEvent) => {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
    const target = e.composedPath()[0] as HTMLElement | undefined;
    if (target && (target.tagName === 'SELECT' || target.tagName === 'INPUT')) return;
    this.stopAutoplay();
    const last = this.chapters.length - 1;
    let next: number | null = null;
    if (NEXT_KEYS.has(e.key)) next = Math.min(last, this.index + 1);
    else if (PREV_KEYS.has(e.key)) next = Math.max(0, this.index - 1);
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = last;
    else if (e.key === 'f' || e.key === 'F') {
      e.preventDefault();
      void this.toggleFullscreen();
      return;
    } else return;
    // Space on a focused button would click it too: the key alone decides.
    e.preventDefault();
    this.go(next);
  };

  private readonly onPointer = () => this.stopAutoplay();

  override connectedCallback() {
    super.connectedCallback();
    addEventListener('keydown', this.onKey);
    addEventListener('pointerdown', this.onPointer, { capture: true });
    addEventListener('wheel', this.onPointer, { capture: true, passive: true });
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    removeEventListener('keydown', this.onKey);
    removeEventListener('pointerdown', this.onPointer, { capture: true });
    removeEventListener('wheel', this.onPointer, { capture: true });
    clearInterval(this.timer);
  }

  override updated(changed: Map<string, unknown>) {
    if (changed.has('autoplay')) {
      clearInterval(this.timer);
      this.timer = undefined;
      if (this.autoplay > 0) {
        this.timer = setInterval(() => {
          // A kiosk loops back to the start.
          this.go(this.index >= this.chapters.length - 1 ? 0 : this.index + 1);
        }, this.autoplay * 1000);
      }
    }
  }

  private stopAutoplay() {
    if (this.autoplay > 0) emit(this, 'autoplay-change', 0);
  }

  private go(i: number) {
    if (i !== this.index) emit(this, 'chapter-change', i);
  }

  private async toggleFullscreen() {
    try {
      if (document.fullscreenElement) await document.exitFullscreen();
      else await document.documentElement.requestFullscreen();
    } catch {
      /* not allowed here (e.g. inside a frame): nothing to do */
    }
  }

  /**
   * The screen the chapter bar and caption leave free, as camera padding (px): the map frames
   * each chapter there, not under the caption (which covers about the bottom quarter).
   */
  room(): { top: number; bottom: number } {
    const bar = this.renderRoot.querySelector('.bar')?.getBoundingClientRect();
    const caption = this.renderRoot.querySelector('.caption')?.getBoundingClientRect();
    const host = this.getBoundingClientRect();
    return {
      top: bar ? Math.max(0, Math.round(bar.bottom - host.top) + 8) : 0,
      bottom: caption ? Math.max(0, Math.round(host.bottom - caption.top) + 8) : 0,
    };
  }

  override render() {
    const ch = this.chapters[this.index];
    if (!ch) return null;
    const lang = this.lang;
    const total = this.chapters.length;
    return html`
      <nav class="bar" aria-label=${t(lang, 'tourChapters')}>
        <button @click=${() => this.go(Math.max(0, this.index - 1))} ?disabled=${this.index === 0} aria-label=${t(lang, 'tourPrev')}>←</button>
        <button @click=${() => this.go(Math.min(total - 1, this.index + 1))} ?disabled=${this.index === total - 1} aria-label=${t(lang, 'tourNext')}>→</button>
        <div class="progress" role="status" aria-live="polite">
          ${t(lang, 'tourProgress', { n: this.index + 1, total })}
          <div class="track" aria-hidden="true"><span style="width:${((this.index + 1) / total) * 100}%"></span></div>
        </div>
        <select class="list" aria-label=${t(lang, 'tourChapters')} @change=${(e: Event) => this.go(Number((e.target as HTMLSelectElement).value))}>
          ${this.chapters.map((c, i) => html`<option value=${i} ?selected=${i === this.index}>${i + 1}. ${c.title[lang]}</option>`)}
        </select>
        <button @click=${() => emit(this, 'resume')}>${t(lang, 'tourResume')}</button>
        <label>${t(lang, 'tourAutoplay')}
          <select class="autoplay" @change=${(e: Event) => emit(this, 'autoplay-change', Number((e.target as HTMLSelectElement).value))}>
            ${AUTOPLAY_CHOICES.map((s) => html`<option value=${s} ?selected=${s === this.autoplay}>${s === 0 ? t(lang, 'tourAutoOff') : t(lang, 'tourSeconds', { s })}</option>`)}
          </select>
        </label>
        <button @click=${() => this.toggleFullscreen()}>${t(lang, 'tourFullscreen')}</button>
        <button @click=${() => emit(this, 'handout')}>${t(lang, 'tourHandout')}</button>
        <span class="spacer"></span>
        <button class="exit" @click=${() => emit(this, 'tour-exit')}>${t(lang, 'tourExit')}</button>
      </nav>
      <section class="caption" aria-live="polite">
        <h2>${ch.title[lang]}</h2>
        ${ch.highlight && SCHEMATIC_SOURCES.includes(ch.highlight.source) ? html`<p class="schematic">${t(lang, 'cardSchematic')}</p>` : null}
        <p>${chapterCaption(ch, lang, this.facts)}</p>
        ${ch.suggest && this.facts.suggestN !== undefined ? html`<p class="note candidates">${t(lang, 'tourSuggestNote')}</p>` : null}
        ${
          ch.suggest && this.suggestFailed
            ? html`<p class="note failed" role="alert">${t(lang, 'tourSuggestFailed', { error: this.suggestFailed })}
              <button @click=${() => emit(this, 'retry')}>${t(lang, 'retry')}</button></p>`
            : null
        }
        <div class="legend">
          ${chapterLegend(ch, lang, this.names)
            .filter((e) => !(e.id === 'suggestions' && this.suggestFailed)) // nothing drawn to explain
            .map((e) => html`<span data-legend=${e.id}>${e.swatch ? swatch(e.swatch) : null}${e.text}</span>`)}
          <span class="keys">${t(lang, 'tourKeys')}</span>
        </div>
      </section>
    `;
  }
}

customElements.define('jb-tour', JbTour);

declare global {
  interface HTMLElementTagNameMap {
    'jb-tour': JbTour;
  }
}
