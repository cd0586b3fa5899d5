/**
 * Sharing scenarios, as a Lit reactive controller: sharing the current scenario (a read link
 * and an edit link), saving new versions of it, opening a shared one read-only
 * (`?scenario=<id>`), copying it into the local store, and resolving a conflict when someone
 * saved first. The local copy is the workbench's, saved in this browser on every change, so
 * a server that fails loses nothing: the failure is shown with a retry.
 *
 * Edit tokens live in this browser's storage (`jb.shared.<id>`), with the version this
 * browser last saved or took and the local scenario linked to it. An edit link carries the
 * token in the URL fragment (`#edit=…`), which browsers never send to the server.
 */

import type { FeatureCollection } from 'geojson';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ApiFailure, type Coverage, postCoverage } from '../api';
import { fetchShared, type ScenarioView, saveSharedVersion, shareScenario, VersionConflict } from '../share-api';
import { fromGeoJSON, type Scenario, scenarioSites, toGeoJSON } from './scenario';
import { browserStorage } from './storage';
import type { WorkbenchController } from './workbench';

export interface ShareRecord {
  id: string;
  /** The edit token, when this browser holds it. */
  token?: string;
  /** The version this browser last saved, or took: what its next save is based on. */
  version: number;
  /** The local scenario (its id in the workbench's store) that is this shared one's copy. */
  local?: string;
}

const PREFIX = 'jb.shared.';

/** The share records in this browser's storage, one key per shared scenario. */
export class ShareRecords {
  constructor(private readonly storage: Storage) {}

  get(id: string): ShareRecord | undefined {
    try {
      const r = JSON.parse(this.storage.getItem(PREFIX + id) ?? 'null') as ShareRecord | null;
      return r && r.id === id ? r : undefined;
    } catch {
      return undefined;
    }
  }

  put(r: ShareRecord) {
    this.storage.setItem(PREFIX + r.id, JSON.stringify(r));
  }

  /** The shared scenario whose copy is local scenario `localId`. */
  byLocal(localId: string): ShareRecord | undefined {
    for (let i = 0; i < this.storage.length; i++) {
      const key = this.storage.key(i);
      if (!key?.startsWith(PREFIX)) continue;
      const r = this.get(key.slice(PREFIX.length));
      if (r?.local === localId) return r;
    }
    return undefined;
  }
}

export type ShareOp = 'share' | 'save' | 'open' | 'keep-mine';

export type ShareAction = { action: ShareOp | 'retry' | 'retry-rates' | 'copy' | 'close' | 'take-theirs' };

export interface ShareDeps {
  workbench: WorkbenchController;
  /** The shipped green spaces, once loaded: what a shared scenario's rates are computed over. */
  base: () => Promise<FeatureCollection>;
  sports: () => boolean;
  storage?: Storage;
}

/** What <jb-share> shows: a plain snapshot, new on every render of the app. */
export interface ShareView {
  viewingId?: string;
  viewing?: ScenarioView;
  viewingRates?: Coverage;
  notFound: boolean;
  canEditViewing: boolean;
  link?: ShareRecord;
  busy: ShareOp | '';
  failure?: { op: ShareOp; message: string };
  conflict?: { base: number; theirs: ScenarioView; theirsRates?: Coverage };
  /** Why the rates of the viewed scenario, or of the version saved first, are missing. */
  ratesFailure?: string;
  notice?: { key: 'shareSaved' | 'shareCopyDone' | 'shareLinked'; vars: Record<string, string | number> };
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

export class ShareController implements ReactiveController {
  readonly records: ShareRecords;
  /** The shared scenario opened read-only (`?scenario=`), and its rates. */
  viewingId?: string;
  viewing?: ScenarioView;
  viewingRates?: Coverage;
  notFound = false;
  busy: ShareOp | '' = '';
  /** The last operation that failed: said on the page, with a retry. */
  failure?: { op: ShareOp; message: string };
  /** A save refused because another version was saved first. */
  conflict?: { base: number; theirs: ScenarioView; theirsRates?: Coverage };
  /** The analysis for those rates failed: said beside the table, with a retry (never "…" for ever). */
  ratesFailure?: string;
  /** What just happened, for a status line: e.g. { key: 'shareSaved', n: 3 }. */
  notice?: { key: 'shareSaved' | 'shareCopyDone' | 'shareLinked'; vars: Record<string, string | number> };

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly deps: ShareDeps,
  ) {
    host.addController(this);
    this.records = new ShareRecords(deps.storage ?? browserStorage().storage);
  }

