/**
 * <jb-app>'s side panel and how it is wired: each tab's element with what it shows (read from
 * the app's controllers) and what its events do. Layout and wiring only, as the shell is.
 */
import { html } from 'lit';
import { shippedLayer } from '../api';
import { type Lang, t } from '../content/messages';
import type { JbEvent } from '../events';
import { type ViewState, withGroup } from '../state/view-state';
import type { JbApp } from './jb-app';
import './jb-layers';
import { need } from './lazy';
import './jb-coverage';
import './jb-panel';
import './jb-pieces';

export function renderSide(app: JbApp, lang: Lang, s: ViewState, analysis: boolean) {
  void need(s.panel);
  const { workbench: wb, nearby, shipped, analysis: an } = app;
  const toggleGroup = (e: JbEvent<'toggle-group'>) => app.patchState({ visible: withGroup(s.visible, e.detail.id, e.detail.on) });
  return html`<div class="side">
    <header>
      <h1><span class="title">${t(lang, 'title')}</span>
        <span class="actions">
          <button class="tour" aria-label=${t(lang, 'tourStartLabel')} @click=${() => app.tour.start()}>${t(lang, 'tourStart')}</button>
          <button class="lang" aria-label=${t(lang, 'langSwitchLabel')} @click=${() => app.switchLang(lang === 'zh' ? 'en' : 'zh')}>${t(lang, 'langSwitch')}</button>
        </span>
      </h1>
      <p>${t(lang, 'subtitle')}</p>
    </header>
    <jb-panel .active=${s.panel} .lang=${lang} @panel-change=${(e: JbEvent<'panel-change'>) => app.patchState({ panel: e.detail })}>
      <jb-coverage slot="coverage" .lang=${lang} .coverage=${an.peopleCoverage ?? an.coverage} .gaps=${an.gaps} .mode=${s.mode} .tier=${s.tier}
        .loading=${an.loading} .error=${an.error} .sports=${s.sports}
        .sportsAvailable=${app.shipped.layers.some((l) => l.id === 'sports')}
        .inventory=${shipped.inventory} .sportsCount=${shipped.sportsCount}
        .builtup=${shipped.builtupInfo} .scenario=${wb.hasChanges ? { name: wb.current.name, upload: wb.data.isUpload } : undefined}
        @mode-change=${(e: JbEvent<'mode-change'>) => app.setAnalysis({ mode: e.detail })}
        @sports-change=${(e: JbEvent<'sports-change'>) => app.setAnalysis({ sports: e.detail })}
        @tier-change=${(e: JbEvent<'tier-change'>) => app.setAnalysis({ tier: e.detail })}
        @gap-select=${(e: JbEvent<'gap-select'>) => app.map?.focusOn(e.detail)}
        @retry=${() => an.analyse()}
      ></jb-coverage>
      <jb-pieces slot="coverage" .lang=${lang} .pieces=${an.pieces}
        @gap-select=${(e: JbEvent<'gap-select'>) => app.map?.focusOn(e.detail)}
        @piece-add=${(e: JbEvent<'piece-add'>) => app.addSuggested(e.detail)}
      ></jb-pieces>
      <jb-layers slot="layers" .lang=${lang} .visible=${s.visible} .available=${app.shipped.layers} .names=${app.shipped.names} .analysis=${analysis} .basemap=${app.basemap} .basemapFailed=${app.basemapFailed}
        @toggle-group=${toggleGroup}
        @toggle-basemap=${(e: JbEvent<'toggle-basemap'>) => {
          app.basemap = e.detail;
          app.basemapFailed = false;
        }}
      ></jb-layers>
      <jb-nearby slot="nearby" .lang=${lang} .mode=${s.mode} .sports=${s.sports} .spot=${s.near} .result=${nearby.nearest} .places=${nearby.places}
        .loading=${nearby.loading} .locating=${nearby.locating} .message=${nearby.message} .shareText=${nearby.shareText}
        .outside=${nearby.outside} .destination=${nearby.destination} .route=${nearby.route()} .tierOf=${app.shipped.tierOf} .spotName=${nearby.spotName()}
        @clear-destination=${() => nearby.clearDestination()}
        @locate=${() => nearby.locate()}
        @search=${(e: JbEvent<'search'>) => nearby.search(e.detail)}
        @pick-place=${(e: JbEvent<'pick-place'>) => nearby.pickPlace(e.detail)}
        @mode-change=${(e: JbEvent<'mode-change'>) => app.setAnalysis({ mode: e.detail })}
        @result-select=${(e: JbEvent<'result-select'>) => nearby.selectSite(e.detail.id)}
        @share=${() => nearby.share()}
      ></jb-nearby>
      <jb-share slot="plan" .lang=${lang} .share=${app.share.snapshot()} .baseline=${wb.baseline ?? an.coverage} .mine=${wb.hasChanges ? wb.result : wb.baseline}
        @scenario-share=${app.onShareAction}></jb-share>
      <jb-workbench slot="plan" .lang=${lang} .scenario=${wb.current} .scenarios=${wb.scenarios}
        .baseline=${wb.baseline} .result=${wb.result} .suggestions=${wb.suggested.list}
        .upload=${wb.data.upload} .busy=${wb.busy} .suggesting=${wb.suggested.busy}
        .error=${wb.error} .saveError=${wb.saveError} .storeProblems=${wb.storeProblems}
        .persistent=${wb.persistent} .tool=${wb.tool} .newTier=${wb.newTier} .draftCount=${wb.draft.length}
        .lastUpdateMs=${wb.lastUpdateMs} .baseFrom=${wb.data.from} .uploadedCount=${wb.data.uploaded?.features.length ?? 0}
        .names=${wb.data.names(lang)} .mode=${s.mode} .notes=${wb.siteNotes(shipped.district)}
        @wb=${app.onPlannerAction}
      ></jb-workbench>
      <jb-population slot="plan" .lang=${lang} .prepared=${app.population.prepared} .people=${an.peopleCoverage?.people}
        .fileName=${app.population.fileName} .checking=${app.population.checking} .error=${app.population.error} .fields=${app.population.fields}
        @population-load=${(e: JbEvent<'population-load'>) => app.population.load(e.detail, shipped.bundle ? shippedLayer(shipped.bundle, 'boundary') : undefined)}
        @population-clear=${() => app.population.clear()}
      ></jb-population>
      <jb-about slot="about" .lang=${lang} .available=${app.shipped.layers} .split=${shipped.split} .inventory=${shipped.inventory}
        .builtup=${shipped.builtupInfo} .bundle=${shipped.bundle} .coverage=${an.coverage} .tier=${s.tier} .visible=${s.visible} @toggle-group=${toggleGroup}></jb-about>
    </jb-panel>
  </div>`;
}
