/**
 * The `bridges` layer: every river crossing that touches Jiangbei that we can draw.
 *
 * - OpenStreetMap's rail and metro crossings: railways.geojson ways with bridge=T, joined end
 *   to end per line into decks; a deck that crosses the Jialing or Yangtze centreline with one
 *   end in the district is a crossing. The tracks of one line (two ways side by side) are one
 *   crossing, drawn with the lowest-id track's deck.
 * - The road bridges of geodata/src/bridges.source.json. One that is the same structure as an
 *   OSM crossing (`osm_deck`, with the evidence) takes OSM's deck and becomes 'road+rail';
 *   the others are drawn perpendicular to OSM's river centreline, from bank to bank of the
 *   rivers layer plus a landing each side.
 * A rail crossing with no known name is described, never named (`unnamed: true`), and is not
 * walkable: a metro deck has no footway, and the extract has no footways to say otherwise.
 */
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, LineString, Point, Position } from 'geojson';
import { finishGeometry, locate, pointAlong, toLonLat, toXY } from './geo';
import { OSM_CREDIT, readOsm } from './osm';
import { describeCrossing, mergeLines, type RailKind, railKind, railPieces } from './osm-railways';
import { nearestSection, type OsmRiverId, type OsmRivers, type Section } from './osm-rivers';
import type { Placer } from './placed';

type BridgeKind = 'road' | 'rail' | 'road+rail';

/** A rail crossing found in OSM. */
interface RailCrossing {
  river: OsmRiverId;
  line: string | null;
  kind: RailKind;
  /** Way ids of every track of the crossing (lowest first); the first track's ways make the deck. */
  ways: string[];
  deckWays: string[];
  deck: Position[];
  /** Where the deck crosses the river centreline, and the distance along it (m). */
  at: Position;
  station: number;
}

/** Tracks of one line crossing within this distance of each other are one crossing (m). */
const SAME_CROSSING_M = 120;
/** Deck kept either side of the water: OSM tags whole viaducts bridge=T, often a kilometre over land. */
const DECK_LANDING_M = 150;

/**
 * The part of a deck over the river's water plus DECK_LANDING_M each side. Without this a
 * crossing would be drawn along the elevated line to the next station, and places anchored at
 * a bridge's Jiangbei end would move with it.
 */
function trimToWater(deck: Position[], water: Feature): Position[] {
  const line = turf.lineString(deck);
  const hits = turf.lineIntersect(line, turf.polygonToLine(water as Feature<never>) as Feature<never>).features;
  if (hits.length < 2) return deck;
  const km = hits.map((h) => turf.length(turf.lineSlice(deck[0]!, h.geometry.coordinates, line)));
  const total = turf.length(line);
  const from = Math.max(0, Math.min(...km) - DECK_LANDING_M / 1000);
  const to = Math.min(total, Math.max(...km) + DECK_LANDING_M / 1000);
  return turf.lineSliceAlong(line, from, to).geometry.coordinates;
}

/** OSM's rail and metro river crossings with one end in the district. */
function railCrossings(rivers: OsmRivers, district: Feature): RailCrossing[] {
  const pieces = railPieces().filter((p) => p.bridge);
  // decks: bridge pieces of one line joined end to end (union-find over shared end points)
  const parent = pieces.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const byEnd = new Map<string, number>();
  pieces.forEach((p, i) => {
    for (const e of [p.c[0]!, p.c[p.c.length - 1]!]) {
      const k = `${e[0]},${e[1]}|${p.name ?? ''}|${p.fclass}`;
      const j = byEnd.get(k);
      if (j === undefined) byEnd.set(k, i);
      else parent[find(i)] = find(j);
    }
  });
  const groups = new Map<number, number[]>();
  pieces.forEach((_, i) => (groups.get(find(i)) ?? groups.set(find(i), []).get(find(i))!).push(i));
  const found: (Omit<RailCrossing, 'ways' | 'deckWays'> & { ids: string[] })[] = [];
  for (const idx of groups.values()) {
    const merged = mergeLines(idx.map((i) => pieces[i]!.c));
    if (merged.length !== 1) continue; // a branching viaduct, not a single deck
    const deck = merged[0]!;
    const ends = [deck[0]!, deck[deck.length - 1]!];
    const inside = ends.filter((e) => turf.booleanPointInPolygon(e, district as Feature<never>)).length;
    if (inside !== 1) continue;
    for (const river of ['jialing', 'yangtze'] as const) {
      const x = turf.lineIntersect(turf.lineString(deck), turf.lineString(rivers.lines[river])).features;
      if (!x.length) continue;
      const at = x[0]!.geometry.coordinates;
      const p0 = pieces[idx[0]!]!;
      const water = rivers.rivers.features.find((f) => f.id === river)!;
      const drawn = trimToWater(deck, water);
      found.push({
        river,
        line: p0.name,
        kind: railKind(p0.fclass),
        ids: idx.map((i) => pieces[i]!.id).sort((a, b) => Number(a) - Number(b)),
        deck: drawn,
        at,
        station: locate(rivers.lines[river], at),
      });
    }
  }
  // the tracks of one line at one place are one crossing
  found.sort((a, b) => Number(a.ids[0]) - Number(b.ids[0]));
  const out: RailCrossing[] = [];
  for (const f of found) {
    const same = out.find(
      (o) => o.river === f.river && o.line === f.line && o.kind === f.kind && turf.distance(o.at, f.at, { units: 'meters' }) <= SAME_CROSSING_M,
    );
    if (same) same.ways.push(...f.ids);
    else out.push({ river: f.river, line: f.line, kind: f.kind, ways: [...f.ids], deckWays: f.ids, deck: f.deck, at: f.at, station: f.station });
  }
  return out.sort((a, b) => a.river.localeCompare(b.river) || a.station - b.station);
}

