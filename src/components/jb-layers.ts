import { css, html, LitElement } from 'lit';
import type { LayerInfo } from '../api';
import { BOUNDARY_LEGEND, type GroupId, LAYER_GROUPS, type LayerGroup, type LegendSwatch } from '../content/layer-groups';
import { type Lang, t } from '../content/messages';
import { emit } from '../events';
import { groupTitle, type LegendNames, swatchText } from '../state/legend-text';
import { swatch } from './swatch';

/**
 * <jb-layers>: the legend, one checkbox per layer group, drawn from the same data the map
 * is styled with (content/layer-groups.ts), so what the legend shows is what is drawn.
 * Events: `toggle-group` ({id, on}), `toggle-basemap` (boolean).
 */
export class JbLayers extends LitElement {
  static override properties = {
    lang: { type: String },
    visible: { attribute: false },
    available: { attribute: false },
    names: { attribute: false },
    analysis: { type: Boolean },
    basemap: { type: Boolean },
    basemapFailed: { type: Boolean },
  };

  static override styles = css`
    h2 { font-size: 1rem; margin: 0 0 8px; }
    ul { list-style: none; margin: 0; padding: 0; }
    li { margin: 2px 0; }
    label { display: flex; gap: 8px; align-items: flex-start; padding: 6px 2px; cursor: pointer; min-height: 28px; }
    input { margin: 2px 0 0; width: 18px; height: 18px; flex: none; }
    input:focus-visible { outline: 3px solid #1565c0; outline-offset: 2px; }
    .row { display: flex; align-items: center; gap: 6px; font-size: 0.85em; color: #455a64; }
    .swatch { flex: none; }
    .boundary { margin: 0 0 4px 26px; font-size: 0.95em; }
    .name { font-weight: 500; }
    .one { display: flex; align-items: center; gap: 8px; }
    .swatches { display: flex; flex-direction: column; gap: 2px; margin-top: 4px; }
    .basemap { margin-top: 12px; border-top: 1px solid #eceff1; padding-top: 8px; }
    .note { font-size: 0.8em; color: #607d8b; margin: 2px 0 0 26px; }
    .note.failed { color: #b23c00; }
  `;

  declare lang: Lang;
  declare visible: Set<GroupId>;
  declare available: LayerInfo[];
  /** Layer titles and zone names from the geodata. */
  declare names: LegendNames;
  declare analysis: boolean;
  declare basemap: boolean;
  /** The basemap was turned off because its tiles could not be loaded. */
  declare basemapFailed: boolean;

  constructor() {
    super();
    this.lang = 'zh';
    this.visible = new Set();
    this.available = [];
    this.names = new Map();
    this.analysis = false;
    this.basemap = false;
    this.basemapFailed = false;
  }

  private swatch(s: LegendSwatch, g: LayerGroup) {
    return html`<span class="row">${swatch(s)}${swatchText(s, g, this.lang, this.names)}</span>`;
  }

  override render() {
    const lang = this.lang;
    const shipped = new Set(this.available.map((l) => l.id));
    const groups = LAYER_GROUPS.filter((g) => (g.source === 'rings' || g.source === 'gaps' ? this.analysis : shipped.has(g.source)));
    // Top of the map first, as legends read.
    return html`
      <h2>${t(lang, 'legendTitle')}</h2>
      <p class="one boundary">${swatch(BOUNDARY_LEGEND)}<span class="name">${this.names.get('layer:boundary')?.[lang] ?? ''}</span></p>
      <ul>
        ${[...groups].reverse().map((g) => {
          const on = this.visible.has(g.id);
          return html`<li>
            <label>
              <input type="checkbox" .checked=${on} data-group=${g.id}
                @change=${(e: Event) => emit(this, 'toggle-group', { id: g.id, on: (e.target as HTMLInputElement).checked })} />
              ${
                g.legend.length === 1
                  ? html`<span class="one">${swatch(g.legend[0]!)}<span class="name">${groupTitle(g, lang, this.names)}</span></span>`
                  : html`<span>
                    <span class="name">${groupTitle(g, lang, this.names)}</span>
                    <span class="swatches">${g.legend.map((s) => this.swatch(s, g))}</span>
                  </span>`
              }
            </label>
          </li>`;
        })}
      </ul>
      <div class="basemap">
        <label>
          <input type="checkbox" .checked=${this.basemap} data-basemap
            @change=${(e: Event) => emit(this, 'toggle-basemap', (e.target as HTMLInputElement).checked)} />
          <span class="name">${t(lang, 'basemap')}</span>
        </label>
        <p class="note">${t(lang, 'basemapNote')}</p>
        ${this.basemapFailed ? html`<p class="note failed" role="alert">${t(lang, 'basemapFailed')}</p>` : null}
      </div>
    `;
  }
}

customElements.define('jb-layers', JbLayers);

declare global {
  interface HTMLElementTagNameMap {
    'jb-layers': JbLayers;
  }
}
