/**
 * What a legend swatch looks like, read from the very style layers the map draws (their
 * colour, opacity, width and dash), so the legend cannot say one thing while the map shows
 * another. Pure: a swatch's layer ids in, drawing instructions out.
 */
import { BOUNDARY_LAYERS, BOUNDARY_LINE, LAYER_GROUPS, type LegendSwatch, type StyleLayer } from '../content/layer-groups';
import { SUGGEST_LAYERS } from '../content/overlay-layers';
import { PALETTE } from '../content/palette';

export type Mark =
  | { kind: 'fill'; layer: string; color: string; opacity: number }
  | { kind: 'line'; layer: string; color: string; opacity: number; width: number; dash?: number[] }
  | { kind: 'circle'; layer: string; color: string; radius: number; stroke: string; strokeWidth: number };

/** Every style layer a swatch may name: the groups', the district's, the suggested sites' and the map background. */
const LAYERS = new Map<string, StyleLayer>(
  [
    ...LAYER_GROUPS.flatMap((g) => g.layers),
    ...SUGGEST_LAYERS,
    ...BOUNDARY_LAYERS,
    BOUNDARY_LINE,
    { id: 'background', type: 'fill' as const, paint: { 'fill-color': PALETTE.background } },
  ].map((l) => [l.id, l]),
);

/** A paint value as one number: a zoom curve is read at its widest stop (what a legend shows at the district view and closer). */
function num(v: unknown, fallback: number): number {
  if (typeof v === 'number') return v;
  if (Array.isArray(v) && v[0] === 'interpolate') {
    const outputs = v
      .slice(3)
      .filter((_, i) => i % 2 === 1)
      .filter((x): x is number => typeof x === 'number');
    if (outputs.length) return Math.max(...outputs);
  }
  return fallback;
}
const str = (v: unknown, fallback: string) => (typeof v === 'string' ? v : fallback);

/** The marks a swatch draws, bottom first. */
export function swatchMarks(s: LegendSwatch): Mark[] {
  return s.layers.map((id): Mark => {
    const l = LAYERS.get(id);
    if (!l) throw new Error(`legend swatch names no style layer "${id}"`);
    const p = l.paint ?? {};
    if (l.type === 'fill') return { kind: 'fill', layer: id, color: str(p['fill-color'], '#ccc'), opacity: num(p['fill-opacity'], 1) };
    if (l.type === 'line') {
      const dash = p['line-dasharray'];
      return {
        kind: 'line',
        layer: id,
        color: str(p['line-color'], '#000'),
        opacity: num(p['line-opacity'], 1),
        width: num(p['line-width'], 1),
        ...(Array.isArray(dash) ? { dash: dash as number[] } : {}),
      };
    }
    if (l.type === 'circle') {
      return {
        kind: 'circle',
        layer: id,
        color: str(p['circle-color'], '#000'),
        radius: num(p['circle-radius'], 4),
        stroke: str(p['circle-stroke-color'], 'none'),
        strokeWidth: num(p['circle-stroke-width'], 0),
      };
    }
    throw new Error(`legend swatch names a ${l.type} layer ("${id}"), which has no swatch`);
  });
}
