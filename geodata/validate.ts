/**
 * Validation of the shipped layers: pure functions over GeoJSON, no I/O, so the worker can
 * reuse them later (e.g. for uploaded replacement layers).
 *
 * `validateLayer(id, fc, context)` returns a list of problems; each names the file, the
 * feature (index and id) and what is wrong. An empty list means the layer passes.
 */
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import * as gjv from 'geojson-validation';
import { positionsOf } from '../domain/geo';
import { TIERS, type Tier } from '../domain/tiers';
import osmRules from './src/osm-rules.json';

export type Check =
  | 'geojson'
  | 'geometry-type'
  | 'properties'
  | 'unique-id'
  | 'closed-ring'
  | 'winding'
  | 'self-intersection'
  | 'bounds'
  | 'precision'
  | 'on-land'
  | 'inside-district'
  | 'duplicate'
  | 'crossing'
  | 'tier'
  | 'outside';

export interface Problem {
  file: string;
  layer: string;
  /** "#<index> (<id>)", or "-" for the layer as a whole. */
  feature: string;
  check: Check;
  message: string;
}

export interface ValidationContext {
  /** Jiangbei's boundary (layer `boundary`). Needed for inside-district checks. */
  district?: FeatureCollection;
  /** The river polygons (layer `rivers`). Needed for on-land and bridge-crossing checks. */
  rivers?: FeatureCollection;
  /** File name to report; defaults to geodata/<id>.geojson. */
  file?: string;
}

/** Chongqing municipality's extent (lon 105°17′–110°11′ E, lat 28°10′–32°13′ N), rounded outwards. */
const CHONGQING_BOUNDS = { minLon: 105.2, maxLon: 110.2, minLat: 28.1, maxLat: 32.3 } as const;
const CONFIDENCE = ['high', 'medium', 'low'] as const;

export { TIERS };

const KINDS = ['heritage', 'port', 'station', 'commerce', 'civic'] as const;
/** Share of a polygon's area that must lie inside the district. */
const INSIDE_MIN_SHARE = 0.98;
/** Bridges, stations and railway lines from OSM (issue 14 contract). */
const RIVER_IDS = ['jialing', 'yangtze'] as const;
const BRIDGE_KINDS = ['road', 'rail', 'road+rail'] as const;
const STATION_KINDS = ['metro', 'rail'] as const;
const RAIL_KINDS = ['metro', 'monorail', 'rail'] as const;
/** Stations are shipped within this distance of the district (km); the ones outside it say so. */
const STATION_REACH_KM = 3;
/** Share of a polygon's area that may lie in a river. */
const IN_RIVER_MAX_SHARE = 0.02;
/** Green spaces and sports grounds (geodata/src/osm-rules.json): inside when ≥ this share of the area is; outside ones within OUTSIDE_KM. */
const GREEN_INSIDE_MIN_SHARE = osmRules.reach.inside_min_share;
const OUTSIDE_KM = osmRules.reach.outside_km;

/** The size rule for tiers (geodata/src/osm-rules.json): the first tier whose min_ha the area reaches; no area (a point) → point_tier. */
export function tierForArea(areaHa: number | null): Tier {
  if (areaHa === null) return osmRules.tiers.point_tier as Tier;
  return osmRules.tiers.rules.find((r) => areaHa >= r.min_ha)!.tier as Tier;
}

type PropType = 'string' | 'number' | 'number|null' | 'boolean' | 'true' | readonly string[];
type GeomKind = 'Point' | 'LineString' | 'Polygon';

interface Rule {
  geometry: GeomKind[];
  props: Record<string, PropType>;
  /** Ids must be unique and present (properties.id). */
  ids: boolean;
  onLand?: boolean;
  inside?: boolean;
  /** Inside the district (≥ GREEN_INSIDE_MIN_SHARE) unless `outside: true`, then within OUTSIDE_KM of it and mostly outside. */
  reach?: boolean;
  /** How the tier must follow from area_ha: the size rule, or one fixed tier. */
  tierRule?: 'size' | Tier;
  /** Properties whose combination identifies a duplicate. */
  dupKey: string[];
  crossesRiver?: boolean;
  /** Points with `outside`: inside the district unless outside: true, then within STATION_REACH_KM of it. */
  stationReach?: boolean;
}

const named = { name_zh: 'string', name_en: 'string' } as const;
const plan = { id: 'string', ...named, summary_zh: 'string', summary_en: 'string', schematic: 'true' } as const;
/** greenspaces and sports (issue 14 contract); OSM features also need osm_fclass (checked below). */
const green = { id: 'string', ...named, unnamed: 'boolean', tier: TIERS, area_ha: 'number|null', outside: 'boolean' } as const;

