/**
 * How many green spaces of each tier the district has, counted from the shipped layer at run
 * time. Sites outside the district (`outside: true`) serve its residents but are not its own:
 * they are counted apart, never in the tiers' totals.
 */
import type { FeatureCollection } from 'geojson';
import type { Tier } from '../api';

export interface Inventory {
  /** Inside the district, by tier. */
  tiers: Record<Tier, number>;
  /** Inside the district and described rather than named (`unnamed: true`). */
  unnamed: number;
  /** Within reach outside the district: drawn and analysed, not counted above. */
  outside: number;
  /** Inside the district, by the confidence its geodata gives it (how sure its outline and tier are). */
  confidence: Record<Confidence, number>;
}

type Confidence = 'high' | 'medium' | 'low';

export function greenInventory(fc: FeatureCollection): Inventory {
  const inv: Inventory = { tiers: { leisure: 0, garden: 0, park: 0 }, unnamed: 0, outside: 0, confidence: { high: 0, medium: 0, low: 0 } };
  for (const f of fc.features) {
    const p = f.properties ?? {};
    if (p.outside === true) {
      inv.outside++;
      continue;
    }
    const tier = p.tier as Tier;
    if (tier in inv.tiers) inv.tiers[tier]++;
    if (p.unnamed === true) inv.unnamed++;
    if (p.confidence in inv.confidence) inv.confidence[p.confidence as Confidence]++;
  }
  return inv;
}

/** Sports grounds inside the district and within reach outside it. */
export function sportsInventory(fc: FeatureCollection): { inside: number; outside: number } {
  const outside = fc.features.filter((f) => f.properties?.outside === true).length;
  return { inside: fc.features.length - outside, outside };
}
