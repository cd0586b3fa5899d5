/**
 * What <jb-app> shows over the map and panel: a feature's card, the one-page report, the
 * tour's handout, and the failures to load with their retry. Wiring only.
 */
import { html } from 'lit';
import type { GroupId } from '../content/layer-groups';
import { type Lang, t } from '../content/messages';
import type { JbApp } from './jb-app';
import { need } from './lazy';

export function renderOverlays(app: JbApp, lang: Lang, visible: ReadonlySet<GroupId>) {
  const { workbench: wb, shipped, analysis: an, card, state: s } = app;
  if (card) void need('card');
  if (app.report) void need('report');
  if (app.tour.handout) void need('handout');
  return html`
      ${card ? html`<jb-card .lang=${lang} .feature=${card} .rates=${an.coverage?.areas.find((a) => a.id === card.id)} @close=${() => (app.card = undefined)}></jb-card>` : null}
      ${
        app.report
          ? html`<jb-report .lang=${lang} .image=${app.report.image} .coverage=${app.share.viewingRates ?? ((wb.hasChanges && wb.result) || an.coverage)}
            .baseline=${!app.share.viewingRates && wb.hasChanges && wb.result ? wb.baseline : undefined}
            .visible=${visible} .layers=${app.shipped.layers} .names=${app.shipped.names} .sports=${s.sports} .scenarioName=${app.share.viewing?.name ?? (wb.hasChanges ? wb.current.name : '')}
            @close=${() => (app.report = undefined)}></jb-report>`
          : null
      }
      ${
        app.tour.handout
          ? html`<jb-handout .pages=${app.tour.handout.pages} .busy=${app.tour.handout.busy} .lang=${lang} .facts=${app.tour.facts(lang, an.coverage, shipped.inventory)}
            .total=${app.tour.chapters.length} .names=${shipped.names} .mode=${s.mode} @close=${() => app.tour.closeHandout()}></jb-handout>`
          : null
      }
      ${
        app.mapError && !app.loadError
          ? html`<div class="status" role="alert">${t(lang, 'mapDataFailed')}${app.mapError}
            <button @click=${() => app.retryMap()}>${t(lang, 'retry')}</button></div>`
          : null
      }
      ${
        app.loadError
          ? html`<div class="status" role="alert">${t(lang, 'loadFailed')}${app.loadError}
            <button @click=${() => app.load()}>${t(lang, 'retry')}</button></div>`
          : null
      }
  `;
}
