import { describe, expect, it } from 'vitest';
import { osmParts, summariseSources } from '../../src/content/data-source';

describe('sources as the page shows them', () => {
  it('cuts a source into text and the OSM objects it names, for links', () => {
    expect(osmParts('osm:way/1062775038 + osm:way/1062775039 (merged); © OpenStreetMap contributors')).toEqual([
      { type: 'way', id: '1062775038', text: 'osm:way/1062775038' },
      ' + ',
      { type: 'way', id: '1062775039', text: 'osm:way/1062775039' },
      ' (merged); © OpenStreetMap contributors',
    ]);
    expect(osmParts('hand-placed: near the bridge')).toEqual(['hand-placed: near the bridge']);
  });

  it('counts the sources naming one OSM object each, lists a few others, and says how many more', () => {
    const sources = ['osm:way/1', 'osm:node/2 (transport)', 'hand-placed: a', 'OpenStreetMap … method', 'hand-placed: b', 'hand-placed: c', 'hand-placed: d'];
    expect(summariseSources(sources)).toEqual({ osm: 2, other: ['hand-placed: a', 'OpenStreetMap … method', 'hand-placed: b'], more: 2 });
    expect(summariseSources([])).toEqual({ osm: 0, other: [], more: 0 });
  });
});
