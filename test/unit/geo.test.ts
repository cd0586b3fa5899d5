import { readFileSync } from 'node:fs';
import * as turf from '@turf/turf';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { bboxOf } from '../../domain/geo';
import { areaKm2, circlePolygon, formatDelta, formatNumber, metresBetween, nearestPointOn, pointInGeometry } from '../../src/geo';

const boundary = JSON.parse(readFileSync('geodata/boundary.geojson', 'utf8')) as FeatureCollection;

describe('front-end geometry helpers agree with Turf', () => {
  it('area of the district', () => {
    const g = boundary.features[0]!.geometry;
    expect(areaKm2(g)).toBeCloseTo(turf.area(g) / 1e6, 6);
  });

  it('area subtracts holes', () => {
    const outer = turf.polygon([
      [
        [106.5, 29.5],
        [106.6, 29.5],
        [106.6, 29.6],
        [106.5, 29.6],
        [106.5, 29.5],
      ],
      [
        [106.52, 29.52],
        [106.52, 29.54],
        [106.54, 29.54],
        [106.54, 29.52],
        [106.52, 29.52],
      ],
    ]);
    expect(areaKm2(outer.geometry)).toBeCloseTo(turf.area(outer) / 1e6, 6);
  });

  it('bbox of the district', () => {
    expect(bboxOf(boundary.features[0]!.geometry)).toEqual(turf.bbox(boundary));
  });
});

describe('point in the district', () => {
  const g = boundary.features[0]!.geometry;
  it('agrees with Turf on points across the district and around it', () => {
    const [w, s, e, n] = turf.bbox(boundary);
    let inside = 0;
    for (let i = 0; i <= 20; i++)
      for (let j = 0; j <= 20; j++) {
        const p: [number, number] = [w + ((e - w) * i) / 20, s + ((n - s) * j) / 20];
        const expected = turf.booleanPointInPolygon(p, boundary.features[0] as never);
        expect(pointInGeometry(p, g), `${p}`).toBe(expected);
        if (expected) inside++;
      }
    expect(inside).toBeGreaterThan(50);
  });

  it('respects holes', () => {
    const ring = turf.polygon([
      [
        [0, 0],
        [4, 0],
        [4, 4],
        [0, 4],
        [0, 0],
      ],
      [
        [1, 1],
        [1, 3],
        [3, 3],
        [3, 1],
        [1, 1],
      ],
    ]).geometry;
    expect(pointInGeometry([0.5, 0.5], ring)).toBe(true);
    expect(pointInGeometry([2, 2], ring)).toBe(false);
    expect(pointInGeometry([5, 5], ring)).toBe(false);
  });
});

describe('nearest point on a green space', () => {
  const parks = JSON.parse(readFileSync('geodata/greenspaces.geojson', 'utf8')) as FeatureCollection;
  it('lies on the outline, as close as Turf’s exact distance says', () => {
    const from: [number, number] = [106.55, 29.6];
    for (const f of parks.features.filter((x) => x.geometry.type === 'Polygon')) {
      const q = nearestPointOn(from, f.geometry);
      const exact = turf.pointToPolygonDistance(from, f as never, { units: 'meters' });
      const ours = turf.distance(from, q, { units: 'meters' });
      expect(Math.abs(ours - exact), String(f.properties?.id)).toBeLessThan(Math.max(2, exact * 0.002));
    }
  });
  it('is the point itself for a point site, and p for a point inside a polygon', () => {
    const pt = parks.features.find((x) => x.geometry.type === 'Point')!;
    expect(nearestPointOn([106.55, 29.6], pt.geometry)).toEqual((pt.geometry as { coordinates: number[] }).coordinates);
    const poly = parks.features.find((x) => x.geometry.type === 'Polygon')!;
    const inside = turf.pointOnFeature(poly).geometry.coordinates as [number, number];
    expect(nearestPointOn(inside, poly.geometry)).toEqual(inside);
  });
});

describe('formatNumber', () => {
  it('formats by language and precision, whichever was asked for first', () => {
    expect(formatNumber(1234.56, 'en')).toBe('1,234.6');
    expect(formatNumber(1234.56, 'en', 0)).toBe('1,235');
    expect(formatNumber(87.25, 'zh', 2)).toBe('87.25');
    expect(formatNumber(1234.56, 'en')).toBe('1,234.6');
    expect(formatNumber(0.04, 'zh')).toBe('0.0');
  });

  it('writes what Intl.NumberFormat writes for zh-CN and en-GB, ties, negatives and large numbers included', () => {
    const intl = (v: number, locale: string, d: number) => new Intl.NumberFormat(locale, { minimumFractionDigits: d, maximumFractionDigits: d }).format(v);
    // Ties on the shortest decimal (1.005, 0.125…), values that round up across a digit, zero and -0, big values.
    const fixed = [0, -0, 1.005, 0.125, 2.5, -2.5, 9.995, 99.95, 999.5, 0.0005, -0.04, 1e-7, 1234567.891, 62.34, 100, 5e20, 12345678901.5];
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647 - 0.3) * 10 ** Math.floor((seed % 9) - 2);
    const values = [...fixed, ...Array.from({ length: 3000 }, random)];
    for (const v of values)
      for (const d of [0, 1, 2, 3]) {
        expect(formatNumber(v, 'zh', d), `${v} zh ${d}`).toBe(intl(v, 'zh-CN', d));
        expect(formatNumber(v, 'en', d), `${v} en ${d}`).toBe(intl(v, 'en-GB', d));
      }
  });
});

describe('signed changes and circles', () => {
  it('a change that rounds to zero shows as zero, never "-0.00" or "+0.0"', () => {
    expect(formatDelta(-0.001, 'en', 2)).toBe('0.00');
    expect(formatDelta(-0.004, 'zh', 2)).toBe('0.00');
    expect(formatDelta(0.04, 'en', 1)).toBe('0.0');
    expect(formatDelta(-0.06, 'en', 1)).toBe('-0.1');
    expect(formatDelta(1.26, 'en', 1)).toBe('+1.3');
  });

  it('a 500 m circle is 500 m from its centre all round (±1 m by Turf)', () => {
    const c: [number, number] = [106.58, 29.6];
    const ring = circlePolygon(c, 500).coordinates[0]!;
    for (const p of ring) expect(Math.abs(turf.distance(c, p, { units: 'meters' }) - 500)).toBeLessThan(1);
    expect(metresBetween(c, ring[10] as [number, number])).toBeCloseTo(500, -1);
  });
});
