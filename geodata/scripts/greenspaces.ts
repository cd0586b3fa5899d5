/**
 * The `greenspaces` and `sports` layers from OpenStreetMap (geodata/src/osm/), by the rules in
 * geodata/src/osm-rules.json, merged with the hand-placed green spaces: OSM wins, a hand-placed
 * feature stays only where OSM lacks the place. Also resolves hand-placed landmarks against
 * OSM (a landmark OSM has takes OSM's position). Reasons and the fate of every hand-placed
 * feature: geodata/README.md.
 */

import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Point, Polygon, Position } from 'geojson';
import type { Tier } from '../../domain/tiers';
import rules from '../src/osm-rules.json';
import { tierForArea } from '../validate';
import { featureCollection, round6 } from './geo';
import { describeUnnamed, englishName } from './names';
import { OSM_CREDIT, type OsmProps, readOsm } from './osm';
import { anchorPoint, osmSource, shipPolygon } from './osm-source';

type Poly = Polygon | MultiPolygon;
type Props = Record<string, unknown>;

/** Display simplification of OSM outlines (m); the outlines keep their shape to well under a pixel at city zooms. */
const DISPLAY_TOLERANCE_M = 1;

/** The size rule (one implementation, in validate.ts, so the build and the check agree). */
const tierFor = (areaHa: number | null): Tier => tierForArea(areaHa);

/** Hectares, 2 decimals (the tier is decided on this stored figure, so data and rule agree). */
const hectares = (g: Poly) => Math.round(turf.area(turf.feature(g)) / 100) / 100;

/** An OSM candidate before naming: one or more OSM features (merged) with one outline or point. */
interface Site {
  ids: string[];
  sources: string[];
  fclass: string;
  name: string | null;
  geometry: Poly | Point;
  areaHa: number | null;
  /** Share of the area inside the district (points: 1 or 0). */
  inside: number;
  /** For the hand-placed merge: replaced hand-placed ids and notes. */
  note?: string;
  /** English name given with a name taken from a hand-placed entry (else romanised from `name`). */
  nameEn?: string;
  confidence?: 'high' | 'medium';
}

const isPoly = (g: Geometry): g is Poly => g.type === 'Polygon' || g.type === 'MultiPolygon';

/** Reach and inside share against the district (boundary layer). */
class Reach {
  readonly near: Feature<Poly>;
  constructor(readonly district: Feature<Poly>) {
    this.near = turf.buffer(district, rules.reach.outside_km, { units: 'kilometers' }) as Feature<Poly>;
  }
  within(g: Geometry): boolean {
    return turf.booleanIntersects(turf.feature(g), this.near);
  }
  insideShare(g: Geometry): number {
    if (g.type === 'Point') return turf.booleanPointInPolygon(g.coordinates, this.district) ? 1 : 0;
    const f = turf.feature(g as Poly);
    const cut = turf.intersect(turf.featureCollection([f, this.district]));
    return cut ? turf.area(cut) / turf.area(f) : 0;
  }
}

/** Distance (m) between two geometries, 0 when they touch or overlap (edge to edge). */
function gapM(a: Geometry, b: Geometry): number {
  const fa = turf.feature(a);
  const fb = turf.feature(b);
  if (turf.booleanIntersects(fa, fb)) return 0;
  const pts = (g: Geometry): Position[] => turf.coordAll(turf.feature(g));
  const toGeom = (p: Position, g: Geometry) =>
    isPoly(g) ? turf.pointToPolygonDistance(p, turf.feature(g), { units: 'meters' }) : turf.distance(p, (g as Point).coordinates, { units: 'meters' });
  let d = Infinity;
  for (const p of pts(a)) d = Math.min(d, toGeom(p, b));
  if (isPoly(a)) for (const p of pts(b)) d = Math.min(d, toGeom(p, a));
  return Math.abs(d);
}

