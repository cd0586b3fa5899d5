/**
 * The map PNG as a planner hands it on: the drawn map with a title band (title, date, scenario,
 * how distance was measured) above it, and below it the legend of what is shown, a scale bar
 * and the data's credit (the licence asks that the credit travel with the picture).
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { OSM_SOURCE } from '../content/data-source';
import { type Lang, t } from '../content/messages';

export interface PngFrame {
  title: string;
  /** Date · scenario · distance mode, as one line. */
  subtitle: string;
  legend: { color: string; label: string; kind: 'fill' | 'line' | 'circle' | 'outline' }[];
  credit: string;
  /** Metres per CSS px at the map's centre (for the scale bar). */
  metresPerPx: number;
}

/** The longest round length (m) whose bar is at most `maxPx` CSS px long. */
function scaleBar(metresPerPx: number, maxPx = 120): { metres: number; px: number } {
  const steps = [20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000];
  const metres = [...steps].reverse().find((m) => m / metresPerPx <= maxPx) ?? steps[0]!;
  return { metres, px: metres / metresPerPx };
}

/** Metres per CSS px at latitude `lat` and zoom `zoom` (MapLibre's 512 px tiles). */
const metresPerPx = (lat: number, zoom: number) => (40_075_016.686 * Math.cos((lat * Math.PI) / 180)) / (512 * 2 ** zoom);

async function framedPng(dataUrl: string, frame: PngFrame, cssWidth: number, fontFamily: string): Promise<Blob> {
  const img = new Image();
  img.src = dataUrl;
  await img.decode();
  const k = img.naturalWidth / Math.max(1, cssWidth); // device px per CSS px
  const W = img.naturalWidth;
  const font = (px: number, bold = false) => `${bold ? '600 ' : ''}${Math.round(px * k)}px ${fontFamily}`;
  const measure = document.createElement('canvas').getContext('2d')!;
  // Legend items flow left to right, wrapping: lay them out first to know the footer's height.
  measure.font = font(11);
  const pad = 12 * k,
    rowH = 18 * k,
    sw = 14 * k;
  const items: { x: number; y: number; item: PngFrame['legend'][number] }[] = [];
  let x = pad,
    row = 0;
  for (const item of frame.legend) {
    const w = sw + 5 * k + measure.measureText(item.label).width + 14 * k;
    if (x + w > W - pad && x > pad) {
      x = pad;
      row++;
    }
    items.push({ x, y: row, item });
    x += w;
  }
  const headH = 48 * k;
  const legendH = frame.legend.length ? (row + 1) * rowH : 0;
  const footH = 8 * k + legendH + 28 * k;
  const canvas = document.createElement('canvas');
  canvas.width = W;
  canvas.height = Math.round(headH + img.naturalHeight + footH);
  const g = canvas.getContext('2d')!;
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, canvas.width, canvas.height);
  g.fillStyle = '#263238';
  g.textBaseline = 'alphabetic';
  g.font = font(16, true);
  g.fillText(frame.title, pad, 22 * k);
  g.font = font(12);
  g.fillStyle = '#546e7a';
  g.fillText(frame.subtitle, pad, 40 * k);
  g.drawImage(img, 0, headH);
  const top = headH + img.naturalHeight + 8 * k;
  g.font = font(11);
  g.textBaseline = 'middle';
  for (const { x: ix, y, item } of items) {
    const cy = top + y * rowH + rowH / 2;
    g.fillStyle = item.color;
    if (item.kind === 'circle') {
      g.beginPath();
      g.arc(ix + sw / 2, cy, 5 * k, 0, 2 * Math.PI);
      g.fill();
    } else if (item.kind === 'line') g.fillRect(ix, cy - 1.5 * k, sw, 3 * k);
    else g.fillRect(ix, cy - 5 * k, sw, 10 * k);
    g.fillStyle = '#263238';
    g.fillText(item.label, ix + sw + 5 * k, cy);
  }
  // Scale bar, bottom left; the credit, bottom right.
  const bar = scaleBar(frame.metresPerPx);
  const by = top + legendH + 14 * k;
  g.fillStyle = '#263238';
  g.fillRect(pad, by - 2 * k, bar.px * k, 4 * k);
  g.fillRect(pad, by - 6 * k, 1.5 * k, 8 * k);
  g.fillRect(pad + bar.px * k - 1.5 * k, by - 6 * k, 1.5 * k, 8 * k);
  g.fillText(bar.metres >= 1000 ? `${bar.metres / 1000} km` : `${bar.metres} m`, pad + bar.px * k + 6 * k, by);
  g.font = font(10);
  g.textAlign = 'right';
  g.fillText(frame.credit, W - pad, by);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG export failed'))), 'image/png'));
}

/** The map's PNG (`url`, as drawn now) framed: the credit in the page's language and the scale at the map's centre added. */
export function mapPng(map: MapLibreMap, url: string, frame: Pick<PngFrame, 'title' | 'subtitle' | 'legend'>, lang: Lang, fontFamily: string): Promise<Blob> {
  const credit = t(lang, 'osmPlain', { date: OSM_SOURCE.date, licence: OSM_SOURCE.licence });
  const scale = metresPerPx(map.getCenter().lat, map.getZoom());
  return framedPng(url, { ...frame, credit, metresPerPx: scale }, map.getCanvas().clientWidth, fontFamily);
}
