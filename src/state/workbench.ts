/**
 * The planner's workbench as a Lit reactive controller: the current scenario and the saved
 * ones, the analysis of the scenario against its baseline, suggestions, and uploaded data.
 * Every change is saved at once; failures to save are reported, never swallowed.
 */

import type { FeatureCollection, Point, Polygon } from 'geojson';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ApiFailure, type Coverage, fetchCoverage, type Mode, type PopulationWire, postCoverage, postGaps, postRings, type Tier } from '../api';
import type { Tool } from './planner';
import { PlannerData } from './planner-data';
import { PlannerSuggestions } from './planner-suggestions';
import { ProposalViews } from './proposal-views';
import {
  fromGeoJSON,
  newId,
  newScenario,
  type Proposal,
  QuotaError,
  type Scenario,
  ScenarioFileError,
  ScenarioStore,
  type StoreProblem,
  scenarioSites,
  toGeoJSON,
} from './scenario';
import type { DistrictShape, SiteNote } from './site-checks';
import { browserStorage } from './storage';

/** Baselines are kept by how they were counted: mode, sports, and whether in people too. */
const baselineKey = (mode: Mode, sports: boolean, people = false) => `${mode}|${sports}|${people}`;
const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

export class WorkbenchController implements ReactiveController {
  readonly store: ScenarioStore;
  readonly persistent: boolean;
  scenarios: Scenario[] = [];
  current!: Scenario;
  /** The last proposals turned into map features (see `proposalFeatures`). */
  private readonly shown = new ProposalViews();
  /** Saved entries that could not be read (shown to the user; kept aside, not deleted). */
  storeProblems: StoreProblem[] = [];
  saveError = '';
  /** The green spaces the scenario starts from: shipped, the planner's upload added to them, or the upload alone. */
  readonly data = new PlannerData(() => this.host.requestUpdate());
  /** Suggested pocket parks for the scenario as it stands. */
  readonly suggested: PlannerSuggestions;
  /**
   * Coverage of the shipped data by how it was counted (mode, sports): what every scenario (and
   * every upload) is compared with. Kept per mode, since a saved scenario's mode need not be the
   * page's (a walk scenario opened by a plain link): its baseline is fetched when missing.
   */
  private baselines = new Map<string, Coverage>();
  result?: Coverage;
  rings?: FeatureCollection;
  gaps?: FeatureCollection;
  busy = false;
  error = '';
  /** Milliseconds from the last change to its rates being in hand, and to its rings. */
  lastUpdateMs?: number;
  ringsMs?: number;
  /** Completed analyses (tests and benchmarks wait on this). */
  updates = 0;
  /** The planner's map tool, the tier a new site gets, and the outline being drawn. */
  tool: Tool = 'none';
  newTier: Tier = 'leisure';
  draft: [number, number][] = [];
  private inflight?: AbortController;

