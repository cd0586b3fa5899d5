import { css, html, LitElement } from 'lit';
import type { Coverage, Tier } from '../api';
import { type Lang, t } from '../content/messages';
import { TIER_LABEL } from '../content/targets';
import { emit } from '../events';
import { formatNumber } from '../geo';
import type { ScenarioView } from '../share-api';
import type { ShareAction, ShareRecord, ShareView } from '../state/share';

const TIERS: Tier[] = ['leisure', 'garden', 'park'];

/**
 * <jb-share>: sharing in the Plan tab. A shared scenario opened from a link, read-only (name,
 * version, date, its rates against today, "make my own copy"); the current scenario's links
 * and "save a new version"; a conflict with both versions' rates side by side; a failure of
 * the server, saying the local copy is safe, with a retry. State comes down as a snapshot of
 * the ShareController (`share`); every action goes up as one `scenario-share` event.
 */
export class JbShare extends LitElement {
  static override properties = {
    lang: { type: String },
    share: { attribute: false },
    baseline: { attribute: false },
    mine: { attribute: false },
    origin: { type: String },
  };

  static override styles = css`
    :host { display: block; font-size: 14px; }
    h3 { font-size: 0.92rem; margin: 14px 0 6px; color: #37474f; }
    .card { border: 1px solid #90caf9; background: #e3f2fd; border-radius: 8px; padding: 8px 10px; margin: 0 0 10px; }
    .card h3 { margin-top: 0; }
    .name { font-weight: 600; word-break: break-word; }
    .row { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; margin: 4px 0; }
    input[readonly] { flex: 1; min-width: 8em; font: inherit; font-size: 0.85em; min-height: 30px; padding: 2px 6px; border: 1px solid #90a4ae; border-radius: 6px; }
    button { font: inherit; min-height: 34px; padding: 2px 10px; border: 1px solid #90a4ae; border-radius: 6px; background: #fff; cursor: pointer; }
    button.primary { background: #2e7d32; color: #fff; border-color: #2e7d32; }
    button:focus-visible, input:focus-visible { outline: 3px solid #1565c0; outline-offset: 2px; }
    .muted { color: #78909c; font-size: 0.85em; }
    .warn { background: #fff3e0; border-left: 4px solid #ef6c00; padding: 8px; border-radius: 4px; margin: 6px 0; }
    .err { background: #ffebee; border-left: 4px solid #c62828; padding: 8px; border-radius: 4px; margin: 6px 0; }
    .ok { color: #1b5e20; }
    table { width: 100%; border-collapse: collapse; font-variant-numeric: tabular-nums; font-size: 0.9em; }
    th, td { text-align: right; padding: 3px 4px; border-bottom: 1px solid #eceff1; }
    th:first-child, td:first-child { text-align: left; }
  `;

  declare lang: Lang;
  declare share: ShareView;
  /** Today's rates, and the current local scenario's (for the conflict view). */
  declare baseline: Coverage | undefined;
  declare mine: Coverage | undefined;
  declare origin: string;

  constructor() {
    super();
    this.lang = 'zh';
    this.origin = location.origin;
  }

  private act(action: ShareAction['action']) {
    emit(this, 'scenario-share', { action });
  }

  private async copyText(e: Event, text: string) {
    const button = e.currentTarget as HTMLButtonElement;
    try {
      await navigator.clipboard.writeText(text);
      button.textContent = t(this.lang, 'shareCopied');
    } catch {
      // No clipboard (permissions, insecure origin): the link stays selectable in its field.
      (button.previousElementSibling as HTMLInputElement | null)?.select();
    }
  }

  private rate(c: Coverage | undefined, tier: Tier) {
    const r = c?.tiers.find((x) => x.tier === tier);
    return r ? `${formatNumber(r.coverage_pct, this.lang)}%` : '…';
  }

  /** One row per tier, one column per scenario. */
  private ratesTable(cols: [string, Coverage | undefined][], cls: string) {
    const lang = this.lang;
    return html`<table class=${cls}>
      <thead><tr><th>${t(lang, 'shareConflictTier')}</th>${cols.map(([h]) => html`<th>${h}</th>`)}</tr></thead>
      <tbody>${TIERS.map((tier) => html`<tr data-tier=${tier}><td>${t(lang, TIER_LABEL[tier])}</td>${cols.map(([, c]) => html`<td>${this.rate(c, tier)}</td>`)}</tr>`)}</tbody>
    </table>`;
  }

  override render() {
    const s = this.share;
    if (!s) return null;
    // While a shared scenario is open, the panel is about it alone (its copy comes next).
    return html`${s.viewingId ? this.renderViewing() : this.renderOwn()}${this.renderStatus()}`;
  }

  private renderViewing() {
    const lang = this.lang;
    const s = this.share;
    const v = s.viewing;
    return html`<section class="card viewing" aria-label=${t(lang, 'shareViewTitle')}>
      <h3>${t(lang, 'shareViewTitle')}</h3>
      ${s.notFound ? html`<p class="err" role="alert">${t(lang, 'shareNotFound')}</p>` : null}
      ${!v && !s.notFound && s.busy === 'open' ? html`<p class="muted" role="status">${t(lang, 'shareViewLoading')}</p>` : null}
      ${v ? this.renderView(v) : null}
      <div class="row">
        ${v ? html`<button class="primary copy" @click=${() => this.act('copy')}>${t(lang, s.canEditViewing ? 'shareCopyOwnEdit' : 'shareCopyOwn')}</button>` : null}
        <button class="close" @click=${() => this.act('close')}>${t(lang, 'shareClose')}</button>
      </div>
    </section>`;
  }