interface HandBridge {
  id: string;
  name_zh: string;
  name_en: string;
  river: OsmRiverId;
  kind: BridgeKind;
  walkable: boolean;
  walkable_note: string;
  source: string;
  confidence: string;
  from_confluence_m?: number;
  osm_deck?: { line: string; evidence: string };
  osm_at?: { layer: string; ids: string[]; evidence: string };
  beside?: { bridge: string; offset_m: number; note: string };
}

const osmWays = (ids: string[]) => ids.map((i) => `osm:way/${i}`).join(', ');

/** The Jiangbei end (left of the flow) and the far end of a crossing drawn at a section. */
function drawnCrossing(s: Section, landingM: number): { geometry: LineString; jiangbei: Position } {
  const jb = toLonLat(s.p[0] + s.n[0] * (s.hl + landingM), s.p[1] + s.n[1] * (s.hl + landingM));
  const far = toLonLat(s.p[0] - s.n[0] * (s.hr + landingM), s.p[1] - s.n[1] * (s.hr + landingM));
  const geometry = finishGeometry<LineString>({ type: 'LineString', coordinates: [far, jb] }); // from the far bank to Jiangbei
  return { geometry, jiangbei: geometry.coordinates[1]! };
}

export interface BridgesBuild {
  bridges: FeatureCollection;
  /** The Jiangbei end of each hand-listed bridge, for `near: "bridge:<id>"` placements. */
  anchors: Map<string, Position>;
}

