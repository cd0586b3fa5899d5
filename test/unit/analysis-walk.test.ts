import { describe, expect, it } from 'vitest';
import { DEFAULT_RADII } from '../../domain/tiers';
import { coverageReport, nearestSites, tierCoverage } from '../../worker/analysis/analyse';
import { toGrid } from '../../worker/analysis/grid';
import { buildModel } from '../../worker/analysis/model';
import { nearestByWalk } from '../../worker/analysis/nearest';
import { siteSamples } from '../../worker/analysis/site-samples';
import { projectSites } from '../../worker/analysis/sites';
import { walkStart } from '../../worker/analysis/walk';
import { randomSites } from '../fixtures/analysis/random-sites';
import { at, point, syntheticLayers } from '../fixtures/analysis/synthetic';

// The synthetic river runs east–west, 200 m wide (y 1900–2100 m), across the whole grid.
// A leisure space 50 m south of it; the question is a point 50 m north of it: 300 m away
// in a straight line.
const SITE: [number, number] = [3000, 1850];
const HOME: [number, number] = [3000, 2150];
const sites = { type: 'FeatureCollection' as const, features: [point(SITE[0], SITE[1], 'leisure', 'pocket')] };

function walkFromHome(bridgeAtX?: number) {
  const model = buildModel(syntheticLayers(bridgeAtX === undefined ? {} : { bridgeAtX }));
  const projected = projectSites(model.grid, sites);
  const [lon, lat] = at(HOME[0], HOME[1]);
  const walk = nearestSites(model, projected, DEFAULT_RADII, 'walk', lon, lat).tiers[0]!;
  const straight = nearestSites(model, projected, DEFAULT_RADII, 'radius', lon, lat).tiers[0]!;
  // Coverage of the cell HOME is in, walk mode.
  const share = tierCoverage(model, projected, 'leisure', 500, 'walk');
  const [gx, gy] = toGrid(model.grid, lon, lat);
  const cell = Math.floor(gy) * model.grid.w + Math.floor(gx);
  const k = model.areas[0]!.cells.indexOf(cell);
  return { model, walk, straight, homeCovered: share[k]! };
}

