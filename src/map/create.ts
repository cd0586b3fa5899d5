/**
 * The MapLibre map as the app opens it: its options (no remote resources, labels at once, kept
 * near the district) and its controls. What goes on it (layers, interactions) is wired by <jb-map>.
 */
import { FullscreenControl, Map as MapLibreMap, NavigationControl, ScaleControl, type StyleSpecification, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { CJK_FONT_FAMILY, DISTRICT_BOUNDS } from '../content/map-theme';
import type { Camera } from './camera';

// Under Vite the worker must be given as a URL of our own origin, or the map never goes idle.
setWorkerUrl(workerUrl);

/**
 * A map drawing `style`, opened at `view`, or framing the district clear of `padding` (the side
 * panel's room). The attribution is left to `showAttribution`, which words it in our language.
 */
export function createMap(
  container: HTMLElement,
  style: StyleSpecification,
  view: Partial<Camera>,
  padding: () => { top: number; bottom: number; left: number; right: number },
): MapLibreMap {
  const { center, zoom, pitch = 0, bearing = 0 } = view;
  const map = new MapLibreMap({
    container,
    style,
    ...(center && zoom !== undefined ? { center, zoom, pitch, bearing } : { bounds: DISTRICT_BOUNDS, fitBoundsOptions: { padding: padding() } }),
    localIdeographFontFamily: CJK_FONT_FAMILY,
    // Labels appear at once: no fade frames to draw before the map settles.
    fadeDuration: 0,
    attributionControl: false,
    maxBounds: [
      [105.6, 29.1],
      [107.7, 30.1],
    ],
  });
  map.addControl(new NavigationControl(), 'top-right');
  map.addControl(new FullscreenControl({ container: document.documentElement }), 'top-right');
  map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
  return map;
}