/** Connected groups of items under a symmetric relation (deterministic: input order). */
function groups<T>(items: T[], linked: (a: T, b: T) => boolean): T[][] {
  const parent = items.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let i = 0; i < items.length; i++)
    for (let j = i + 1; j < items.length; j++) if (find(i) !== find(j) && linked(items[i]!, items[j]!)) parent[find(j)] = find(i);
  const out = new Map<number, T[]>();
  items.forEach((it, i) => {
    const r = find(i);
    if (!out.has(r)) out.set(r, []);
    out.get(r)!.push(it);
  });
  return [...out.values()];
}

function union(gs: Poly[]): Poly {
  if (gs.length === 1) return gs[0]!;
  return turf.union(turf.featureCollection(gs.map((g) => turf.feature(g))))!.geometry;
}

/** OSM features of a file whose fclass is listed, with polygon area (ha). */
function osmFeatures(file: string, fclasses: string[]) {
  return readOsm(file)
    .features.filter((f) => fclasses.includes(f.properties.fclass) && f.geometry)
    .map((f) => ({ f, name: f.properties.name?.trim() || null, areaHa: isPoly(f.geometry) ? hectares(f.geometry) : null }));
}

const bbox = (g: Geometry) => turf.bbox(turf.feature(g));
function bboxNear(a: Geometry, b: Geometry, m: number): boolean {
  const d = m / 100_000;
  const [a0, a1, a2, a3] = bbox(a);
  const [b0, b1, b2, b3] = bbox(b);
  return a0! - d <= b2! && b0! - d <= a2! && a1! - d <= b3! && b1! - d <= a3!;
}

/** Same name and within merge_same_name_m: one place drawn in pieces. */
const sameNameNear = (a: { name: string | null; f: Feature }, b: { name: string | null; f: Feature }) =>
  a.name !== null &&
  a.name === b.name &&
  bboxNear(a.f.geometry, b.f.geometry, rules.merge_same_name_m) &&
  gapM(a.f.geometry, b.f.geometry) <= rules.merge_same_name_m;

/** Green-space candidates: OSM park/garden/playground outlines (same-name neighbours merged) and points without an outline. */
function greenSites(reach: Reach): Site[] {
  const minHa = rules.tiers.min_area_ha;
  const excluded = rules.green.exclude_ids as Record<string, string>;
  const polys = osmFeatures('pois_a', rules.green.fclasses).filter((x) => isPoly(x.f.geometry) && !(x.f.properties.osm_id in excluded));
  const kept = polys.filter((x) => x.areaHa! >= minHa && reach.within(x.f.geometry));
  // one park drawn as two outlines (e.g. 重庆儿童公园): same name, within merge_same_name_m → one site
  const merged = groups(kept, sameNameNear);
  const sites: Site[] = merged.map((g) => {
    const sorted = [...g].sort((a, b) => b.areaHa! - a.areaHa! || a.f.properties.osm_id.localeCompare(b.f.properties.osm_id));
    const geometry = union(sorted.map((x) => x.f.geometry as Poly));
    return {
      ids: sorted.map((x) => x.f.properties.osm_id),
      sources: sorted.map((x) => osmSource(x.f.properties.osm_id, x.f.geometry)),
      fclass: sorted[0]!.f.properties.fclass,
      name: sorted[0]!.name,
      geometry,
      areaHa: hectares(geometry),
      inside: reach.insideShare(geometry),
    };
  });
  // points: only where no green outline (any size, in reach or not) contains them or carries their name
  const names = new Set(polys.map((x) => x.name).filter(Boolean));
  for (const x of osmFeatures('pois', rules.green.fclasses)) {
    const p = (x.f.geometry as Point).coordinates;
    if (!reach.within(x.f.geometry) || (x.name && names.has(x.name)) || x.f.properties.osm_id in excluded) continue;
    if (polys.some((q) => turf.booleanPointInPolygon(p, q.f as Feature<Poly>))) continue;
    sites.push({
      ids: [x.f.properties.osm_id],
      sources: [osmSource(x.f.properties.osm_id, x.f.geometry)],
      fclass: x.f.properties.fclass,
      name: x.name,
      geometry: x.f.geometry as Point,
      areaHa: null,
      inside: reach.insideShare(x.f.geometry),
    });
  }
  return sites;
}

