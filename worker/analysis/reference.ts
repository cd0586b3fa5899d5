/**
 * The naive vector pipeline the issue defines as the reference answer: Turf `buffer` every
 * site, `union` the buffers, `intersect` with the measured land, `area`. Slow (seconds for
 * 1,000 sites) and used only by tests and the bench, never by the worker.
 *
 * `steps` is Turf's points per quarter circle: its default 8 draws a 32-gon, 0.64 % short
 * of the circle's area; 64 (0.01 % short) is the reference for accuracy tests.
 */
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { BaseLayers } from './model';
import { type Radii, TIERS, type Tier, tierRank } from '../../domain/tiers';

type Poly = Feature<Polygon | MultiPolygon>;

const polys = (fc: FeatureCollection | undefined): Poly[] =>
  (fc?.features ?? []).filter((f): f is Poly => f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon');

function unionAll(features: Poly[]): Poly | null {
  if (features.length === 0) return null;
  if (features.length === 1) return features[0]!;
  return turf.union(turf.featureCollection(features));
}

function intersect(a: Poly | null, b: Poly | null): Poly | null {
  if (!a || !b) return null;
  return turf.intersect(turf.featureCollection([a, b]));
}

/** The measured land: district minus water; and built-up land within it (null without builtup). */
export function referenceLand(layers: BaseLayers): { land: Poly; builtup: Poly | null } {
  const district = unionAll(polys(layers.boundary))!;
  const water = unionAll(polys(layers.rivers));
  const land = water ? (turf.difference(turf.featureCollection([district, water])) ?? district) : district;
  const built = unionAll(polys(layers.builtup));
  return { land, builtup: built ? intersect(land, built) : null };
}

/** Union of the r-buffers of the sites (their edge, interiors included). */
export function referenceBuffers(sites: readonly Feature[], radiusM: number, steps = 8): Poly | null {
  const buffers: Poly[] = [];
  for (const s of sites) {
    const b = turf.buffer(s, radiusM, { units: 'meters', steps }) as Poly | undefined;
    if (b) buffers.push(b);
  }
  return unionAll(buffers);
}

export interface ReferenceRate {
  tier: Tier;
  covered_km2: number;
  total_km2: number;
  coverage_pct: number;
}

/**
 * Reference rates over one measured polygon (e.g. built-up land, or land ∩ a zone), per tier:
 * the sites serving a tier are those of that tier or higher.
 */
export function referenceRates(measured: Poly, sites: FeatureCollection, radii: Radii, tiers: readonly Tier[] = TIERS, steps = 8): ReferenceRate[] {
  const total = turf.area(measured);
  return tiers.map((tier) => {
    const rank = tierRank(tier);
    const serving = sites.features.filter((f) => {
      const t = f.properties?.tier as Tier | undefined;
      return t !== undefined && tierRank(t) >= rank;
    });
    const covered = intersect(referenceBuffers(serving, radii[tier], steps), measured);
    const c = covered ? turf.area(covered) : 0;
    return { tier, covered_km2: c / 1e6, total_km2: total / 1e6, coverage_pct: total > 0 ? (100 * c) / total : 0 };
  });
}

/** Reference ring for a tier: union of buffers clipped to the district. */
export function referenceRing(district: Poly, sites: FeatureCollection, tier: Tier, radiusM: number, steps = 8): Poly | null {
  const rank = tierRank(tier);
  const serving = sites.features.filter((f) => {
    const t = f.properties?.tier as Tier | undefined;
    return t !== undefined && tierRank(t) >= rank;
  });
  return intersect(referenceBuffers(serving, radiusM, steps), district);
}
