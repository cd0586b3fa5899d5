/** The planner's own data: what is wrong with an uploaded file or one of its features. */
import type { zh } from '../zh/upload';

export const en: Record<keyof typeof zh, string> = {
  upFeature: 'Feature {n}{name}: {problem}',
  upFeatureName: ' (“{name}”)',
  upFeatureOne: 'feature',
  upFeatureMany: 'features',
  'up-no-geometry': 'has no geometry',
  'up-geometry-type': 'geometry is {type}; expected {expected}',
  'up-empty': 'geometry is empty',
  'up-not-number': 'a coordinate is not a number',
  'up-not-lonlat': 'coordinate [{lon}, {lat}] is not a lon/lat',
  'up-swapped': 'longitude and latitude look swapped: [{lon}, {lat}] should be [{lat}, {lon}] (GeoJSON puts longitude first)',
  'up-ring-short': 'a polygon ring has fewer than 4 positions',
  'up-ring-open': 'a polygon ring is not closed (first and last positions differ)',
  'up-far': 'lies {km} km from Jiangbei (more than {max} km): wrong coordinates?',
  'up-tier-missing': 'property "tier" is missing (park, garden or leisure; or 公园, 街头绿园, 休闲空间)',
  'up-tier-bad': 'tier “{tier}” is not known (use park, garden or leisure; or 公园, 街头绿园, 休闲空间)',
  'up-invalid': 'not valid GeoJSON ({detail})',
  'up-duplicate-id': 'id “{id}” repeats an earlier feature’s',
  'upFail-json': 'not valid JSON ({detail})',
  'upFail-not-fc': 'not a GeoJSON FeatureCollection',
  'upFail-read': 'the file could not be read',
};
