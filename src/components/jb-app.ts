import { LitElement, css, html } from 'lit';
import { ApiFailure, fetchLayers, type LayerInfo } from '../api';
import { t, type Lang } from '../content/messages';
import './jb-map';

/**
 * <jb-app>: fills the page; loads what the worker serves and hands it to <jb-map>.
 * Shows a progress message while loading and a retry when the API fails.
 */
export class JbApp extends LitElement {
  static override properties = {
    lang: { type: String, reflect: true },
    layers: { state: true },
    status: { state: true },
    error: { state: true },
  };

  static override styles = css`
    :host { display: block; position: relative; height: 100%; overflow: hidden; }
    jb-map { position: absolute; inset: 0; }
    header {
      position: absolute; top: 12px; left: 12px; z-index: 2; max-width: min(420px, calc(100% - 80px));
      background: rgb(255 255 255 / 0.92); border-radius: 8px; padding: 10px 14px;
      box-shadow: 0 1px 4px rgb(0 0 0 / 0.2);
    }
    h1 { margin: 0; font-size: 1.25rem; }
    p { margin: 4px 0 0; font-size: 0.85rem; color: #455a64; }
    .status { position: absolute; left: 50%; top: 40%; transform: translateX(-50%); z-index: 3;
      background: #fff; padding: 12px 16px; border-radius: 8px; box-shadow: 0 1px 6px rgb(0 0 0 / 0.25); }
    .status[role='alert'] { border-left: 4px solid #c62828; }
    button { font: inherit; padding: 6px 12px; margin-left: 8px; cursor: pointer; }
    button:focus-visible { outline: 3px solid #1565c0; outline-offset: 2px; }
  `;

  declare lang: Lang;
  declare layers: LayerInfo[];
  declare status: 'loading' | 'ready' | 'failed';
  declare error: string;

  constructor() {
    super();
    this.lang = navigator.language?.toLowerCase().startsWith('zh') === false ? 'en' : 'zh';
    this.layers = [];
    this.status = 'loading';
    this.error = '';
  }

  override connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  private async load() {
    this.status = 'loading';
    try {
      this.layers = await fetchLayers();
      this.status = 'ready';
    } catch (err) {
      this.error = err instanceof ApiFailure ? err.message : String(err);
      this.status = 'failed';
    }
  }

  override render() {
    const lang = this.lang;
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    return html`
      <header>
        <h1>${t(lang, 'title')}</h1>
        <p>${t(lang, 'subtitle')}</p>
      </header>
      <jb-map .layers=${this.layers} label=${t(lang, 'mapLabel')}></jb-map>
      ${this.status === 'loading' ? html`<div class="status" role="status">${t(lang, 'loading')}</div>` : null}
      ${this.status === 'failed'
        ? html`<div class="status" role="alert">${t(lang, 'loadFailed')}${this.error}
            <button @click=${() => this.load()}>${t(lang, 'retry')}</button></div>`
        : null}
    `;
  }
}

customElements.define('jb-app', JbApp);