  hostConnected() {}

  private get wb() {
    return this.deps.workbench;
  }

  /** The shared scenario the current local scenario is a copy of, if any. */
  get link(): ShareRecord | undefined {
    return this.records.byLocal(this.wb.current.id);
  }

  private async run(op: ShareOp, work: () => Promise<void>) {
    this.busy = op;
    this.failure = undefined;
    this.notice = undefined;
    this.host.requestUpdate();
    try {
      await work();
    } catch (err) {
      if (err instanceof VersionConflict) {
        this.conflict = { base: err.base, theirs: err.current };
        void this.conflictRates();
      } else if (op === 'open' && err instanceof ApiFailure && err.status === 404) {
        this.notFound = true;
      } else {
        this.failure = { op, message: message(err) };
      }
    } finally {
      this.busy = '';
      this.host.requestUpdate();
    }
  }

  private scenarioOf(v: ScenarioView): Scenario {
    return fromGeoJSON(v.scenario, v.name);
  }

  /** Rates of a scenario over the shipped green spaces; a failure is kept in `ratesFailure`. */
  private async rates(s: Scenario): Promise<Coverage | undefined> {
    this.ratesFailure = undefined;
    try {
      const base = await this.deps.base();
      const sports = this.deps.sports();
      return await postCoverage({ sites: scenarioSites(base, s), radii: s.radii, mode: s.mode, ...(sports ? { sports } : {}) });
    } catch (err) {
      this.ratesFailure = message(err);
      return undefined;
    }
  }

  /** The rates of the version saved first, beside mine. */
  private async conflictRates() {
    const c = this.conflict;
    if (!c) return;
    this.host.requestUpdate();
    const r = await this.rates(this.scenarioOf(c.theirs));
    if (this.conflict !== c) return;
    c.theirsRates = r;
    this.host.requestUpdate();
  }

  private async viewRates() {
    const v = this.viewing;
    if (!v) return;
    this.host.requestUpdate();
    const r = await this.rates(this.scenarioOf(v));
    if (this.viewing !== v) return;
    this.viewingRates = r;
    this.host.requestUpdate();
  }

  /** Runs the rates that failed again. */
  retryRates() {
    return this.conflict ? this.conflictRates() : this.viewRates();
  }

  // --- the planner's own scenario --------------------------------------------------------

  /** Stores the current scenario as a new shared one; this browser keeps its edit token. */
  share() {
    const local = this.wb.current;
    return this.run('share', async () => {
      const created = await shareScenario(toGeoJSON(local));
      this.records.put({ id: created.id, token: created.edit_token, version: created.version, local: local.id });
      this.notice = { key: 'shareLinked', vars: { n: created.version } };
    });
  }

  /** Saves the current scenario as the next version of the shared one it is linked to. */
  save(base = this.link?.version) {
    const rec = this.link;
    const local = this.wb.current;
    if (!rec?.token || base === undefined) return Promise.resolve();
    return this.run(base === rec.version ? 'save' : 'keep-mine', async () => {
      const saved = await saveSharedVersion(rec.id, rec.token!, base, toGeoJSON(local));
      this.records.put({ ...rec, version: saved.version });
      this.conflict = undefined;
      this.notice = { key: 'shareSaved', vars: { n: saved.version } };
    });
  }