export function buildBridges(rivers: OsmRivers, district: Feature, placer: Placer, src: { landing_m: number; features: HandBridge[] }): BridgesBuild {
  const crossings = railCrossings(rivers, district);
  const used = new Set<RailCrossing>();
  const anchors = new Map<string, Position>();
  const features: Feature[] = [];
  const byId = new Map<string, Feature<LineString>>();
  const insideEnd = (line: Position[]) => (turf.booleanPointInPolygon(line[0]!, district as Feature<never>) ? line[0]! : line[line.length - 1]!);

  // entries placed `beside` another are drawn after it; the layer keeps the source's order
  const order = [...src.features.filter((b) => !b.beside), ...src.features.filter((b) => b.beside)];
  for (const b of order) {
    const { from_confluence_m: _f, osm_deck, osm_at, beside, source, walkable_note, ...rest } = b;
    let geometry: LineString;
    let jiangbei: Position;
    let how: string;
    if (osm_deck) {
      const c = crossings.find((x) => x.river === b.river && x.line === osm_deck.line && !used.has(x));
      if (!c) throw new Error(`bridges.source.json: ${b.id}: OSM has no ${osm_deck.line} crossing of the ${b.river} touching Jiangbei`);
      used.add(c);
      geometry = finishGeometry<LineString>({ type: 'LineString', coordinates: c.deck });
      jiangbei = insideEnd(geometry.coordinates);
      how = `deck: ${osmWays(c.deckWays)} (OSM railways, bridge=T, drawn over the water + ${DECK_LANDING_M} m each side, ${osm_deck.line}${c.ways.length > c.deckWays.length ? `; other track ${osmWays(c.ways.filter((w) => !c.deckWays.includes(w)))}` : ''}; ${OSM_CREDIT}); same structure as OSM's crossing because ${osm_deck.evidence}; name: hand-listed (${source})`;
    } else {
      let s: Section;
      if (osm_at) {
        const pts = readOsm<Point>(osm_at.layer).features.filter((f) => osm_at.ids.includes(f.properties.osm_id));
        if (pts.length !== osm_at.ids.length) throw new Error(`bridges.source.json: ${b.id}: OSM nodes ${osm_at.ids.join(', ')} not all in ${osm_at.layer}`);
        const mean: Position = [0, 1].map((k) => pts.reduce((a, f) => a + f.geometry.coordinates[k]!, 0) / pts.length);
        s = nearestSection(rivers.sections[b.river], mean);
        how = `position: ${osm_at.evidence} (${OSM_CREDIT}); drawn perpendicular to OSM's river centreline, bank to bank of the rivers layer + ${src.landing_m} m landings; not the real deck alignment (${source})`;
      } else if (beside) {
        // a copy of the other bridge's line, moved offset_m along the river (it runs beside it)
        const other = byId.get(beside.bridge);
        if (!other) throw new Error(`bridges.source.json: ${b.id}: beside unknown bridge ${beside.bridge}`);
        const at = turf.lineIntersect(other, turf.lineString(rivers.lines[b.river])).features[0]!.geometry.coordinates;
        const s0 = locate(rivers.lines[b.river], at);
        const [ax, ay] = toXY(pointAlong(rivers.lines[b.river], s0).point);
        const [bx, by] = toXY(pointAlong(rivers.lines[b.river], s0 + beside.offset_m).point);
        geometry = finishGeometry<LineString>({
          type: 'LineString',
          coordinates: other.geometry.coordinates.map((q) => toXY(q)).map(([x, y]) => toLonLat(x + bx - ax, y + by - ay)),
        });
        jiangbei = insideEnd(geometry.coordinates);
        how = `hand-placed beside the ${beside.bridge} bridge: its OSM deck line moved ${Math.abs(beside.offset_m)} m ${beside.offset_m >= 0 ? 'downstream' : 'upstream'} along OSM's river centreline (${beside.note}); not the real deck alignment (${source})`;
        const f: Feature<LineString> = { type: 'Feature', id: b.id, properties: { ...rest, walkable_note, unnamed: false, source: how }, geometry };
        anchors.set(b.id, jiangbei);
        byId.set(b.id, f);
        continue;
      } else {
        const p = placer.along({ river: b.river, from_confluence_m: b.from_confluence_m!, inland_m: 0 }).point;
        s = nearestSection(rivers.sections[b.river], p);
        how = `hand-placed: station ${b.from_confluence_m} m from the confluence on the echarts-derived centreline (${source}), moved onto OSM's river centreline; drawn perpendicular, bank to bank of the rivers layer + ${src.landing_m} m landings; not the real deck alignment`;
      }
      ({ geometry, jiangbei } = drawnCrossing(s, src.landing_m));
    }
    const f: Feature<LineString> = {
      type: 'Feature',
      id: b.id,
      properties: { ...rest, walkable_note, unnamed: false, source: how },
      geometry,
    };
    anchors.set(b.id, jiangbei);
    byId.set(b.id, f);
  }
  for (const b of src.features) features.push(byId.get(b.id)!);

  for (const c of crossings) {
    if (used.has(c)) continue;
    const d = describeCrossing(c.line, c.kind, c.river);
    const id = `osm-${c.deckWays[0]}`;
    features.push({
      type: 'Feature',
      id,
      properties: {
        id,
        name_zh: d.zh,
        name_en: d.en,
        river: c.river,
        kind: 'rail',
        walkable: false,
        walkable_note: 'rail or metro deck; OSM (this extract) shows no road or footway on it',
        unnamed: true,
        source: `deck: ${osmWays(c.deckWays)} (OSM railways, bridge=T, drawn over the water + ${DECK_LANDING_M} m each side${c.line ? `, ${c.line}` : ''}${c.ways.length > c.deckWays.length ? `; other track ${osmWays(c.ways.filter((w) => !c.deckWays.includes(w)))}` : ''}; ${OSM_CREDIT}); the bridge's name is not in the extract`,
        confidence: 'high',
      },
      geometry: finishGeometry<LineString>({ type: 'LineString', coordinates: c.deck }),
    });
  }
  return { bridges: { type: 'FeatureCollection', features }, anchors };
}
