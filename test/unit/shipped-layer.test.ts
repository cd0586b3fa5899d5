import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { shippedLayer } from '../../src/api';

describe('one shipped layer out of the bundle', () => {
  const point = { type: 'Point' as const, coordinates: [106.6, 29.6] };
  const bundle: FeatureCollection = {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: { id: 'a', tier: 'park', layer: 'greenspaces' }, geometry: point },
      { type: 'Feature', properties: { id: 'b', tier: 'leisure', layer: 'sports' }, geometry: point },
      { type: 'Feature', properties: { id: 'c', tier: 'garden', layer: 'greenspaces' }, geometry: point },
    ],
  };

  it('keeps that layer’s features, in order, as /api/layers/:id serves them (no `layer`)', () => {
    const fc = shippedLayer(bundle, 'greenspaces');
    expect(fc.features.map((f) => f.properties)).toEqual([
      { id: 'a', tier: 'park' },
      { id: 'c', tier: 'garden' },
    ]);
    expect(bundle.features[0]!.properties!.layer).toBe('greenspaces'); // the bundle itself untouched
  });

  it('is empty for a layer the data does not have', () => {
    expect(shippedLayer(bundle, 'stations').features).toEqual([]);
  });
});
