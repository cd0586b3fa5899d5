/** Camera moves that respect the reader: instant when they prefer reduced motion, and clear of what covers the map. */
import type { Map as MapLibreMap } from 'maplibre-gl';

export type Camera = { center: [number, number]; zoom: number; pitch?: number; bearing?: number };

const reduced = () => matchMedia('(prefers-reduced-motion: reduce)').matches;

/** Frames a lon/lat box inside `pad` (the side panel's room) with a margin. */
export function focusOn(map: MapLibreMap, bounds: [number, number, number, number], pad: { top: number; bottom: number; left: number; right: number }) {
  map.fitBounds(bounds, {
    padding: { left: pad.left + 40, bottom: pad.bottom + 40, top: pad.top + 40, right: pad.right + 40 },
    maxZoom: 15,
    duration: reduced() ? 0 : 1200,
  });
}

/** Flies to a camera; `room` keeps its centre in the part of the screen left free (without it, the whole map). */
export function flyToCamera(map: MapLibreMap, camera: Camera, room?: { top: number; bottom: number }) {
  const padding = { top: room?.top ?? 0, bottom: room?.bottom ?? 0, left: 0, right: 0 };
  if (reduced()) map.jumpTo({ ...camera, padding });
  else map.flyTo({ ...camera, padding, duration: 2400, essential: false });
}
