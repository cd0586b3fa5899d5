/** Map settings that are content: fonts, first camera, the optional online basemap. */

export const CJK_FONT_FAMILY = '"Noto Sans CJK SC", "Noto Sans SC", "WenQuanYi Zen Hei", "PingFang SC", "Microsoft YaHei", sans-serif';

/** Jiangbei's extent (WGS-84), used for the first camera. */
export const DISTRICT_BOUNDS: [[number, number], [number, number]] = [
  [106.4477, 29.556],
  [106.8911, 29.6819],
];

/**
 * Off by default (the page then loads nothing from outside its origin). OpenStreetMap is
 * WGS-84/Web Mercator like our data, so it lines up; Chinese basemaps are GCJ-02 and would
 * sit ~480 m off.
 */
export const BASEMAP = {
  tiles: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
  attribution: '© <a href="https://www.openstreetmap.org/copyright" target="_blank" rel="noopener">OpenStreetMap</a> contributors',
  /** The tiles a little faded, so the plan's colours stay readable over them. */
  opacity: 0.9,
  /** The district's own fill: nearly opaque as the offline background, faint over the tiles. */
  districtFill: { offline: 0.85, online: 0.15 },
};
