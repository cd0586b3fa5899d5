/**
 * A legend swatch as a small SVG, drawn from its marks (see state/legend-look.ts): a fill as a
 * box, a line as the box's edge (or, alone, a stroke across), a circle as a dot. Each mark
 * carries its style layer's id, so a test can hold it against the map.
 */
import { html, svg } from 'lit';
import type { LegendSwatch } from '../content/layer-groups';
import { swatchMarks } from '../state/legend-look';

const W = 22;
const H = 14;

export function swatch(s: LegendSwatch) {
  const marks = swatchMarks(s);
  const boxed = marks.some((m) => m.kind === 'fill');
  const parts = marks.map((m) => {
    if (m.kind === 'fill') return svg`<rect data-layer=${m.layer} x="1" y="1" width=${W - 2} height=${H - 2} fill=${m.color} fill-opacity=${m.opacity}></rect>`;
    if (m.kind === 'line') {
      const w = Math.min(m.width, 4);
      const dash = m.dash ? m.dash.map((d) => d * w).join(' ') : '';
      return boxed
        ? svg`<rect data-layer=${m.layer} x="1" y="1" width=${W - 2} height=${H - 2} fill="none" stroke=${m.color} stroke-opacity=${m.opacity} stroke-width=${Math.min(w, 2.5)} stroke-dasharray=${dash}></rect>`
        : svg`<line data-layer=${m.layer} x1="1" y1=${H / 2} x2=${W - 1} y2=${H / 2} stroke=${m.color} stroke-opacity=${m.opacity} stroke-width=${w} stroke-dasharray=${dash}></line>`;
    }
    return svg`<circle data-layer=${m.layer} cx=${W / 2} cy=${H / 2} r=${Math.min(m.radius, 5.5)} fill=${m.color} stroke=${m.stroke} stroke-width=${m.strokeWidth}></circle>`;
  });
  return html`<svg class="swatch" width=${W} height=${H} viewBox="0 0 ${W} ${H}" aria-hidden="true">${parts}</svg>`;
}
