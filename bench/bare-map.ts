// Baseline for the viewer benchmark: MapLibre alone drawing only the district boundary,
// from the same server and the same library chunk as the app. Sets the same test hook.
import { Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

setWorkerUrl(workerUrl);
const map = new MapLibreMap({
  container: 'map',
  bounds: [[106.4477, 29.556], [106.8911, 29.6819]],
  style: {
    version: 8,
    sources: { boundary: { type: 'geojson', data: '/api/layers/boundary' } },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#f4f1ea' } },
      { id: 'boundary-line', type: 'line', source: 'boundary', paint: { 'line-color': '#37474f', 'line-width': 2.5 } },
    ],
  },
});
map.once('idle', () => (document.documentElement.dataset.mapReady = 'true'));