/** Sports candidates: outlines that overlap or touch merged into one ground; school grounds left out. */
function sportsSites(reach: Reach): Site[] {
  const schools = readOsm('pois_a').features.filter((f) => rules.sports.private_grounds.includes(f.properties.fclass) && isPoly(f.geometry)) as Feature<
    Poly,
    OsmProps
  >[];
  const inSchool = (g: Geometry): boolean => {
    const near = schools.filter((s) => bboxNear(s.geometry, g, 0));
    if (g.type === 'Point') return near.some((s) => turf.booleanPointInPolygon(g.coordinates, s));
    const f = turf.feature(g as Poly);
    const total = turf.area(f);
    return near.some((s) => {
      const cut = turf.intersect(turf.featureCollection([f, s]));
      return cut !== null && turf.area(cut) / total >= 0.5;
    });
  };
  const all = osmFeatures('pois_a', rules.sports.fclasses).filter((x) => isPoly(x.f.geometry) && reach.within(x.f.geometry) && !inSchool(x.f.geometry));
  const rank = (x: (typeof all)[number]) => (x.name ? 0 : 2) + (['sports_centre', 'stadium'].includes(x.f.properties.fclass) ? 0 : 1);
  const clusters = groups(all, (a, b) => (bboxNear(a.f.geometry, b.f.geometry, 0) && turf.booleanIntersects(a.f, b.f)) || sameNameNear(a, b));
  const sites: Site[] = clusters.map((c) => {
    const sorted = [...c].sort((a, b) => rank(a) - rank(b) || b.areaHa! - a.areaHa! || a.f.properties.osm_id.localeCompare(b.f.properties.osm_id));
    const geometry = union(sorted.map((x) => x.f.geometry as Poly));
    return {
      ids: sorted.map((x) => x.f.properties.osm_id),
      sources: sorted.map((x) => osmSource(x.f.properties.osm_id, x.f.geometry)),
      fclass: sorted[0]!.f.properties.fclass,
      name: sorted.find((x) => x.name)?.name ?? null,
      geometry,
      areaHa: hectares(geometry),
      inside: reach.insideShare(geometry),
    };
  });
  const polys = all.map((x) => x.f as Feature<Poly>);
  for (const x of osmFeatures('pois', rules.sports.fclasses)) {
    const g = x.f.geometry as Point;
    if (!reach.within(g) || inSchool(g) || polys.some((q) => turf.booleanPointInPolygon(g.coordinates, q))) continue;
    sites.push({
      ids: [x.f.properties.osm_id],
      sources: [osmSource(x.f.properties.osm_id, g)],
      fclass: x.f.properties.fclass,
      name: x.name,
      geometry: g,
      areaHa: null,
      inside: reach.insideShare(g),
    });
  }
  return sites.filter((s) => s.areaHa === null || s.areaHa >= rules.tiers.min_area_ha);
}

/** Name core for matching: without a bracketed note and the last generic (鸿恩寺森林公园 → 鸿恩寺森林). */
function nameCore(name: string): string {
  const plain = name.replace(/[（(].*?[）)]/g, '').trim();
  const g = rules.match_generics.find((x) => plain.endsWith(x) && plain.length > x.length);
  return g ? plain.slice(0, -g.length) : plain;
}

/** One core contains the other and is at least half its length (石子山 ⊂ 江北石子山; not 嘉陵 ⊂ 嘉陵江大桥北桥头). */
function coresMatch(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 2 && long.includes(short) && short.length * 2 >= long.length;
}

