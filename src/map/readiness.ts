/**
 * When the map is drawn: the page is flagged busy, then ready (the `data-map-ready` hook tests
 * and benchmarks wait on) once every source is loaded and the map is idle, or `error` when
 * the plan's own layers failed. The online basemap's tiles are not waited for.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';

export function settle(
  map: MapLibreMap,
  state: {
    /** The app is still fetching data the map will show: settled again once it is in. */
    pending: () => boolean;
    failed: () => boolean;
    busy: () => void;
    ready: () => void;
  },
) {
  document.documentElement.dataset.mapReady = 'false';
  state.busy();
  const check = () => {
    if (state.pending()) return;
    const ids = Object.keys(map.getStyle().sources).filter((id) => id !== 'basemap');
    // A source that failed counts as loaded: the map is idle, but not drawn.
    if (state.failed()) document.documentElement.dataset.mapReady = 'error';
    else if (ids.every((id) => map.isSourceLoaded(id)) && map.loaded()) {
      document.documentElement.dataset.mapReady = 'true';
      state.ready();
    } else map.once('idle', check);
  };
  map.once('idle', check);
  // An idle map fires `idle` again only after a frame: ask for one (it joins any frame the
  // new data brings anyway).
  map.triggerRepaint();
}
