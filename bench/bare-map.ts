// Baselines for the viewer benchmark, from the same server and the same MapLibre chunk as the
// app, with the same test hook:
//  /bench/bare-map.html             MapLibre alone drawing only the district boundary (the
//                                   issue's baseline);
//  /bench/bare-map.html?types=all   the boundary drawn with every kind of layer the app uses
//                                   (fill, dashed line, circle, CJK label): the same GL programs
//                                   to compile, almost no data;
//  window.jbBenchStyle set          MapLibre alone drawing a style handed in by the benchmark —
//                                   the app's own style as its map holds it once ready (same
//                                   sources, layers, camera), whole or with parts taken out:
//                                   what MapLibre costs for the app's content without the app.
import { type LayerSpecification, Map as MapLibreMap, type StyleSpecification, setWorkerUrl } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

declare global {
  interface Window {
    jbBenchStyle?: { style: StyleSpecification; center: [number, number]; zoom: number; cjkFont: string };
  }
}

setWorkerUrl(workerUrl);
const allTypes = new URLSearchParams(location.search).get('types') === 'all';
const layers: LayerSpecification[] = [
  { id: 'background', type: 'background', paint: { 'background-color': '#f4f1ea' } },
  { id: 'boundary-line', type: 'line', source: 'boundary', paint: { 'line-color': '#37474f', 'line-width': 2.5 } },
];
if (allTypes) {
  layers.splice(1, 0, { id: 'boundary-fill', type: 'fill', source: 'boundary', paint: { 'fill-color': '#ffffff', 'fill-opacity': 0.85 } });
  layers.push(
    { id: 'boundary-dash', type: 'line', source: 'boundary', paint: { 'line-color': '#2e7d32', 'line-width': 1, 'line-dasharray': [2, 1] } },
    { id: 'boundary-circle', type: 'circle', source: 'boundary', paint: { 'circle-radius': 4, 'circle-color': '#2e7d32' } },
    {
      id: 'boundary-label',
      type: 'symbol',
      source: 'boundary',
      layout: { 'text-field': ['get', 'name_zh'], 'text-size': 14 },
      paint: { 'text-halo-color': '#fff', 'text-halo-width': 1.5 },
    },
  );
}
const given = window.jbBenchStyle;
const map = new MapLibreMap({
  container: 'map',
  ...(given
    ? { center: given.center, zoom: given.zoom }
    : {
        bounds: [
          [106.4477, 29.556],
          [106.8911, 29.6819],
        ],
      }),
  localIdeographFontFamily: given?.cjkFont ?? '"Noto Sans CJK SC", "WenQuanYi Zen Hei", sans-serif',
  fadeDuration: 0,
  style: given?.style ?? { version: 8, sources: { boundary: { type: 'geojson', data: '/api/layers/boundary' } }, layers },
});
map.once('idle', () => (document.documentElement.dataset.mapReady = 'true'));
// The same test hook as the app's (bench/timeline.ts listens to it).
window.jbMap = map;