interface HandFate {
  id: string;
  name_zh: string;
  fate: 'kept' | 'dropped';
  why: string;
  osm_id: string | null;
  osm_name: string | null;
  /** Edge-to-edge distance from the hand-placed geometry to OSM's (m), 0 when they overlap. */
  gap_m: number | null;
}

/**
 * Finds the OSM site that is the hand-placed place: a name match (same name, or one core
 * contains the other) within 3 km, nearest first; else an OSM outline that contains the
 * hand-placed point or overlaps the hand-placed outline (the largest overlap).
 */
function matchHand(h: Feature, sites: Site[], protectedAreas: Site[]): { site: Site; why: string; gap: number } | null {
  const name = String(h.properties!.name_zh);
  const core = nameCore(name);
  const byName = sites
    .filter((s) => s.name && (s.name === name || coresMatch(core, nameCore(s.name))))
    .map((s) => ({ s, gap: gapM(h.geometry, s.geometry) }))
    .filter((x) => x.gap <= 3000)
    .sort((a, b) => a.gap - b.gap);
  if (byName[0]) return { site: byName[0].s, why: byName[0].s.name === name ? 'same name' : `name match (${byName[0].s.name})`, gap: byName[0].gap };
  let best: { site: Site; share: number } | null = null;
  for (const s of [...sites, ...protectedAreas]) {
    if (!isPoly(s.geometry)) continue;
    let share = 0;
    if (h.geometry.type === 'Point') share = turf.booleanPointInPolygon(h.geometry.coordinates, turf.feature(s.geometry)) ? 1 : 0;
    else if (isPoly(h.geometry)) {
      const cut = turf.intersect(turf.featureCollection([turf.feature(h.geometry), turf.feature(s.geometry)]));
      share = cut ? turf.area(cut) / turf.area(turf.feature(h.geometry)) : 0;
    }
    if (share > 0 && (!best || share > best.share)) best = { site: s, share };
  }
  if (!best) return null;
  const what = h.geometry.type === 'Point' ? 'the hand-placed point lies inside' : `${Math.round(best.share * 100)} % of the hand-placed outline lies inside`;
  return { site: best.site, why: `${what} OSM ${best.site.name ? best.site.name : `${best.site.fclass} ${best.site.ids[0]}`}`, gap: 0 };
}

/** Nearest OSM outline to a hand-placed feature (for the fate table of kept ones). */
function nearestSite(h: Feature, sites: Site[]): { site: Site; gap: number } | null {
  let best: { site: Site; gap: number } | null = null;
  for (const s of sites) {
    if (!bboxNear(h.geometry, s.geometry, 2000)) continue;
    const gap = gapM(h.geometry, s.geometry);
    if (!best || gap < best.gap) best = { site: s, gap };
  }
  return best;
}

