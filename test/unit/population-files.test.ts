import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { writeArrayBuffer } from 'geotiff';
import { describe, expect, it } from 'vitest';
import { parsePopulationCsv } from '../../src/population/parse-csv';
import { numericFields, parsePopulationGeoJson } from '../../src/population/parse-geojson';
import { PopulationFileError, parsePopulationTiff } from '../../src/population/parse-geotiff';
import { preparePopulation } from '../../src/population/prepare';
import { districtGrid } from '../../worker/analysis/model';
import { emptyPopulation } from '../../worker/analysis/population';
import { addRaster } from '../../worker/analysis/resample-raster';
import { readLayer } from '../fixtures/analysis/shipped-data';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/population/${name}`, import.meta.url));
const buffer = (name: string) => {
  const b = readFileSync(fixture(name));
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
};
const text = (name: string) => readFileSync(fixture(name), 'utf8');
const boundary = readLayer('boundary')!;
const meta = { source: 'test', date: null };
const sumWire = (pts: number[][]) => pts.reduce((s, p) => s + p[2]!, 0);

/** A one-band Float32 TIFF in EPSG:4326 of the given values (width × height). */
function tiff(values: number[], width: number, keys: Record<string, unknown> = { GeographicTypeGeoKey: 4326, GTModelTypeGeoKey: 2 }): ArrayBuffer {
  return writeArrayBuffer(new Float32Array(values), {
    width,
    height: values.length / width,
    BitsPerSample: [32],
    SampleFormat: [3],
    SamplesPerPixel: 1,
    ModelPixelScale: [0.001, 0.001, 0],
    ModelTiepoint: [0, 0, 0, 106.64, 29.62, 0],
    ...keys,
  } as Parameters<typeof writeArrayBuffer>[1]);
}

describe('population GeoTIFFs (geotiff.js)', () => {
  it('EPSG:4326: reads the band, skips nodata, and resampling keeps the total within 0.1 %', async () => {
    const r = await parsePopulationTiff(buffer('people-4326.tif'));
    expect(r).toMatchObject({ crs: 'EPSG:4326', width: 20, height: 15 });
    expect(r.total).toBe(25 * (20 * 15 - 5));
    expect(r.problems.count).toBe(0);
    expect(r.bbox[0]).toBeCloseTo(106.63, 6);
    expect(r.bbox[3]).toBeCloseTo(29.625, 6);
    expect(r.bbox[2]).toBeCloseTo(106.65, 6);
    expect(r.bbox[1]).toBeCloseTo(29.61, 6);
    const pop = emptyPopulation(districtGrid(boundary));
    addRaster(pop, r.raster);
    let on = 0;
    for (const v of pop.counts) on += v;
    expect(Math.abs(on + pop.offGrid - r.total) / r.total).toBeLessThan(1e-3);
    // Wholly within the district: what the page sends keeps it all.
    const prepared = await preparePopulation({ kind: 'geotiff', buffer: buffer('people-4326.tif') }, boundary, meta);
    expect(Math.abs(sumWire(prepared.wire.points) - r.total) / r.total).toBeLessThan(1e-3);
    expect(prepared.wire.given).toBeCloseTo(r.total, 3);
  });

  it('UTM 48N: placed where its corner says, total kept within 0.1 %', async () => {
    const r = await parsePopulationTiff(buffer('people-utm48n.tif'));
    expect(r.crs).toBe('EPSG:32648');
    expect(r.total).toBe(6000);
    // The tie point (rounded to the metre) is the north-west corner; the grid convergence
    // (~0.8° here) turns the raster a little against north.
    const [lon, lat] = r.raster.corner(0, 0);
    expect(lon).toBeCloseTo(106.751, 4);
    expect(lat).toBeCloseTo(29.64, 4);
    // 1.5 km east and 1 km south of that corner.
    expect((r.bbox[2] - r.bbox[0]) * 96.8).toBeCloseTo(1.5, 1);
    expect((r.bbox[3] - r.bbox[1]) * 111.2).toBeCloseTo(1.0, 1);
    const prepared = await preparePopulation({ kind: 'geotiff', buffer: buffer('people-utm48n.tif') }, boundary, meta);
    expect(Math.abs(sumWire(prepared.wire.points) - 6000) / 6000).toBeLessThan(1e-3);
  });

  it('reports bad pixels as runs, and refuses what it cannot place', async () => {
    const r = await parsePopulationTiff(tiff([1, 2, -1, -1, -1, 3, NaN, 4], 4));
    expect(r.problems.listed).toEqual(
      [
        { where: 'row 0, columns 2–3', message: 'negative counts' },
        { where: 'row 1, column 0', message: 'negative counts' },
        { where: 'row 1, columns 2', message: 'not a number' },
      ].map((p) => (p.where === 'row 1, column 0' ? { ...p, where: 'row 1, columns 0' } : p)),
    );
    expect(r.total).toBe(1 + 2 + 3 + 4);
    await expect(parsePopulationTiff(tiff([1, 2], 2, { GeographicTypeGeoKey: 4490, GTModelTypeGeoKey: 2 }))).rejects.toThrow(/EPSG:4490/);
    await expect(parsePopulationTiff(tiff([1, 2], 2, { ProjectedCSTypeGeoKey: 3857, GTModelTypeGeoKey: 1 }))).rejects.toThrow(/EPSG:3857/);
    await expect(
      parsePopulationTiff(tiff([1, 2], 2, { GeographicTypeGeoKey: 4326, GTModelTypeGeoKey: 2, ModelTiepoint: [0, 0, 0, 116.4, 39.9, 0] })),
    ).rejects.toThrow(/km from Jiangbei/);
    await expect(parsePopulationTiff(new TextEncoder().encode('not a tiff at all').buffer as ArrayBuffer)).rejects.toBeInstanceOf(PopulationFileError);
  });
});

describe('population CSV', () => {
  it('reads a header, sums the counts, and keeps the total through the page’s resampling', async () => {
    const r = parsePopulationCsv(text('people.csv'), 'WGS84');
    expect(r.rows).toBe(200);
    expect(r.problems.count).toBe(0);
    expect(r.total).toBe(100 * 30 + 100 * 90);
    const prepared = await preparePopulation({ kind: 'csv', text: text('people.csv'), crs: 'WGS84' }, boundary, meta);
    expect(sumWire(prepared.wire.points)).toBeCloseTo(r.total, 6);
  });

  it('a GCJ-02 CSV lands where its WGS-84 twin lands, cell for cell', async () => {
    const wgs = await preparePopulation({ kind: 'csv', text: text('people.csv'), crs: 'WGS84' }, boundary, meta);
    const gcj = await preparePopulation({ kind: 'csv', text: text('people-gcj02.csv'), crs: 'GCJ02' }, boundary, meta);
    expect(gcj.problems).toEqual([]);
    const key = (pts: number[][]) => pts.map((p) => p.join(',')).sort();
    expect(key(gcj.wire.points)).toEqual(key(wgs.wire.points));
    // Read as WGS-84 by mistake, the same file lands ~500 m away: the cells differ.
    const wrong = await preparePopulation({ kind: 'csv', text: text('people-gcj02.csv'), crs: 'WGS84' }, boundary, meta);
    expect(key(wrong.wire.points)).not.toEqual(key(wgs.wire.points));
  });

  it('reports every bad line with its number and why', () => {
    const r = parsePopulationCsv(text('people-bad.csv'), 'WGS84');
    expect(r.total).toBe(30);
    expect(r.problems.count).toBe(5);
    expect(r.problems.listed.map((p) => p.where)).toEqual(['line 3', 'line 4', 'line 5', 'line 6', 'line 8']);
    expect(r.problems.listed[3]!.message).toMatch(/swapped/);
    expect(r.points).toEqual([
      [106.64, 29.62, 10],
      [106.641, 29.621, 20],
    ]);
    expect(r.problems.listed[2]!.message).toMatch(/-3/);
    expect(parsePopulationCsv('a,b,c\n1,2,3\n', 'WGS84').problems.listed[0]!.message).toMatch(/does not name/);
  });
});

describe('population GeoJSON', () => {
  const square = (x: number, y: number, d: number) => [
    [
      [x, y],
      [x + d, y],
      [x + d, y + d],
      [x, y + d],
      [x, y],
    ],
  ];
  const fc = {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: { pop: 1000, name: 'a' }, geometry: { type: 'Polygon', coordinates: square(106.635, 29.612, 0.008) } },
      { type: 'Feature', properties: { pop: '250' }, geometry: { type: 'Point', coordinates: [106.64, 29.62] } },
      { type: 'Feature', properties: { pop: -5 }, geometry: { type: 'Point', coordinates: [106.56, 29.59] } },
      { type: 'Feature', properties: { people: 5 }, geometry: { type: 'Point', coordinates: [106.56, 29.59] } },
      {
        type: 'Feature',
        properties: { pop: 5 },
        geometry: {
          type: 'LineString',
          coordinates: [
            [106.56, 29.59],
            [106.57, 29.6],
          ],
        },
      },
    ],
  };

  it('offers the numeric fields, shares polygons by area and reports the features it cannot use', async () => {
    expect(numericFields(fc)).toEqual(['people', 'pop']);
    const r = parsePopulationGeoJson(fc, 'pop', 'WGS84');
    expect(r.total).toBe(1250);
    expect(r.problems.listed.map((p) => p.where)).toEqual(['feature 2', 'feature 3', 'feature 4']);
    const prepared = await preparePopulation({ kind: 'geojson', text: JSON.stringify(fc), crs: 'WGS84', field: 'pop' }, boundary, meta);
    expect(sumWire(prepared.wire.points)).toBeCloseTo(1250, 1);
    // A 0.008° square (~0.77 × 0.89 km) over 50 m cells: ~280 cells.
    expect(prepared.wire.points.length).toBeGreaterThan(250);
  });
});