describe('walk mode: rivers are barriers, bridges cross them', () => {
  it('without a bridge, a site 300 m across the river is not within 500 m (nor reachable at all)', () => {
    const { walk, straight, homeCovered } = walkFromHome();
    expect(straight.distance_m).toBeCloseTo(300, 0);
    expect(straight.covered).toBe(true);
    expect(walk.distance_m).toBeNull();
    expect(walk.covered).toBe(false);
    expect(homeCovered).toBe(0);
  });

  it('with a bridge 50 m along, it is: the walk goes over the bridge, ~360 m', () => {
    const { walk, homeCovered } = walkFromHome(3050);
    expect(walk.covered).toBe(true);
    // Site → bridge → home is ~357 m along the bridge's line; on the grid a bridge is the
    // one or two cells (50–100 m) its line crosses, so the walk may use any of that width.
    expect(walk.distance_m!).toBeGreaterThanOrEqual(300);
    expect(walk.distance_m!).toBeLessThan(420);
    expect(walk.walk_min).toBeCloseTo(walk.distance_m! / 80, 1);
    expect(homeCovered).toBe(1);
    // The path starts at home, ends at the site, and crosses the river on the bridge.
    const path = walk.path!.coordinates;
    expect(path[0]).toEqual([expect.closeTo(at(...HOME)[0], 5), expect.closeTo(at(...HOME)[1], 5)]);
    const mid = at(0, 2000)[1];
    let crossings = 0;
    for (let k = 1; k < path.length; k++) {
      const [x1, y1] = path[k - 1]!;
      const [x2, y2] = path[k]!;
      if ((y1! - mid) * (y2! - mid) > 0) continue;
      crossings++;
      const x = x1! + ((mid - y1!) * (x2! - x1!)) / (y2! - y1!);
      // Mid-river, the path is on the bridge (within a cell and a half of it).
      expect(Math.abs(x - at(3050, 0)[0])).toBeLessThan(at(75, 0)[0] - at(0, 0)[0]);
    }
    expect(crossings).toBe(1);
  });

  it('a bridge marked walkable: false (rail only) is no crossing; one without the property is', () => {
    const layers = syntheticLayers({ bridgeAtX: 3050 });
    layers.bridges!.features[0]!.properties = { id: 'bridge', walkable: false };
    const model = buildModel(layers);
    const projected = projectSites(model.grid, sites);
    const [lon, lat] = at(HOME[0], HOME[1]);
    expect(nearestSites(model, projected, DEFAULT_RADII, 'walk', lon, lat).tiers[0]!.distance_m).toBeNull();
    layers.bridges!.features[0]!.properties = { id: 'bridge' };
    expect(nearestSites(buildModel(layers), projected, DEFAULT_RADII, 'walk', lon, lat).tiers[0]!.covered).toBe(true);
  });

  it('walking is never shorter than the straight line, and is the straight line where nothing blocks it', () => {
    const model = buildModel(syntheticLayers({ bridgeAtX: 3050 }));
    const projected = projectSites(model.grid, randomSites(30, 5, { bbox: [at(0, 0)[0], at(0, 0)[1], at(6000, 4000)[0], at(6000, 4000)[1]] }));
    for (const [tier, r] of [
      ['leisure', 500],
      ['park', 2000],
    ] as const) {
      const walk = tierCoverage(model, projected, tier, r, 'walk');
      const straight = tierCoverage(model, projected, tier, r, 'radius');
      // Read at cell centres (walk) vs sub-cells (radius): a cell partly covered in radius
      // mode may be covered or not on foot, but never covered on foot and not at all else.
      walk.forEach((w, k) => {
        if (w > 0) expect(straight[k]!, `cell ${k}`).toBeGreaterThan(0);
      });
    }
  });

  it('with the only bridge 2 km away, it is not within 500 m (the walk is ~4.3 km)', () => {
    const { walk } = walkFromHome(5000);
    expect(walk.covered).toBe(false);
    expect(walk.distance_m!).toBeGreaterThan(4000);
    expect(walk.distance_m!).toBeLessThan(4700);
  });

  it('walk coverage of the north bank: none without a bridge, some with one', () => {
    const rate = (bridgeAtX?: number) => {
      const model = buildModel(syntheticLayers(bridgeAtX === undefined ? {} : { bridgeAtX }));
      return coverageReport(model, projectSites(model.grid, sites), DEFAULT_RADII, 'walk').areas.find((a) => a.id === 'ne');
    };
    // The 'ne' zone starts at x = 3000 north of the river.
    expect(rate()!.tiers[0]!.land_covered_km2).toBe(0);
    expect(rate(3050)!.tiers[0]!.land_covered_km2).toBeGreaterThan(0.02);
  });

  it('on open ground (no river layer), walking distance is the straight-line distance', () => {
    const layers = syntheticLayers();
    delete layers.rivers;
    const model = buildModel(layers);
    const projected = projectSites(model.grid, sites);
    const walk = coverageReport(model, projected, DEFAULT_RADII, 'walk');
    const radius = coverageReport(model, projected, DEFAULT_RADII, 'radius');
    expect(walk.tiers).toEqual(radius.tiers);
    const [lon, lat] = at(3400, 2300);
    const w = nearestSites(model, projected, DEFAULT_RADII, 'walk', lon, lat).tiers[0]!;
    expect(w.distance_m).toBeCloseTo(Math.hypot(400, 450), 0);
  });

  it('walk distance on the same bank is the straight line (the grid path is not longer)', () => {
    const model = buildModel(syntheticLayers({ bridgeAtX: 3100 }));
    const projected = projectSites(model.grid, sites);
    const [lon, lat] = at(3300, 1500);
    const w = nearestSites(model, projected, DEFAULT_RADII, 'walk', lon, lat).tiers[0]!;
    expect(w.distance_m).toBeCloseTo(Math.hypot(300, 350), 0);
  });
});