/** Turns sites into shipped features: ids, names or descriptions, tier, outside flag, display geometry. */
function toFeatures(sites: Site[], layer: 'greenspaces' | 'sports'): Feature[] {
  const described = sites.map((s) => {
    const at = isPoly(s.geometry) ? anchorPoint(turf.feature(s.geometry)) : (s.geometry as Point).coordinates;
    return { s, at, d: s.name ? null : describeUnnamed(s.fclass, s.areaHa, at) };
  });
  // two unnamed places with the same description get the bearing and distance from the anchor
  const count = new Map<string, number>();
  for (const x of described) if (x.d) count.set(x.d.zh, (count.get(x.d.zh) ?? 0) + 1);
  for (const x of described) if (x.d && count.get(x.d.zh)! > 1) x.d = describeUnnamed(x.s.fclass, x.s.areaHa, x.at, true);
  // still the same (two courts side by side): the OSM id tells them apart
  count.clear();
  for (const x of described) if (x.d) count.set(x.d.zh, (count.get(x.d.zh) ?? 0) + 1);
  for (const x of described)
    if (x.d && count.get(x.d.zh)! > 1) x.d = { zh: x.d.zh.replace(/）$/, `，OSM ${x.s.ids[0]}）`), en: `${x.d.en}, OSM ${x.s.ids[0]}` };

  const out: Feature[] = [];
  for (const { s, d } of described) {
    const geometry = isPoly(s.geometry)
      ? shipPolygon(s.geometry, DISPLAY_TOLERANCE_M)
      : { type: 'Point' as const, coordinates: s.geometry.coordinates.map(round6) };
    if (!geometry) throw new Error(`${layer}: OSM ${s.ids.join('+')} has a broken outline`);
    const id = `osm-${s.ids[0]}`;
    const tier = layer === 'sports' ? (rules.tiers.sports_tier as Tier) : tierFor(s.areaHa);
    const props: Props = {
      id,
      name_zh: s.name ?? d!.zh,
      name_en: s.nameEn ?? (s.name ? englishName(s.name) : d!.en),
      unnamed: !s.name,
      tier,
      area_ha: s.areaHa,
      outside: s.inside < rules.reach.inside_min_share,
      osm_fclass: s.fclass,
      source: `${s.sources.join(' + ')}${s.ids.length > 1 ? (layer === 'sports' ? ' (touching outlines merged into one ground)' : ' (one park drawn as several outlines, merged)') : ''}${s.note ? `; ${s.note}` : ''}; ${OSM_CREDIT}`,
      confidence: s.confidence ?? 'high',
    };
    if (s.areaHa === null) props.area_note = 'OSM has this place as a point: area not known';
    out.push({ type: 'Feature', id, properties: props, geometry });
  }
  return out;
}

const TIER_ORDER: Record<string, number> = { park: 0, garden: 1, leisure: 2 };
function sortFeatures(fs: Feature[]): Feature[] {
  return fs.sort((a, b) => {
    const p = a.properties!;
    const q = b.properties!;
    return (
      Number(p.outside) - Number(q.outside) ||
      TIER_ORDER[String(p.tier)]! - TIER_ORDER[String(q.tier)]! ||
      Number(q.area_ha ?? 0) - Number(p.area_ha ?? 0) ||
      String(p.id).localeCompare(String(q.id))
    );
  });
}

export interface GreenBuild {
  greenspaces: FeatureCollection;
  sports: FeatureCollection;
  fates: HandFate[];
}

/**
 * Builds both layers. `hand` are the hand-placed green spaces as placed today (placed.ts);
 * each is dropped where OSM has the place, else kept with `unnamed`/`outside` added.
 */