export const LAYER_RULES: Record<string, Rule> = {
  boundary: { geometry: ['Polygon'], props: { ...named, adcode: 'string' }, ids: false, dupKey: ['name_zh'] },
  neighbours: { geometry: ['Polygon'], props: { ...named }, ids: false, dupKey: ['name_zh'] },
  rivers: { geometry: ['Polygon'], props: { ...named }, ids: false, dupKey: ['name_zh'] },
  bridges: {
    geometry: ['LineString'],
    props: { id: 'string', ...named, river: RIVER_IDS, kind: BRIDGE_KINDS, walkable: 'boolean' },
    ids: true,
    dupKey: ['name_zh'],
    crossesRiver: true,
  },
  railways: { geometry: ['LineString'], props: { id: 'string', ...named, kind: RAIL_KINDS, tunnel: 'boolean' }, ids: true, dupKey: ['id'] },
  stations: {
    geometry: ['Point'],
    props: { id: 'string', ...named, kind: STATION_KINDS, outside: 'boolean' },
    ids: true,
    dupKey: ['name_zh', 'kind'],
    stationReach: true,
  },
  belt: { geometry: ['Polygon'], props: plan, ids: true, dupKey: ['name_zh'], inside: true, onLand: true },
  cores: { geometry: ['Polygon'], props: plan, ids: true, dupKey: ['name_zh'], inside: true, onLand: true },
  zones: { geometry: ['Polygon'], props: plan, ids: true, dupKey: ['name_zh'], inside: true, onLand: true },
  greenspaces: { geometry: ['Point', 'Polygon'], props: green, ids: true, dupKey: ['name_zh', 'tier'], reach: true, onLand: true, tierRule: 'size' },
  sports: {
    geometry: ['Point', 'Polygon'],
    props: green,
    ids: true,
    dupKey: ['name_zh', 'tier'],
    reach: true,
    onLand: true,
    tierRule: osmRules.tiers.sports_tier as Tier,
  },
  builtup: { geometry: ['Polygon'], props: { id: 'string' }, ids: true, dupKey: ['id'], inside: true, onLand: true },
  landmarks: { geometry: ['Point'], props: { id: 'string', ...named, kind: KINDS }, ids: true, dupKey: ['name_zh', 'kind'], inside: true, onLand: true },
};

const COMMON: Record<string, PropType> = { source: 'string', confidence: CONFIDENCE };

function typeOk(v: unknown, t: PropType): boolean {
  if (Array.isArray(t)) return typeof v === 'string' && t.includes(v);
  switch (t) {
    case 'string':
      return typeof v === 'string' && v.trim().length > 0;
    case 'number':
      return typeof v === 'number' && Number.isFinite(v);
    case 'number|null':
      return v === null || (typeof v === 'number' && Number.isFinite(v) && v > 0);
    case 'boolean':
      return typeof v === 'boolean';
    case 'true':
      return v === true;
  }
  return false;
}

const describe = (t: PropType) => (Array.isArray(t) ? `one of ${t.map((x) => `'${x}'`).join(', ')}` : t === 'true' ? 'true' : `a ${t}`);

function polygonsOf(g: Geometry): Position[][][] {
  if (g.type === 'Polygon') return [g.coordinates];
  if (g.type === 'MultiPolygon') return g.coordinates;
  return [];
}

/** Signed area of a ring (shoelace, lon/lat units); > 0 is counter-clockwise. */
function signedArea(ring: Position[]): number {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) s += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
  return s / 2;
}

const decimals = (v: number) => {
  const s = String(v);
  if (s.includes('e')) return 99;
  const i = s.indexOf('.');
  return i < 0 ? 0 : s.length - i - 1;
};

