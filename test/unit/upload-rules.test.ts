import type { Feature } from 'geojson';
import { describe, expect, it } from 'vitest';
import { tierFromName as tierOf } from '../../domain/tiers';
import { checkUploadFeature } from '../../src/workers/upload-rules';

const point = (coordinates: number[], tier: unknown = 'leisure'): Feature => ({
  type: 'Feature',
  properties: { tier },
  geometry: { type: 'Point', coordinates },
});

describe('upload rules', () => {
  it('takes the plan’s Chinese tier names as well as the API’s', () => {
    expect(['公园', '街头绿园', '休闲空间', '口袋公园', 'Park', ' garden '].map(tierOf)).toEqual(['park', 'garden', 'leisure', 'leisure', 'park', 'garden']);
    expect(checkUploadFeature(point([106.6, 29.6], '公园'), 'greenspaces')).toBeUndefined();
    expect(checkUploadFeature(point([106.6, 29.6], '大公园'), 'greenspaces')).toEqual({ code: 'tier-bad', tier: '大公园' });
  });

  it('diagnoses latitude written before longitude, and tells it from plain nonsense', () => {
    expect(checkUploadFeature(point([29.6, 106.6]), 'greenspaces')).toEqual({ code: 'swapped', lon: 29.6, lat: 106.6 });
    expect(checkUploadFeature(point([29.6, 86.6]), 'greenspaces')?.code).toBe('far');
    expect(checkUploadFeature(point([500, 29.6]), 'greenspaces')?.code).toBe('not-lonlat');
  });
});