export function buildGreenLayers(district: Feature<Poly>, hand: Feature[]): GreenBuild {
  const reach = new Reach(district);
  const sites = greenSites(reach);
  const protectedAreas: Site[] = readOsm('protected_areas_a')
    .features.filter((f) => isPoly(f.geometry) && reach.within(f.geometry))
    .map((f) => ({
      ids: [f.properties.osm_id],
      sources: [osmSource(f.properties.osm_id, f.geometry)],
      fclass: f.properties.fclass,
      name: f.properties.name?.trim() || null,
      geometry: f.geometry as Poly,
      areaHa: hectares(f.geometry as Poly),
      inside: reach.insideShare(f.geometry),
    }));

  const fates: HandFate[] = [];
  const keptHand: Feature[] = [];
  for (const h of hand) {
    const p = h.properties!;
    const m = matchHand(h, sites, protectedAreas);
    if (m) {
      const fromProtected = protectedAreas.includes(m.site);
      if (fromProtected && !sites.includes(m.site)) {
        // OSM has the place only as a protected area without a name: its outline, the hand-placed name
        m.site.name = String(p.name_zh);
        m.site.note = `OSM protected area (${m.site.fclass}, no name, no park tag) identified as ${String(p.name_zh)}: ${m.why.replace(/ OSM .*$/, ' it')}; name from the hand-placed entry '${String(p.id)}' (geodata/src/greenspaces.source.json; reported area ${String(p.area_ha ?? 'not known')} ha)`;
        m.site.confidence = 'medium';
        sites.push(m.site);
      }
      if (!fromProtected && !m.site.name) {
        // an unnamed OSM outline identified as a named place: OSM's geometry, the source's name
        m.site.name = String(p.name_zh);
        m.site.nameEn = String(p.name_en);
        m.site.note = `name from the hand-placed entry '${String(p.id)}' (geodata/src/greenspaces.source.json: ${String(p.source)}), ${m.why}`;
      }
      fates.push({
        id: String(p.id),
        name_zh: String(p.name_zh),
        fate: 'dropped',
        why: fromProtected ? `OSM protected area: ${m.why}` : m.why,
        osm_id: m.site.ids[0]!,
        osm_name: m.site.name,
        gap_m: Math.round(m.gap),
      });
      continue;
    }
    const near = nearestSite(h, sites);
    fates.push({
      id: String(p.id),
      name_zh: String(p.name_zh),
      fate: 'kept',
      why: 'no OSM green space with this name, and none contains or overlaps its position',
      osm_id: null,
      osm_name: near?.site.name ?? null,
      gap_m: near ? Math.round(near.gap) : null,
    });
    keptHand.push(h);
  }

  const greenFeatures = toFeatures(sites, 'greenspaces');
  for (const h of keptHand) {
    const p = h.properties!;
    const described = /无正式名称|no official name/.test(`${String(p.name_zh)} ${String(p.name_en)}`);
    const props: Props = {
      id: p.id,
      name_zh: p.name_zh,
      name_en: p.name_en,
      unnamed: described,
      tier: p.tier,
      area_ha: p.area_ha ?? null,
      outside: reach.insideShare(h.geometry) < rules.reach.inside_min_share,
    };
    const rest = Object.fromEntries(Object.entries(p).filter(([k]) => !(k in props)));
    const ruleTier = tierFor((p.area_ha as number | null) ?? null);
    if (ruleTier !== p.tier && typeof p.tier_note !== 'string')
      rest.tier_note = `tier from the source's description (a ${p.tier === 'garden' ? 'community or street garden' : String(p.tier)}), not from its size, which is not known`;
    greenFeatures.push({ type: 'Feature', id: h.id, properties: { ...props, ...rest }, geometry: h.geometry });
  }
  return {
    greenspaces: featureCollection(sortFeatures(greenFeatures)),
    sports: featureCollection(sortFeatures(toFeatures(sportsSites(reach), 'sports'))),
    fates,
  };
}

/**
 * A hand-placed landmark OSM has (a poi, place of worship or transport area with exactly the
 * same name) takes OSM's position and source; the others stay as placed.
 */
export function osmLandmark(f: Feature<Point>): Feature<Point> {
  const name = String(f.properties!.name_zh);
  for (const file of ['pois', 'pois_a', 'pofw', 'pofw_a', 'transport_a']) {
    let fc: ReturnType<typeof readOsm>;
    try {
      fc = readOsm(file);
    } catch {
      continue; // not every layer was copied into geodata/src/osm/
    }
    const hit = fc.features.find((x) => x.properties.name?.trim() === name && x.geometry);
    if (!hit) continue;
    const g = hit.geometry;
    const at = g.type === 'Point' ? g.coordinates : anchorPoint(turf.feature(g as Poly));
    const { position_error_m: _e, ...rest } = f.properties!;
    return {
      ...f,
      properties: {
        ...rest,
        source: `${osmSource(hit.properties.osm_id, g)} (${hit.properties.fclass}${g.type === 'Point' ? '' : ', a point inside its outline'}); ${OSM_CREDIT}`,
        confidence: 'high',
      },
      geometry: { type: 'Point', coordinates: at.map(round6) },
    };
  }
  return f;
}
