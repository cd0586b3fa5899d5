import * as turf from '@turf/turf';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { areaKm2, bboxOfGeometry } from '../../src/geo';

const boundary = JSON.parse(readFileSync('geodata/boundary.geojson', 'utf8')) as FeatureCollection;

describe('front-end geometry helpers agree with Turf', () => {
  it('area of the district', () => {
    const g = boundary.features[0]!.geometry;
    expect(areaKm2(g)).toBeCloseTo(turf.area(g) / 1e6, 6);
  });

  it('area subtracts holes', () => {
    const outer = turf.polygon([[[106.5, 29.5], [106.6, 29.5], [106.6, 29.6], [106.5, 29.6], [106.5, 29.5]], [[106.52, 29.52], [106.52, 29.54], [106.54, 29.54], [106.54, 29.52], [106.52, 29.52]]]);
    expect(areaKm2(outer.geometry)).toBeCloseTo(turf.area(outer) / 1e6, 6);
  });

  it('bbox of the district', () => {
    expect(bboxOfGeometry(boundary.features[0]!.geometry)).toEqual(turf.bbox(boundary));
  });
});
