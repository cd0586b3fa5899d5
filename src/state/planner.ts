/**
 * The planner's actions: one typed union, sent by <jb-workbench> as the detail of its `wb`
 * event and run here. Editing goes to the WorkbenchController; the exports read what the page
 * shows (the app's coverage and gaps, or the scenario's when it changes anything).
 */
import type { FeatureCollection } from 'geojson';
import type { Tier } from '../api';
import { type Coverage, errorMessage, fetchRings } from '../api';
import type { ClickMode } from '../components/jb-map';
import { OSM_SOURCE } from '../content/data-source';
import { type Lang, t } from '../content/messages';
import type { ViewState } from './view-state';
import type { WorkbenchController } from './workbench';

/** The planner's map tool: none (select), add a point, draw an outline, close a site. */
export type Tool = 'none' | 'add' | 'draw' | 'close';
/** The coordinate system an uploaded file is in. */
export type Crs = 'WGS84' | 'GCJ02';

export type PlannerAction =
  | { action: 'select'; id: string }
  | { action: 'rename'; name: string }
  | { action: 'new' | 'duplicate' | 'delete' | 'export' }
  | { action: 'import' | 'upload'; file: File; crs: Crs }
  | { action: 'tool'; tool: Tool }
  | { action: 'tier'; tier: Tier }
  | { action: 'finish-draft' | 'cancel-draft' }
  | { action: 'delete-proposal' | 'toggle-closure'; id: string }
  | { action: 'suggest'; count: number }
  | { action: 'accept' | 'dismiss'; rank: number }
  | { action: 'accept-all' }
  | { action: 'use-upload'; how: 'add' | 'replace' }
  | { action: 'use-shipped' }
  | { action: 'export-rings' | 'export-gaps' | 'export-csv' | 'export-png' | 'report' };

/** What the exports need from the page. */
export interface PlannerContext {
  workbench: WorkbenchController;
  lang: Lang;
  view: Pick<ViewState, 'mode' | 'sports' | 'tier'>;
  coverage: Coverage | undefined;
  gaps: FeatureCollection | undefined;
  /** The map drawn as a PNG (undefined when there is no map). */
  png(): Promise<Blob | undefined>;
  /** Opens the printable report (it captures the district itself). */
  report(): Promise<void>;
  /** Frames a lon/lat box on the map (beside the panel). */
  focus(bounds: [number, number, number, number]): void;
}

const GEOJSON = 'application/geo+json';

/** What a click on the map does: select in a tour, set the spot in Nearby, else the planner's tool (in its panel). */
export function clickMode(state: Pick<ViewState, 'tour' | 'panel'>, tool: Tool): ClickMode {
  if (state.tour !== undefined) return 'select';
  if (state.panel === 'nearby') return 'spot';
  if (state.panel === 'plan' && tool !== 'none') return tool;
  return 'select';
}

/** The file makers: code for exports only, loaded on the first one. */
const files = () => import('../export');

export async function runPlannerAction(a: PlannerAction, ctx: PlannerContext): Promise<void> {
  const { workbench: wb, lang } = ctx;
  switch (a.action) {
    case 'select':
      return wb.select(a.id);
    case 'rename':
      return wb.rename(a.name);
    case 'new':
      return wb.create(`${t(lang, 'planScenario')} ${wb.scenarios.length + 1}`);
    case 'duplicate':
      return wb.duplicate(t(lang, 'planCopySuffix'));
    case 'delete':
      return wb.remove();
    case 'export': {
      const f = wb.exportFile();
      return (await files()).download(f.name, f.text, GEOJSON);
    }
    case 'import': {
      const problem = wb.importText(await a.file.text(), a.file.name);
      if (problem) wb.fail(`${t(lang, 'planImportFailed')}${problem}`);
      return;
    }
    case 'tool':
      return wb.setTool(a.tool);
    case 'tier':
      return wb.setNewTier(a.tier);
    case 'finish-draft':
      return wb.finishDraft();
    case 'cancel-draft':
      return wb.cancelDraft();
    case 'delete-proposal':
      return wb.deleteProposal(a.id);
    case 'toggle-closure':
      return wb.toggleClosure(a.id);
    case 'suggest': {
      await wb.suggested.ask(a.count);
      // Show where they are: a planner should see each one before accepting it.
      const box = wb.suggested.bounds();
      if (box) ctx.focus(box);
      return;
    }
    case 'accept':
      return wb.suggested.accept(a.rank);
    case 'dismiss':
      return wb.suggested.dismiss(a.rank);
    case 'accept-all':
      return wb.suggested.accept();
    case 'upload':
      return wb.data.check(a.file, a.crs);
    case 'use-upload':
      return wb.useUpload(a.how);
    case 'use-shipped':
      return wb.useShipped();
    case 'export-rings': {
      try {
        const rings = wb.hasChanges && wb.rings ? wb.rings : await fetchRings(ctx.view.mode, ctx.view.sports);
        return (await files()).download('jiangbei-service-areas.geojson', JSON.stringify(rings), GEOJSON);
      } catch (err) {
        return wb.fail(`${t(lang, 'planExportFailed')}${errorMessage(err)}`);
      }
    }
    case 'export-gaps':
      return (await files()).download(`jiangbei-gaps-${ctx.view.tier}.geojson`, JSON.stringify((wb.hasChanges && wb.gaps) || ctx.gaps), GEOJSON);
    case 'export-csv': {
      const c = (wb.hasChanges && wb.result) || ctx.coverage;
      const credit = t(lang, 'osmPlain', { date: OSM_SOURCE.date, licence: OSM_SOURCE.licence });
      const scenario = wb.hasChanges ? wb.current.name : t(lang, 'planBaseline');
      const { coverageCsv, download } = await files();
      if (c) download('jiangbei-coverage.csv', coverageCsv(c, wb.hasChanges ? wb.baseline : undefined, credit, { scenario }), 'text/csv;charset=utf-8');
      return;
    }
    case 'export-png': {
      const blob = await ctx.png();
      if (blob) (await files()).download('jiangbei-map.png', blob);
      return;
    }
    case 'report':
      return ctx.report();
    default: {
      const never: never = a;
      return never;
    }
  }
}
