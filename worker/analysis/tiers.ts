/**
 * The plan's three tiers of green space, lowest first. A site of a higher tier also serves
 * every lower tier (a park is also a garden and a leisure space).
 */
export const TIERS = ['leisure', 'garden', 'park'] as const;
export type Tier = (typeof TIERS)[number];

/** Rank of a tier: leisure 0, garden 1, park 2. */
export function tierRank(t: Tier): number {
  return TIERS.indexOf(t);
}

export function isTier(x: unknown): x is Tier {
  return typeof x === 'string' && (TIERS as readonly string[]).includes(x);
}

export type Radii = Record<Tier, number>;

/** 500 m to a leisure space, 1000 m to a street garden, 2000 m to a park. */
export const DEFAULT_RADII: Readonly<Radii> = { leisure: 500, garden: 1000, park: 2000 };

/** Radius bounds (metres). The grid's margin equals MAX_RADIUS_M. */
export const MIN_RADIUS_M = 50;
export const MAX_RADIUS_M = 3000;

export type Mode = 'radius' | 'walk';
export const MODES: readonly Mode[] = ['radius', 'walk'];

/** Walking speed used for `walk_min`. */
export const WALK_M_PER_MIN = 80;
