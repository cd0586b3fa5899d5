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

/** Each tier's name as the plan writes it, and in English. */
const TIER_NAMES: Readonly<Record<Tier, { zh: string; en: string }>> = {
  leisure: { zh: '休闲空间', en: 'leisure space' },
  garden: { zh: '街头绿园', en: 'street garden' },
  park: { zh: '公园', en: 'park' },
};

/** Other words planners' files use for a tier (口袋公园 is the plan's pocket park, a leisure space). */
const TIER_ALIASES: Readonly<Record<string, Tier>> = {
  口袋公园: 'leisure',
  市民广场: 'leisure',
  街头绿地: 'garden',
  绿园: 'garden',
  'pocket park': 'leisure',
  'street green garden': 'garden',
};

/** The tier a value names: a tier id, or its Chinese or English name (any case); else undefined. */
export function tierFromName(x: unknown): Tier | undefined {
  if (isTier(x)) return x;
  if (typeof x !== 'string') return undefined;
  const s = x.trim().toLowerCase();
  if (isTier(s)) return s;
  for (const t of TIERS) if (TIER_NAMES[t].zh === s || TIER_NAMES[t].en === s) return t;
  return TIER_ALIASES[s];
}