type Poly = Feature<Polygon | MultiPolygon>;
const asPolys = (fc: FeatureCollection | undefined): Poly[] =>
  (fc?.features ?? []).filter((f): f is Poly => f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon');

function overlapShare(f: Poly, others: Poly[]): number {
  const total = turf.area(f);
  if (total === 0) return 0;
  let inside = 0;
  for (const o of others) {
    const cut = turf.intersect(turf.featureCollection([f, o]));
    if (cut) inside += turf.area(cut);
  }
  return inside / total;
}

const inAny = (p: Position, polys: Poly[]) => polys.some((o) => turf.booleanPointInPolygon(p, o));

/** Validates one layer. Context layers enable the checks that need them (on land, inside the district, bridges). */
export function validateLayer(id: string, fc: unknown, context: ValidationContext = {}): Problem[] {
  const file = context.file ?? `geodata/${id}.geojson`;
  const problems: Problem[] = [];
  const add = (feature: string, check: Check, message: string) => problems.push({ file, layer: id, feature, check, message });

  const col = fc as FeatureCollection;
  if (typeof fc !== 'object' || fc === null || col.type !== 'FeatureCollection' || !Array.isArray(col.features)) {
    add(
      '-',
      'geojson',
      `expected a FeatureCollection with a features array, got ${fc === null ? 'null' : typeof fc === 'object' ? String(col.type) : typeof fc}`,
    );
    return problems;
  }
  const rule = LAYER_RULES[id];
  const districtPolys = asPolys(context.district);
  const riverPolys = asPolys(context.rivers);
  const seenIds = new Map<string, number>();
  const seenKeys = new Map<string, number>();
  const seenGeoms = new Map<string, number>();
  let nearDistrict: FeatureCollection<Polygon | MultiPolygon> | undefined;

  col.features.forEach((f, i) => {
    const props = (f.properties ?? {}) as Record<string, unknown>;
    const fid = typeof props.id === 'string' ? props.id : f.id !== undefined ? String(f.id) : typeof props.name_zh === 'string' ? props.name_zh : '';
    const where = `#${i}${fid ? ` (${fid})` : ''}`;
    const g = f.geometry;
    // geojson-validation per feature, so a broken feature is named
    const gjErrors = gjv.isFeature(f, true);
    if (gjErrors.length) {
      add(where, 'geojson', `not valid GeoJSON: ${gjErrors.slice(0, 3).join('; ')}`);
      // still say which ring is open, the commonest hand-editing slip
      if (g && (g.type === 'Polygon' || g.type === 'MultiPolygon') && Array.isArray(g.coordinates)) {
        try {
          polygonsOf(g).forEach((poly) =>
            poly.forEach((ring, r) => {
              const a = ring[0];
              const b = ring[ring.length - 1];
              if (a && b && (a[0] !== b[0] || a[1] !== b[1])) add(where, 'closed-ring', `ring ${r} is not closed (first ≠ last position)`);
            }),
          );
        } catch {
          /* malformed beyond repair: the geojson problem says so */
        }
      }
      return;
    }
    if (!g) {
      add(where, 'geometry-type', 'has no geometry');
      return;
    }

    // geometry type
    const kind = g.type.replace(/^Multi/, '') as GeomKind;
    if (rule && !rule.geometry.includes(kind)) add(where, 'geometry-type', `geometry ${g.type} not allowed here (expected ${rule.geometry.join(' or ')})`);

    // properties
    for (const [k, t] of Object.entries({ ...COMMON, ...(rule?.props ?? {}) })) {
      if (!(k in props)) add(where, 'properties', `missing property '${k}'`);
      else if (!typeOk(props[k], t)) add(where, 'properties', `property '${k}' is ${JSON.stringify(props[k])}, expected ${describe(t)}`);
    }
    // The map's bundle of all layers (GET /api/layers/all.geojson) tags each feature with it.
    if ('layer' in props) add(where, 'properties', "property 'layer' is reserved (the map's bundle of all layers sets it to the layer id); rename it");
    if (rule?.tierRule && props.area_ha === null && kind === 'Polygon')
      add(where, 'properties', "property 'area_ha' is null on a polygon (compute it from the outline)");
    if (rule?.tierRule && props.area_ha === null && typeof props.area_note !== 'string')
      add(where, 'properties', "property 'area_ha' is null without an 'area_note' saying why");
    if (rule?.tierRule && typeof props.source === 'string' && props.source.startsWith('osm:') && !typeOk(props.osm_fclass, 'string'))
      add(where, 'properties', "an OSM feature needs 'osm_fclass' (Geofabrik's feature class)");

    // tier follows the size rule (geodata/src/osm-rules.json); a hand-placed feature may differ if it says why
    if (rule?.tierRule && typeof props.tier === 'string' && (props.area_ha === null || typeOk(props.area_ha, 'number|null'))) {
      const want = rule.tierRule === 'size' ? tierForArea(props.area_ha as number | null) : rule.tierRule;
      const excused = rule.tierRule === 'size' && String(props.source).startsWith('hand-placed') && typeOk(props.tier_note, 'string');
      if (props.tier !== want && !excused)
        add(
          where,
          'tier',
          `tier '${String(props.tier)}' contradicts the rule (${rule.tierRule === 'size' ? `area_ha ${String(props.area_ha)} → '${want}'` : `always '${want}'`}, geodata/src/osm-rules.json)${rule.tierRule === 'size' ? "; a hand-placed feature may differ only with a 'tier_note' saying why" : ''}`,
        );
    }

    // ids
    if (rule?.ids && typeof props.id === 'string') {
      const prev = seenIds.get(props.id);
      if (prev !== undefined) add(where, 'unique-id', `id '${props.id}' already used by feature #${prev}`);
      else seenIds.set(props.id, i);
    }

    // rings: closed, ≥ 4 positions, RFC 7946 winding, no self-intersection
    for (const poly of polygonsOf(g)) {
      poly.forEach((ring, r) => {
        const a = ring[0];
        const b = ring[ring.length - 1];
        if (ring.length < 4) add(where, 'closed-ring', `ring ${r} has ${ring.length} positions (needs ≥ 4)`);
        else if (!a || !b || a[0] !== b[0] || a[1] !== b[1]) add(where, 'closed-ring', `ring ${r} is not closed (first ≠ last position)`);
        else {
          const ccw = signedArea(ring) > 0;
          if (r === 0 && !ccw) add(where, 'winding', 'outer ring is clockwise (RFC 7946 wants counter-clockwise)');
          if (r > 0 && ccw) add(where, 'winding', `hole ${r} is counter-clockwise (RFC 7946 wants clockwise)`);
        }
      });
      if (poly.every((ring) => ring.length >= 4)) {
        const k = turf.kinks(turf.polygon(poly));
        if (k.features.length) {
          const p = k.features[0]!.geometry.coordinates;
          add(where, 'self-intersection', `polygon crosses itself ${k.features.length} time(s), first near ${p[0]!.toFixed(5)},${p[1]!.toFixed(5)}`);
        }
      }
    }

    // coordinates: bounds and precision
    const pos = positionsOf(g);
    const out = pos.find(
      (p) => !(p[0]! >= CHONGQING_BOUNDS.minLon && p[0]! <= CHONGQING_BOUNDS.maxLon && p[1]! >= CHONGQING_BOUNDS.minLat && p[1]! <= CHONGQING_BOUNDS.maxLat),
    );
    if (out)
      add(
        where,
        'bounds',
        `coordinate ${out.join(',')} is outside Chongqing (lon ${CHONGQING_BOUNDS.minLon}–${CHONGQING_BOUNDS.maxLon}, lat ${CHONGQING_BOUNDS.minLat}–${CHONGQING_BOUNDS.maxLat}); swapped lon/lat or not WGS-84 degrees?`,
      );
    const fine = pos.find((p) => decimals(p[0]!) > 6 || decimals(p[1]!) > 6);
    if (fine) add(where, 'precision', `coordinate ${fine.join(',')} has more than 6 decimals`);

    const valid = !problems.some((p) => p.feature === where && ['closed-ring', 'self-intersection', 'geometry-type'].includes(p.check));

    // on land (not in a river). OSM outlines of green spaces and sports grounds are finer than the river polygons
    // (a riverside park reaches the water; the river layer's banks are approximate), so only hand-placed ones are held to it.
    const osmOutline = rule?.reach === true && typeof props.source === 'string' && props.source.startsWith('osm:');
    if (rule?.onLand && riverPolys.length && valid && !osmOutline) {
      if (g.type === 'Point') {
        if (inAny(g.coordinates, riverPolys)) add(where, 'on-land', `point ${g.coordinates.join(',')} lies in a river polygon`);
      } else if (g.type === 'Polygon' || g.type === 'MultiPolygon') {
        const share = overlapShare(f as Poly, riverPolys);
        if (share > IN_RIVER_MAX_SHARE) add(where, 'on-land', `${(share * 100).toFixed(1)} % of its area lies in a river (max ${IN_RIVER_MAX_SHARE * 100} %)`);
      }
    }

    // green spaces and sports: inside unless flagged outside; outside ones within reach
    if (rule?.reach && districtPolys.length && valid && (g.type === 'Point' || g.type === 'Polygon' || g.type === 'MultiPolygon')) {
      const share = g.type === 'Point' ? (inAny(g.coordinates, districtPolys) ? 1 : 0) : overlapShare(f as Poly, districtPolys);
      const pct = `${(share * 100).toFixed(1)} %`;
      if (props.outside === true) {
        nearDistrict ??= turf.buffer(turf.featureCollection(districtPolys), OUTSIDE_KM, { units: 'kilometers' }) as FeatureCollection<Polygon | MultiPolygon>;
        if (share >= GREEN_INSIDE_MIN_SHARE)
          add(where, 'outside', `marked outside: true but ${pct} of it lies inside the district (inside from ${GREEN_INSIDE_MIN_SHARE * 100} %)`);
        else if (!nearDistrict.features.some((n) => turf.booleanIntersects(f, n)))
          add(where, 'outside', `marked outside: true but more than ${OUTSIDE_KM} km from the district (too far to serve it)`);
      } else if (share < GREEN_INSIDE_MIN_SHARE)
        add(
          where,
          'inside-district',
          `${g.type === 'Point' ? 'point lies' : `only ${pct} of its area lies`} inside the district (min ${GREEN_INSIDE_MIN_SHARE * 100} %); mark it outside: true if it is a serving site beyond the border`,
        );
    }

    // inside the district
    if (rule?.inside && districtPolys.length && valid) {
      if (g.type === 'Point') {
        if (!inAny(g.coordinates, districtPolys)) add(where, 'inside-district', `point ${g.coordinates.join(',')} lies outside the district`);
      } else if (g.type === 'Polygon' || g.type === 'MultiPolygon') {
        const share = overlapShare(f as Poly, districtPolys);
        if (share < INSIDE_MIN_SHARE)
          add(where, 'inside-district', `only ${(share * 100).toFixed(1)} % of its area lies inside the district (min ${INSIDE_MIN_SHARE * 100} %)`);
      }
    }

    // bridges: a rail-only deck has no footway
    if (id === 'bridges' && props.kind === 'rail' && props.walkable === true)
      add(
        where,
        'properties',
        "kind 'rail' with walkable: true: a rail-only deck has no footway (use kind 'road+rail' where a road or footway shares the deck)",
      );

    // stations: the outside flag agrees with the district, and outside ones are within reach
    if (rule?.stationReach && districtPolys.length && g.type === 'Point' && typeof props.outside === 'boolean') {
      const inside = inAny(g.coordinates, districtPolys);
      if (inside && props.outside) add(where, 'outside', `marked outside: true but the point ${g.coordinates.join(',')} lies inside the district`);
      else if (!inside && !props.outside) add(where, 'outside', `marked outside: false but the point ${g.coordinates.join(',')} lies outside the district`);
      else if (!inside && Math.min(...districtPolys.map((d) => turf.pointToPolygonDistance(g.coordinates, d, { units: 'kilometers' }))) > STATION_REACH_KM)
        add(where, 'outside', `more than ${STATION_REACH_KM} km from the district (stations are shipped within ${STATION_REACH_KM} km)`);
    }

    // bridges: both ends on land, the line crosses water
    if (rule?.crossesRiver && riverPolys.length && g.type === 'LineString') {
      const ends = [g.coordinates[0]!, g.coordinates[g.coordinates.length - 1]!];
      ends.forEach((e, k) => {
        if (inAny(e, riverPolys)) add(where, 'crossing', `${k === 0 ? 'start' : 'end'} ${e.join(',')} is in the river, not on a bank`);
      });
      if (!riverPolys.some((r) => turf.booleanIntersects(f, r))) add(where, 'crossing', 'does not cross any river polygon');
    }

    // duplicates
    if (rule) {
      const key = rule.dupKey.map((k) => String(props[k] ?? '')).join('|');
      if (key.replace(/\|/g, '') !== '') {
        const prev = seenKeys.get(key);
        if (prev !== undefined) add(where, 'duplicate', `same ${rule.dupKey.join(' + ')} (${key}) as feature #${prev}`);
        else seenKeys.set(key, i);
      }
    }
    const gk = JSON.stringify(g);
    const prevG = seenGeoms.get(gk);
    if (prevG !== undefined) add(where, 'duplicate', `same geometry as feature #${prevG}`);
    else seenGeoms.set(gk, i);
  });
  return problems;
}

/** Validates a set of layers by id, using `boundary` and `rivers` among them as context. */
export function validateAll(layers: Record<string, unknown>, files: Record<string, string> = {}): Problem[] {
  const district = layers.boundary as FeatureCollection | undefined;
  const rivers = layers.rivers as FeatureCollection | undefined;
  return Object.entries(layers).flatMap(([id, fc]) => validateLayer(id, fc, { district, rivers, file: files[id] }));
}

/** One line per problem: "file: feature #i (id): [check] message". */
export function formatProblem(p: Problem): string {
  return `${p.file}: feature ${p.feature}: [${p.check}] ${p.message}`;
}
