/**
 * The planner's proposals as the page shows them: map features, and a note on each site that
 * helps no one. Each is the same object until the proposals change (they are replaced, never
 * edited in place), so the map is not handed new data, and redraws, on every render.
 */
import type { Feature, FeatureCollection } from 'geojson';
import type { Radii } from '../../domain/tiers';
import type { Proposal } from './scenario';
import { type DistrictShape, type SiteNote, siteNote } from './site-checks';

export class ProposalViews {
  private fc?: { from: Proposal[]; fc: FeatureCollection };
  private noted?: { from: Proposal[]; district: DistrictShape | undefined; notes: Map<string, SiteNote> };

  features(from: Proposal[]): FeatureCollection {
    if (this.fc?.from !== from) {
      const features = from.map((p): Feature => ({ type: 'Feature', properties: { id: p.id, tier: p.tier, name: p.name }, geometry: p.geometry }));
      this.fc = { from, fc: { type: 'FeatureCollection', features } };
    }
    return this.fc.fc;
  }

  /** Outside the district, or no built-up land within reach, by proposal id. */
  notes(from: Proposal[], district: DistrictShape | undefined, radii: Radii): Map<string, SiteNote> {
    if (this.noted?.from !== from || this.noted.district !== district) {
      const notes = new Map<string, SiteNote>();
      if (district) {
        for (const p of from) {
          const note = siteNote(p.geometry, district, radii[p.tier]);
          if (note) notes.set(p.id, note);
        }
      }
      this.noted = { from, district, notes };
    }
    return this.noted.notes;
  }
}
