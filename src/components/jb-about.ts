import { LitElement, css, html } from 'lit';
import type { LayerInfo } from '../api';
import { t, type Lang } from '../content/messages';

/** <jb-about>: every layer's sources and confidence, so nobody mistakes a sketch for a survey. */
export class JbAbout extends LitElement {
  static override properties = { lang: { type: String }, available: { attribute: false } };

  static override styles = css`
    h2 { font-size: 1rem; margin: 0 0 6px; }
    p { font-size: 0.86em; color: #455a64; }
    dl { margin: 0; }
    dt { font-weight: 600; margin-top: 10px; }
    dd { margin: 2px 0 0; font-size: 0.84em; color: #455a64; }
    .conf span { display: inline-block; margin-right: 8px; }
    .low { color: #b23c00; }
  `;

  declare lang: Lang;
  declare available: LayerInfo[];

  constructor() {
    super();
    this.lang = 'zh';
    this.available = [];
  }

  override render() {
    const lang = this.lang;
    return html`
      <h2>${t(lang, 'aboutTitle')}</h2>
      <p>${t(lang, 'aboutIntro')}</p>
      <dl>
        ${this.available.map(
          (l) => html`<dt>${lang === 'zh' ? l.title_zh : l.title_en} <small>(${l.count})</small></dt>
            ${l.sources.map((s) => html`<dd>${t(lang, 'aboutSource')}: ${s}</dd>`)}
            <dd class="conf">${t(lang, 'aboutConfidence')}:
              ${(['high', 'medium', 'low'] as const).filter((k) => l.confidence[k] > 0).map(
                (k) => html`<span class=${k}>${t(lang, `confidence_${k}`)} × ${l.confidence[k]}</span>`,
              )}
            </dd>`,
        )}
      </dl>
    `;
  }
}

customElements.define('jb-about', JbAbout);