  /** After a conflict: my edit saved as the version after theirs. */
  keepMine() {
    const theirs = this.conflict?.theirs;
    return theirs ? this.save(theirs.version) : Promise.resolve();
  }

  /** After a conflict: their version replaces my local copy (same local scenario, so its link stays). */
  takeTheirs() {
    const c = this.conflict;
    const rec = this.link;
    if (!c || !rec) return;
    this.wb.adopt({ ...this.scenarioOf(c.theirs), id: this.wb.current.id });
    this.records.put({ ...rec, version: c.theirs.version });
    this.conflict = undefined;
    this.host.requestUpdate();
  }

  // --- a shared scenario opened from a link ----------------------------------------------

  /**
   * Opens the shared scenario a link names. An edit link's token (`#edit=…`, a fragment the
   * browser never sends) is kept for later saves and taken out of the address bar.
   */
  openLink(id: string) {
    const token = new URLSearchParams(location.hash.slice(1)).get('edit') ?? undefined;
    if (token) history.replaceState(history.state, '', `${location.pathname}${location.search}`);
    return this.open(id, token);
  }

  /** Opens shared scenario `id` read-only; an edit link's token is kept for later saves. */
  open(id: string, token?: string) {
    this.viewingId = id;
    this.viewing = this.viewingRates = undefined;
    this.notFound = false;
    if (token) this.records.put({ ...this.records.get(id), id, token, version: this.records.get(id)?.version ?? 0 });
    return this.run('open', async () => {
      this.viewing = await fetchShared(id);
      await this.viewRates();
    });
  }

  private shown?: { from: ScenarioView; fc: FeatureCollection };

  /** The viewed scenario's proposals for the map: the same object while the view is the same. */
  viewingFeatures(): FeatureCollection | undefined {
    const v = this.viewing;
    if (!v) return undefined;
    if (this.shown?.from !== v) this.shown = { from: v, fc: { type: 'FeatureCollection', features: v.scenario.features } };
    return this.shown.fc;
  }

  /** Whether this browser may save versions of the scenario being viewed. */
  get canEditViewing(): boolean {
    return !!(this.viewingId && this.records.get(this.viewingId)?.token);
  }

  /** Copies the viewed scenario into the local store; with the token, the copy saves versions of it. */
  copy() {
    const v = this.viewing;
    if (!v) return;
    const s = this.scenarioOf(v);
    this.wb.adopt(s);
    const rec = this.records.get(v.id);
    if (rec?.token) this.records.put({ ...rec, version: v.version, local: s.id });
    this.notice = { key: 'shareCopyDone', vars: { name: s.name } };
    this.close();
  }

  close() {
    this.viewingId = this.viewing = this.viewingRates = this.ratesFailure = undefined;
    this.notFound = false;
    if (this.failure?.op === 'open') this.failure = undefined;
    this.host.requestUpdate();
  }

  retry() {
    const op = this.failure?.op;
    if (op === 'share') return this.share();
    if (op === 'save') return this.save();
    if (op === 'keep-mine') return this.keepMine();
    if (op === 'open' && this.viewingId) return this.open(this.viewingId);
    return Promise.resolve();
  }

  snapshot(): ShareView {
    const { viewingId, viewing, viewingRates, notFound, busy, failure, conflict, ratesFailure, notice } = this;
    return { viewingId, viewing, viewingRates, notFound, busy, failure, conflict, ratesFailure, notice, link: this.link, canEditViewing: this.canEditViewing };
  }

  /** Runs one of <jb-share>'s actions. */
  act(a: ShareAction) {
    switch (a.action) {
      case 'share':
        return this.share();
      case 'save':
        return this.save();
      case 'keep-mine':
        return this.keepMine();
      case 'take-theirs':
        return this.takeTheirs();
      case 'open':
        return this.viewingId ? this.open(this.viewingId) : undefined;
      case 'copy':
        return this.copy();
      case 'close':
        return this.close();
      case 'retry':
        return this.retry();
      case 'retry-rates':
        return this.retryRates();
    }
  }
}
