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
  map.jumpTo(camera);
  await nextIdle(map);
  return captureCanvas(map, type, quality);
}

/** `bounds` as a picture, north up, whatever the user's view; the view is put back after. */
export async function captureBounds(map: MapLibreMap, bounds: LngLatBoundsLike, type: string, quality: number): Promise<string> {
  const before = { center: map.getCenter(), zoom: map.getZoom(), bearing: map.getBearing(), pitch: map.getPitch() };
  const camera = map.cameraForBounds(bounds, { padding: 20 });
  if (camera) map.jumpTo({ ...camera, bearing: 0, pitch: 0 });
  await nextIdle(map);
  const url = await captureNow(map, type, quality);
  map.jumpTo(before);
  return url;
}

/**
 * A picture (data URL) as a PNG file with `text` written in its bottom-right corner, sized
 * for a canvas drawn `cssWidth` CSS px wide: the attribution control is page markup, not part
 * of the canvas, and the licence asks that the credit travel with the picture.
 */
export async function pngWithCredit(dataUrl: string, text: string, cssWidth: number, fontFamily: string): Promise<Blob> {
  const img = new Image();
  img.src = dataUrl;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = img.naturalWidth;
  canvas.height = img.naturalHeight;
  const g = canvas.getContext('2d')!;
  g.drawImage(img, 0, 0);
  const scale = canvas.width / Math.max(1, cssWidth);
  g.font = `${Math.round(12 * scale)}px ${fontFamily}`;
  const pad = Math.round(4 * scale);
  const w = g.measureText(text).width + 2 * pad;
  const h = Math.round(18 * scale);
  g.fillStyle = 'rgb(255 255 255 / 0.85)';
  g.fillRect(canvas.width - w, canvas.height - h, w, h);
  g.fillStyle = '#263238';
  g.textBaseline = 'middle';
  g.fillText(text, canvas.width - w + pad, canvas.height - h / 2);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG export failed'))), 'image/png'));
}