describe('walk mode: a spot on the water walks from the nearest bank or bridge deck', () => {
  // A leisure space 60 m south of the south bank (y 1900 m).
  const south = { type: 'FeatureCollection' as const, features: [point(3000, 1840, 'leisure', 'south')] };

  it('60 m out from the south bank: the walk starts on the bank, 60.5 m away (half a metre inside its cell), and that is counted', () => {
    const model = buildModel(syntheticLayers());
    const projected = projectSites(model.grid, south);
    const [lon, lat] = at(3000, 1960);
    const walk = nearestSites(model, projected, DEFAULT_RADII, 'walk', lon, lat);
    expect(walk.no_walk).toBeUndefined();
    expect(walk.walk_start).toMatchObject({ on: 'bank', distance_m: 60.5, lon: expect.closeTo(lon, 6), lat: expect.closeTo(at(3000, 1899.5)[1], 6) });
    // Bank, then straight on to the site: the straight line from the spot, 120 m.
    const leisure = walk.tiers[0]!;
    expect(leisure).toMatchObject({ id: 'south', distance_m: 120, covered: true });
    expect(nearestSites(model, projected, DEFAULT_RADII, 'radius', lon, lat).tiers[0]!.distance_m).toBe(120);
    expect(leisure.path!.coordinates).toEqual([
      [expect.closeTo(lon, 6), expect.closeTo(lat, 6)],
      [walk.walk_start!.lon, walk.walk_start!.lat],
      [expect.closeTo(lon, 6), expect.closeTo(at(3000, 1840)[1], 6)],
    ]);
  });

  it('beside a bridge’s deck, nearer it than either bank: the walk starts on the deck, and is the deck’s walk plus the way to it', () => {
    const model = buildModel(syntheticLayers({ bridgeAtX: 3075 }));
    const projected = projectSites(model.grid, south);
    const [lon, lat] = at(3140, 2010);
    const walk = nearestSites(model, projected, DEFAULT_RADII, 'walk', lon, lat);
    const start = walk.walk_start!;
    expect(start.on).toBe('bridge');
    // The deck's cells are x 3050–3100 m (the grid's own scale is 0.02 % off the fixture's).
    expect(start.distance_m).toBeGreaterThan(39);
    expect(start.distance_m).toBeLessThan(41);
    const fromDeck = nearestSites(model, projected, DEFAULT_RADII, 'walk', start.lon, start.lat);
    expect(fromDeck.walk_start).toBeUndefined();
    expect(walk.tiers[0]!.distance_m!).toBeCloseTo(start.distance_m + fromDeck.tiers[0]!.distance_m!, 0);
    expect(walk.tiers[0]!.distance_m!).toBeGreaterThanOrEqual(nearestSites(model, projected, DEFAULT_RADII, 'radius', lon, lat).tiers[0]!.distance_m!);
  });

  it('no open cell within reach: no start, nothing found, and the answer says why', () => {
    const model = buildModel(syntheticLayers());
    const projected = projectSites(model.grid, south);
    const [gx, gy] = toGrid(model.grid, ...at(3000, 1990));
    // 90 m from the south bank, 110 m from the north.
    expect(walkStart(model.grid, model.blocked, gx, gy, 80)).toBeNull();
    expect(walkStart(model.grid, model.blocked, gx, gy, 100)!.offsetM).toBeCloseTo(90.5, 6);
    const far = nearestByWalk(model.grid, model.blocked, projected, siteSamples(model.grid, projected), gx, gy, 15000, 5, 80);
    expect(far).toEqual({ tiers: [null, null, null], closest: [], start: null });
    // Through the API's function, with its 300 m: the river is only 200 m wide, so a start is found.
    expect(nearestSites(model, projected, DEFAULT_RADII, 'walk', ...at(3000, 1990)).walk_start?.on).toBe('bank');
    // On open ground the walk starts where the spot is.
    const [ox, oy] = toGrid(model.grid, ...at(3000, 1500));
    expect(walkStart(model.grid, model.blocked, ox, oy, 300)).toEqual({ x: ox, y: oy, cell: Math.floor(oy) * model.grid.w + Math.floor(ox), offsetM: 0 });
  });
});