  /**
   * `view` reads what the page shows: the tier whose gaps are drawn, whether sports grounds
   * count as leisure spaces (sent as `sports` with every request, so a scenario is compared
   * with a baseline counted the same way), and the distance mode: a scenario is analysed in the
   * page's mode whatever mode it was saved in (the page has one mode switch).
   */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly view: () => { tier: Tier; sports: boolean; mode: Mode; population?: PopulationWire | undefined },
    storage?: Storage,
  ) {
    host.addController(this);
    const wb = this;
    const s = storage ? { storage, persistent: true } : browserStorage();
    this.store = new ScenarioStore(s.storage);
    this.persistent = s.persistent;
    this.suggested = new PlannerSuggestions({
      get sites() {
        return wb.sites;
      },
      get current() {
        return wb.current;
      },
      view: () => this.view(),
      propose: (sites) => this.propose(sites),
      failed: (error) => this.fail(error),
      requestUpdate: () => this.host.requestUpdate(),
    });
    this.loadSaved();
  }

  hostConnected() {}

  private loadSaved() {
    const { scenarios, problems } = this.store.list();
    this.scenarios = scenarios;
    this.storeProblems = problems;
    for (const p of problems) this.store.quarantine(p.key);
    const currentId = this.store.currentId();
    this.current = scenarios.find((s) => s.id === currentId) ?? scenarios[0] ?? newScenario('方案 1 / Scenario 1');
    if (!scenarios.includes(this.current)) this.scenarios = [this.current, ...scenarios];
  }

  /** The shipped green spaces and their coverage (in any mode): the baseline every change is compared with. */
  setShipped(base: FeatureCollection, coverage: Coverage | undefined) {
    this.data.setShipped(base);
    if (coverage) this.baselines.set(baselineKey(coverage.mode, coverage.sports ?? false, coverage.people !== undefined), coverage);
    this.host.requestUpdate();
  }

  /** Today's coverage counted as the scenario is (the page's mode and sports setting). */
  get baseline(): Coverage | undefined {
    const { mode, sports, population } = this.view();
    // With a population, today's rates in people if in hand (else by area: the people columns then stay blank).
    return (population && this.baselines.get(baselineKey(mode, sports, true))) || this.baselines.get(baselineKey(mode, sports));
  }

  get hasChanges(): boolean {
    return this.current.proposals.length > 0 || this.current.closures.length > 0 || this.data.isUpload;
  }

  get sites(): FeatureCollection {
    return scenarioSites(this.data.base, this.current);
  }

  // --- editing ---------------------------------------------------------------------------

  private change(mutate: (s: Scenario) => Scenario) {
    this.current = mutate(structuredClone(this.current));
    this.persist();
    void this.analyse();
  }

  private persist() {
    try {
      this.current = this.store.save(this.current);
      this.saveError = '';
    } catch (err) {
      this.saveError = err instanceof QuotaError ? 'quota' : message(err);
    }
    const i = this.scenarios.findIndex((s) => s.id === this.current.id);
    if (i >= 0) this.scenarios = this.scenarios.map((x, j) => (j === i ? this.current : x));
    else this.scenarios = [this.current, ...this.scenarios];
    this.host.requestUpdate();
  }

  addProposal(tier: Tier, geometry: Point | Polygon, extra: Partial<Proposal> = {}) {
    this.propose([{ tier, geometry, ...extra }]);
  }

  /** New sites in one change, named #n on from the last. */
  private propose(sites: Omit<Proposal, 'id' | 'name'>[]) {
    const n = this.current.proposals.length;
    const added = sites.map((p, i): Proposal => ({ id: newId('site'), name: `#${n + i + 1}`, ...p }));
    this.change((s) => ({ ...s, proposals: [...s.proposals, ...added] }));
  }

  moveProposal(id: string, to: [number, number]) {
    this.change((s) => ({
      ...s,
      proposals: s.proposals.map((p) => {
        if (p.id !== id) return p;
        if (p.geometry.type === 'Point') return { ...p, geometry: { type: 'Point', coordinates: to } };
        // Move an outline by the offset of its first vertex.
        const [x0, y0] = p.geometry.coordinates[0]![0]!;
        const [dx, dy] = [to[0] - x0!, to[1] - y0!];
        return { ...p, geometry: { type: 'Polygon', coordinates: p.geometry.coordinates.map((r) => r.map(([x, y]) => [x! + dx, y! + dy])) } };
      }),
    }));
  }

  deleteProposal(id: string) {
    this.change((s) => ({ ...s, proposals: s.proposals.filter((p) => p.id !== id) }));
  }

  toggleClosure(id: string) {
    this.change((s) => ({ ...s, closures: s.closures.includes(id) ? s.closures.filter((x) => x !== id) : [...s.closures, id] }));
  }

  rename(name: string) {
    this.change((s) => ({ ...s, name: name.slice(0, 200) }));
  }

  setMode(mode: Mode) {
    if (mode !== this.current.mode) this.change((s) => ({ ...s, mode }));
  }

  // --- the map tools --------------------------------------------------------------------

  setTool(tool: Tool) {
    this.tool = tool;
    this.draft = [];
    this.host.requestUpdate();
  }

  setNewTier(tier: Tier) {
    this.newTier = tier;
    this.host.requestUpdate();
  }

  /** A click on the map with the current tool: a new site, a vertex of the outline, a closure. */
  pick(mode: Tool, lngLat: [number, number], id?: string) {
    if (mode === 'add') this.addProposal(this.newTier, { type: 'Point', coordinates: lngLat });
    else if (mode === 'draw') this.draft = [...this.draft, lngLat];
    else if (mode === 'close' && id) this.toggleClosure(id);
    this.host.requestUpdate();
  }

  finishDraft() {
    if (this.draft.length >= 3) this.addProposal(this.newTier, { type: 'Polygon', coordinates: [[...this.draft, this.draft[0]!]] });
    this.cancelDraft();
  }

  cancelDraft() {
    this.draft = [];
    this.host.requestUpdate();
  }

  /** Shows a message for the user (e.g. why an imported file was refused). */
  fail(error: string) {
    this.error = error;
    this.host.requestUpdate();
  }

  // --- scenarios -------------------------------------------------------------------------

  select(id: string) {
    const s = this.scenarios.find((x) => x.id === id);
    if (!s) return;
    this.current = s;
    this.persist();
    this.suggested.clear();
    void this.analyse();
  }

  create(name: string) {
    this.current = newScenario(name);
    this.persist();
    this.suggested.clear();
    void this.analyse();
  }

  duplicate(suffix: string) {
    this.current = { ...structuredClone(this.current), id: newId('sc'), name: `${this.current.name} ${suffix}` };
    this.persist();
  }

  remove() {
    this.store.remove(this.current.id);
    this.scenarios = this.scenarios.filter((s) => s.id !== this.current.id);
    this.current = this.scenarios[0] ?? newScenario('方案 1 / Scenario 1');
    this.suggested.clear();
    this.host.requestUpdate();
    void this.analyse();
  }

  /** Makes `s` the current scenario and saves it: a shared scenario copied here, or taken over. */
  adopt(s: Scenario) {
    this.current = s;
    this.persist();
    this.suggested.clear();
    void this.analyse();
  }

  exportFile(): { name: string; text: string } {
    const safe = this.current.name.replace(/[^\p{L}\p{N}_-]+/gu, '_').slice(0, 60) || 'scenario';
    return { name: `${safe}.geojson`, text: JSON.stringify(toGeoJSON(this.current), null, 1) };
  }

  /** Imports a scenario file; returns an error message for the user, or '' when it worked. */
  importText(text: string, fileName: string): string {
    try {
      this.current = fromGeoJSON(JSON.parse(text), fileName.replace(/\.(geo)?json$/i, ''));
    } catch (err) {
      return err instanceof ScenarioFileError || err instanceof SyntaxError ? message(err) : `unexpected: ${message(err)}`;
    }
    this.persist();
    this.suggested.clear();
    void this.analyse();
    return '';
  }

  // --- analysis --------------------------------------------------------------------------

  /**
   * Re-runs the analysis of the current scenario; keeps the last good result on failure.
   * Rates come back first (a few ms of work), then the gaps; the rings, the costliest, last.
   */
  async analyse() {
    this.inflight?.abort();
    if (!this.hasChanges) {
      this.result = this.rings = this.gaps = undefined;
      this.host.requestUpdate();
      return;
    }
    const { tier: gapTier, sports, mode, population } = this.view();
    // A scenario saved in another mode (or a link naming one) is analysed, and saved, in the page's.
    if (this.current.mode !== mode) {
      this.current = { ...this.current, mode };
      this.persist();
    }
    const ctrl = (this.inflight = new AbortController());
    const t0 = performance.now();
    this.busy = true;
    this.error = '';
    this.host.requestUpdate();
    // With a population, the rates come back in people too (the gaps and rings ignore it).
    const body = { sites: this.sites, radii: this.current.radii, mode: this.current.mode, ...(sports ? { sports } : {}) };
    const rateBody = population ? { ...body, population } : body;
    const current = () => this.inflight === ctrl;
    try {
      // All three asked at once; the worker answers one request at a time per isolate, in the
      // order asked: the rates (a few ms of work) first, then the gaps, then the rings (the
      // costliest). Each is shown as it arrives, so the table never waits for the map.
      const rates = postCoverage(rateBody, ctrl.signal).then((coverage) => {
        if (!current()) return;
        this.result = coverage;
        this.lastUpdateMs = performance.now() - t0;
        this.updates++;
        this.host.requestUpdate();
      });
      const gaps = postGaps({ ...body, tier: gapTier }, ctrl.signal).then((fc) => {
        if (!current()) return;
        this.gaps = fc;
        this.host.requestUpdate();
      });
      const rings = postRings(body, ctrl.signal).then((fc) => {
        if (!current()) return;
        this.rings = fc;
        this.ringsMs = performance.now() - t0;
      });
      rings.catch(() => undefined); // observed below; no unhandled rejection if the others fail first
      // Today's coverage counted the same way, unless already in hand (a cached GET).
      const key = baselineKey(body.mode, sports);
      const baseline = this.baselines.has(key)
        ? undefined
        : fetchCoverage(body.mode, sports, ctrl.signal).then((c) => {
            this.baselines.set(key, c);
            this.host.requestUpdate();
          });
      await Promise.all([rates, gaps, baseline]);
      if (!current()) return;
      this.busy = false;
      this.host.requestUpdate();
      await rings;
    } catch (err) {
      if ((err as Error).name === 'AbortError') return;
      this.error =
        err instanceof ApiFailure && err.problems.length
          ? `${err.message} ${err.problems.map((p) => (p.index !== undefined ? `#${p.index}: ${p.message}` : p.message)).join('; ')}`
          : message(err);
    } finally {
      if (this.inflight === ctrl) {
        this.busy = false;
        this.host.requestUpdate();
      }
    }
  }

  // --- the planner's own data --------------------------------------------------------------

  /** The upload's valid features added to the shipped green spaces, or instead of them; the closures start afresh. */
  useUpload(how: 'add' | 'replace') {
    if (!this.data.use(how)) return;
    this.current = { ...this.current, closures: [] };
    this.persist();
    void this.analyse();
  }

  useShipped() {
    this.data.useShipped();
    void this.analyse();
  }

  /** What the planner should know about each proposal (outside the district, no one near), by id. */
  siteNotes(district: DistrictShape | undefined): Map<string, SiteNote> {
    return this.shown.notes(this.current.proposals, district, this.current.radii);
  }

  /** Proposals as map features (the same object until they change). */
  proposalFeatures(): FeatureCollection {
    return this.shown.features(this.current.proposals);
  }
}
