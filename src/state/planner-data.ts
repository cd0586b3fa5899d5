/**
 * The green spaces a scenario starts from: the shipped ones, the planner's upload added to
 * them, or the upload alone; and the upload being checked. Part of the workbench (which
 * analyses and saves); this part only knows the data.
 */
import type { FeatureCollection } from 'geojson';
import type { Lang } from '../content/messages';
import type { Crs } from './planner';
import { checkFile, type UploadReport } from './upload';

export class PlannerData {
  /** What the analysis runs over, before the scenario's closures and proposals. */
  base: FeatureCollection = { type: 'FeatureCollection', features: [] };
  from: 'shipped' | 'add' | 'replace' = 'shipped';
  /** The uploaded green spaces in use (drawn on the map), when any are. */
  uploaded?: FeatureCollection;
  /** The last file checked, with its problems. */
  upload?: UploadReport;
  private shipped?: FeatureCollection;

  constructor(private readonly changed: () => void) {}

  get isUpload(): boolean {
    return this.from !== 'shipped';
  }

  setShipped(shipped: FeatureCollection) {
    this.shipped = shipped;
    if (this.from === 'shipped') this.base = shipped;
    else if (this.from === 'add' && this.uploaded) this.base = { type: 'FeatureCollection', features: [...shipped.features, ...this.uploaded.features] };
  }

  /** Names of the base green spaces by id, in `lang` (for the closures list). */
  names(lang: Lang): Map<string, string> {
    const key = lang === 'zh' ? 'name_zh' : 'name_en';
    return new Map(this.base.features.map((f) => [String(f.properties?.id), String(f.properties?.[key] ?? f.properties?.name_zh ?? f.properties?.id)]));
  }

  /** Checks a file in a Web Worker (large files never freeze the page). */
  check(file: File, crs: Crs) {
    return checkFile(file, crs, (upload) => {
      this.upload = upload;
      this.changed();
    });
  }

  /**
   * Uses the upload's valid features: added to the shipped green spaces (`add`; an id the
   * shipped data already uses gets an `upload-` prefix), or instead of them (`replace`).
   * False when there is nothing to use.
   */
  use(how: 'add' | 'replace'): boolean {
    const valid = this.upload?.valid;
    if (!valid?.features.length) return false;
    const shipped = this.shipped?.features ?? [];
    const taken = new Set(how === 'add' ? shipped.map((f) => String(f.properties?.id)) : []);
    const mine = valid.features.map((f) =>
      taken.has(String(f.properties?.id)) ? { ...f, properties: { ...f.properties, id: `upload-${f.properties?.id}` } } : f,
    );
    this.uploaded = { type: 'FeatureCollection', features: mine };
    this.base = { type: 'FeatureCollection', features: how === 'add' ? [...shipped, ...mine] : mine };
    this.from = how;
    return true;
  }

  useShipped() {
    this.from = 'shipped';
    this.uploaded = this.upload = undefined;
    if (this.shipped) this.base = this.shipped;
  }
}
