import { css, html, LitElement } from 'lit';
import { type Lang, t } from '../content/messages';
import { emit } from '../events';
import { NARROW, SHEET } from '../layout';
import type { PanelId } from '../state/view-state';

const TABS: { id: PanelId; label: 'tabCoverage' | 'tabNearby' | 'tabPlan' | 'tabLayers' | 'tabAbout' }[] = [
  { id: 'coverage', label: 'tabCoverage' },
  { id: 'nearby', label: 'tabNearby' },
  { id: 'plan', label: 'tabPlan' },
  { id: 'layers', label: 'tabLayers' },
  { id: 'about', label: 'tabAbout' },
];

/**
 * <jb-panel>: the side panel (a bottom sheet below 700 px wide) with one tab per slot:
 * slot="coverage" | "nearby" | "plan" | "layers" | "about". Property `active`; event `panel-change`.
 * Tabs follow the WAI-ARIA tabs pattern (arrow keys move between tabs).
 */
export class JbPanel extends LitElement {
  static override properties = {
    active: { type: String },
    lang: { type: String },
    expanded: { type: Boolean, reflect: true },
  };

  static override styles = css`
    :host {
      /* On a desktop the parent column places the panel; on a phone it is a bottom sheet. */
      position: relative; flex: 1; min-height: 0;
      display: flex; flex-direction: column; background: rgb(255 255 255 / 0.96);
      border-radius: 8px; box-shadow: 0 1px 6px rgb(0 0 0 / 0.25); font-size: 14px; color: #263238;
    }
    [role='tablist'] { display: flex; border-bottom: 1px solid #cfd8dc; }
    [role='tab'] {
      flex: 1; font: inherit; padding: 10px 4px; border: 0; background: none; cursor: pointer; color: #455a64;
      border-bottom: 3px solid transparent; min-height: 44px;
    }
    [role='tab'][aria-selected='true'] { color: #1b5e20; border-bottom-color: #2e7d32; font-weight: 600; }
    button:focus-visible { outline: 3px solid #1565c0; outline-offset: -3px; }
    /* No scroll anchoring: content arriving above (results, notes) must not scroll the tab away from its top. */
    .body { overflow: auto; padding: 12px 14px; flex: 1; overflow-anchor: none; }
    .grip { display: none; }
    @media ${NARROW} {
      /* Opaque: the map showing through made the answer hard to read. */
      :host { position: absolute; z-index: 2; left: 0; right: 0; bottom: 0; height: ${SHEET.vh}vh; border-radius: 12px 12px 0 0; background: #fff; }
      :host([expanded]) { height: ${SHEET.expandedVh}vh; }
      .grip { display: block; width: 100%; border: 0; background: none; padding: 6px 0 0; min-height: 24px; cursor: pointer; }
      .grip::before { content: ''; display: block; margin: 0 auto; width: 44px; height: 5px; border-radius: 3px; background: #b0bec5; }
    }
  `;

  declare active: PanelId;
  declare lang: Lang;
  declare expanded: boolean;

  constructor() {
    super();
    this.active = 'coverage';
    this.lang = 'zh';
    this.expanded = false;
    // A search in a tab (Nearby's) opens the sheet: its hits would sit under the keyboard otherwise.
    this.addEventListener('sheet-expand', () => (this.expanded = true));
    // A hit picked: fold it again, so the map shows the way.
    this.addEventListener('pick-place', () => (this.expanded = false));
  }

  /** Each tab opens at its top: the tabs share one scrolling body, which kept the last tab's scroll. */
  override updated(changed: Map<string, unknown>) {
    if (changed.has('active') && changed.get('active') !== undefined) {
      const body = this.renderRoot.querySelector<HTMLElement>('.body');
      if (body) body.scrollTop = 0;
    }
  }

  private select(id: PanelId, focus = false) {
    emit(this, 'panel-change', id);
    if (focus) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${id}`)?.focus());
  }

  private onKey(e: KeyboardEvent) {
    const i = TABS.findIndex((tab) => tab.id === this.active);
    const next = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? TABS.length - 1 : null;
    if (next === null) return;
    e.preventDefault();
    this.select(TABS[(next + TABS.length) % TABS.length]!.id, true);
  }

  override render() {
    const lang = this.lang;
    return html`
      <button class="grip" aria-label=${t(lang, 'sheetToggle')} aria-expanded=${String(this.expanded)} @click=${() => (this.expanded = !this.expanded)}></button>
      <div role="tablist" aria-label=${t(lang, 'panelLabel')} @keydown=${this.onKey}>
        ${TABS.map(
          (tab) => html`<button role="tab" id="tab-${tab.id}" aria-controls="panel" aria-selected=${String(tab.id === this.active)}
            tabindex=${tab.id === this.active ? 0 : -1} @click=${() => this.select(tab.id)}>${t(lang, tab.label)}</button>`,
        )}
      </div>
      <div class="body" id="panel" role="tabpanel" aria-labelledby="tab-${this.active}" tabindex="0">
        <slot name=${this.active}></slot>
      </div>
    `;
  }
}

customElements.define('jb-panel', JbPanel);

declare global {
  interface HTMLElementTagNameMap {
    'jb-panel': JbPanel;
  }
}
