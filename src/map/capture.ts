/** Pictures of the map: the one way the canvas is read, and the data's credit written on it. */
import type { CameraOptions, LngLatBoundsLike, Map as MapLibreMap } from 'maplibre-gl';

/** Resolves when the map next goes idle (every tile drawn). */
const nextIdle = (map: MapLibreMap): Promise<unknown> => new Promise((r) => map.once('idle', r));

/**
 * The map's canvas as a data URL. Read inside a render callback, while the drawing buffer
 * still holds the frame (the map's context does not preserve it between frames).
 */
function captureCanvas(map: MapLibreMap, type: string, quality: number): Promise<string> {
  return new Promise((resolve) => {
    map.once('render', () => resolve(map.getCanvas().toDataURL(type, quality)));
    map.triggerRepaint();
  });
}

/** The map as drawn now (once it has finished drawing), as a data URL. */
export async function captureNow(map: MapLibreMap, type: string, quality: number): Promise<string> {
  if (!map.loaded()) await nextIdle(map);
  return captureCanvas(map, type, quality);
}

/** A canvas size for a printed picture: CSS px, drawn at `pixelRatio` device px each. */
export type PictureSize = { width: number; height: number; pixelRatio: number };

/**
 * `bounds` drawn on a canvas of `width` × `height` CSS px at `pixelRatio`, north up: a picture
 * whose labels keep their on-screen size when it is printed that wide (a report's 19 cm are
 * ~720 CSS px). The map's container, pixel ratio and view are put back after.
 */
export function captureBoundsSized(map: MapLibreMap, bounds: LngLatBoundsLike, size: PictureSize, type: string, quality: number): Promise<string> {
  return captureSized(
    map,
    size,
    () => {
      const camera = map.cameraForBounds(bounds, { padding: 8 });
      if (camera) map.jumpTo({ ...camera, bearing: 0, pitch: 0 });
    },
    type,
    quality,
  );
}

/**
 * What the screen shows across at `camera` (framed for a screen as wide as the map is now),
 * drawn on a canvas of `size`: zoomed out as much as the picture is narrower, so its labels
 * keep their on-screen size when printed that wide. The map is put back after.
 */
export function captureCameraSized(
  map: MapLibreMap,
  camera: CameraOptions & { zoom: number },
  size: PictureSize,
  type: string,
  quality: number,
): Promise<string> {
  const across = map.getContainer().clientWidth || size.width;
  return captureSized(map, size, () => map.jumpTo({ ...camera, zoom: camera.zoom + Math.log2(size.width / across) }), type, quality);
}

/** Draws the map on a canvas of `size` (no padding), placed by `place`, and reads it; container, pixel ratio, padding and view put back after. */
async function captureSized(map: MapLibreMap, size: PictureSize, place: () => void, type: string, quality: number): Promise<string> {
  const box = map.getContainer();
  // The map's own padding (room for the side panel, or the tour's caption) would push the subject off the picture.
  const saved = { width: box.style.width, height: box.style.height, ratio: map.getPixelRatio(), padding: map.getPadding() };
  const before = { center: map.getCenter(), zoom: map.getZoom(), bearing: map.getBearing(), pitch: map.getPitch() };
  box.style.width = `${size.width}px`;
  box.style.height = `${size.height}px`;
  map.setPixelRatio(size.pixelRatio);
  map.setPadding({ top: 0, bottom: 0, left: 0, right: 0 });
  map.resize();
  try {
    place();
    await nextIdle(map);
    return await captureNow(map, type, quality);
  } finally {
    box.style.width = saved.width;
    box.style.height = saved.height;
    map.setPixelRatio(saved.ratio);
    map.setPadding(saved.padding);
    map.resize();
    map.jumpTo(before);
  }
}
