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

/** The map as drawn at `camera` (the map stays there), as a data URL. */
export async function captureAt(map: MapLibreMap, camera: CameraOptions, type: string, quality: number): Promise<string> {
  // The picture is the whole canvas: no room kept for a caption (the tour's padding) in it.
  map.jumpTo({ ...camera, padding: { top: 0, bottom: 0, left: 0, right: 0 } });
  await nextIdle(map);
  return captureCanvas(map, type, quality);
}

/**
 * `bounds` drawn on a canvas of `width` × `height` CSS px at `pixelRatio`, north up: a picture
 * whose labels keep their on-screen size when it is printed that wide (a report's 19 cm are
 * ~720 CSS px). The map's container, pixel ratio and view are put back after.
 */
export async function captureBoundsSized(
  map: MapLibreMap,
  bounds: LngLatBoundsLike,
  size: { width: number; height: number; pixelRatio: number },
  type: string,
  quality: number,
): Promise<string> {
  const box = map.getContainer();
  // The map's own padding (room for the side panel) would push the district off the picture.
  const saved = { width: box.style.width, height: box.style.height, ratio: map.getPixelRatio(), padding: map.getPadding() };
  const before = { center: map.getCenter(), zoom: map.getZoom(), bearing: map.getBearing(), pitch: map.getPitch() };
  box.style.width = `${size.width}px`;
  box.style.height = `${size.height}px`;
  map.setPixelRatio(size.pixelRatio);
  map.setPadding({ top: 0, bottom: 0, left: 0, right: 0 });
  map.resize();
  try {
    const camera = map.cameraForBounds(bounds, { padding: 8 });
    if (camera) map.jumpTo({ ...camera, bearing: 0, pitch: 0 });
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