  private renderView(v: ScenarioView) {
    const lang = this.lang;
    const date = new Date(v.saved).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB');
    return html`
      <p class="name">${v.name}</p>
      <p class="meta" data-version=${v.version}>${t(lang, 'shareViewMeta', { n: v.version, latest: v.latest, date })}</p>
      <p class="muted">${t(lang, 'shareViewCounts', { p: v.scenario.features.length, c: v.scenario.jiangbei_scenario.closures.length })}</p>
      ${!v.data.matches ? html`<p class="warn data-changed">${t(lang, 'shareDataChanged', { old: v.data.version, now: v.data.current })}</p>` : null}
      ${v.data.missing_closures.length ? html`<p class="warn data-missing">${t(lang, 'shareDataMissing', { ids: v.data.missing_closures.join(', ') })}</p>` : null}
      <p class="muted">${t(lang, 'shareViewRates')}</p>
      ${this.ratesTable(
        [
          [t(lang, 'planBaseline'), this.baseline],
          [t(lang, 'planScenarioCol'), this.share.viewingRates],
        ],
        'view-rates',
      )}
      ${this.ratesFailed()}
    `;
  }

  private renderOwn() {
    const lang = this.lang;
    const s = this.share;
    const link = s.link;
    const c = s.conflict;
    return html`<section class="own">
      <h3>${t(lang, 'shareTitle')}</h3>
      ${
        c
          ? this.renderConflict(c.base, c.theirs, c.theirsRates)
          : link?.token
            ? this.renderLinked(link)
            : html`
        <p class="muted">${link ? t(lang, 'shareNoToken') : t(lang, 'shareIntro')}</p>
        <div class="row"><button class="primary share" ?disabled=${s.busy !== ''} @click=${() => this.act('share')}>${t(lang, s.busy === 'share' ? 'shareSharing' : 'shareButton')}</button></div>`
      }
    </section>`;
  }

  private renderLinked(link: ShareRecord) {
    const lang = this.lang;
    const read = `${this.origin}/?scenario=${link.id}`;
    const edit = `${read}#edit=${link.token}`;
    return html`
      <p class="linked" data-id=${link.id} data-version=${link.version}>${t(lang, 'shareLinked', { n: link.version })}</p>
      <p class="muted">${t(lang, 'shareReadLink')}</p>
      <div class="row"><input readonly class="read-link" .value=${read} /><button @click=${(e: Event) => this.copyText(e, read)}>${t(lang, 'shareCopy')}</button></div>
      <p class="muted">${t(lang, 'shareEditLink')}</p>
      <div class="row"><input readonly class="edit-link" .value=${edit} /><button @click=${(e: Event) => this.copyText(e, edit)}>${t(lang, 'shareCopy')}</button></div>
      <div class="row"><button class="primary save-version" ?disabled=${this.share.busy !== ''} @click=${() => this.act('save')}>${t(lang, this.share.busy === 'save' ? 'shareSaving' : 'shareSaveVersion')}</button></div>
    `;
  }

  private renderConflict(base: number, theirs: ScenarioView, theirsRates: Coverage | undefined) {
    const lang = this.lang;
    return html`<div class="conflict" role="alert">
      <p class="warn"><strong>${t(lang, 'shareConflictTitle')}</strong><br />${t(lang, 'shareConflictText', { base, n: theirs.version, name: theirs.name })}</p>
      ${this.ratesTable(
        [
          [t(lang, 'shareConflictTheirs', { n: theirs.version }), theirsRates],
          [t(lang, 'shareConflictMine'), this.mine],
        ],
        'conflict-rates',
      )}
      ${this.ratesFailed()}
      <div class="row">
        <button class="primary keep-mine" ?disabled=${this.share.busy !== ''} @click=${() => this.act('keep-mine')}>${t(lang, 'shareKeepMine')}</button>
        <button class="take-theirs" @click=${() => this.act('take-theirs')}>${t(lang, 'shareTakeTheirs')}</button>
      </div>
    </div>`;
  }

  /** The rates' analysis failed: say why, with a retry, rather than "…" for ever. */
  private ratesFailed() {
    const failed = this.share.ratesFailure;
    if (failed === undefined) return null;
    const lang = this.lang;
    return html`<p class="err rates-failed" role="alert">${t(lang, 'shareRatesFailed', { message: failed })}
      <button class="retry-rates" @click=${() => this.act('retry-rates')}>${t(lang, 'shareRetry')}</button></p>`;
  }

  private renderStatus() {
    const lang = this.lang;
    const s = this.share;
    return html`
      ${
        s.failure
          ? html`<div class="err failure" role="alert">${t(lang, 'shareFailed', { message: s.failure.message })}
          <div class="row"><button class="retry" @click=${() => this.act('retry')}>${t(lang, 'shareRetry')}</button></div></div>`
          : null
      }
      ${s.notice ? html`<p class="ok notice" role="status">${t(lang, s.notice.key, s.notice.vars)}</p>` : null}
    `;
  }
}

customElements.define('jb-share', JbShare);

declare global {
  interface HTMLElementTagNameMap {
    'jb-share': JbShare;
  }
}
