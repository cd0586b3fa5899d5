import type { LayerSpecification } from 'maplibre-gl';

/**
 * How each shipped layer is drawn: content, not code. Keyed by layer id; each entry is a
 * list of MapLibre style layers without `source` (jb-map fills it in). A layer the worker
 * lists but this file does not know is drawn with a neutral fallback by geometry kind.
 */
export type ThemeLayer = Omit<LayerSpecification, 'source' | 'id'> & { id: string; type: 'fill' | 'line' | 'circle' | 'symbol' };

export const CJK_FONT_FAMILY = '"Noto Sans CJK SC", "Noto Sans SC", "WenQuanYi Zen Hei", "PingFang SC", "Microsoft YaHei", sans-serif';

export const BACKGROUND = '#f4f1ea';

export const THEME: Record<string, ThemeLayer[]> = {
  boundary: [
    { id: 'boundary-fill', type: 'fill', paint: { 'fill-color': '#ffffff', 'fill-opacity': 0.6 } },
    { id: 'boundary-line', type: 'line', paint: { 'line-color': '#37474f', 'line-width': 2.5, 'line-dasharray': [3, 1.5] } },
  ],
};

export const FALLBACK: Record<'polygon' | 'line' | 'point', (id: string) => ThemeLayer[]> = {
  polygon: (id) => [
    { id: `${id}-fill`, type: 'fill', paint: { 'fill-color': '#90a4ae', 'fill-opacity': 0.25 } },
    { id: `${id}-line`, type: 'line', paint: { 'line-color': '#607d8b', 'line-width': 1 } },
  ],
  line: (id) => [{ id: `${id}-line`, type: 'line', paint: { 'line-color': '#607d8b', 'line-width': 2 } }],
  point: (id) => [{ id: `${id}-circle`, type: 'circle', paint: { 'circle-color': '#607d8b', 'circle-radius': 4 } }],
};

/** Jiangbei's extent (WGS-84), used for the first camera. */
export const DISTRICT_BOUNDS: [[number, number], [number, number]] = [
  [106.4477, 29.556],
  [106.8911, 29.6819],
];
