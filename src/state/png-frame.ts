/** What the map PNG says about itself: the title, the date, the scenario and mode, the legend of what is shown. */

import type { Mode } from '../api';
import { type GroupId, LAYER_GROUPS } from '../content/layer-groups';
import { type Lang, t } from '../content/messages';
import { PALETTE } from '../content/palette';
import type { PngFrame } from '../map/png-frame';
import { swatchMarks } from './legend-look';
import { type LegendNames, swatchText } from './legend-text';

export function pngFrame(
  lang: Lang,
  o: { visible: ReadonlySet<GroupId>; names: LegendNames; scenario?: string; proposals: number; mode: Mode; sports: boolean },
): Pick<PngFrame, 'title' | 'subtitle' | 'legend'> {
  const date = new Date().toLocaleDateString(lang === 'zh' ? 'zh-CN' : 'en-GB');
  const subtitle = [
    `${t(lang, 'reportDate')}: ${date}`,
    `${t(lang, 'planScenario')}: ${o.scenario ?? t(lang, 'planBaseline')}`,
    t(lang, o.mode === 'walk' ? 'modeWalk' : 'modeRadius'),
    ...(o.sports ? [t(lang, 'sportsCounted')] : []),
  ].join(' · ');
  // Each swatch's colour is its first style layer's, as the legend panel draws it (state/legend-look.ts).
  const legend = LAYER_GROUPS.filter((g) => o.visible.has(g.id)).flatMap((g) =>
    g.legend.map((s) => {
      const m = swatchMarks(s).find((x) => x.layer !== 'background') ?? swatchMarks(s)[0]!;
      return { color: m.color, label: swatchText(s, g, lang, o.names), kind: m.kind };
    }),
  );
  if (o.proposals) legend.push({ color: PALETTE.proposal, label: t(lang, 'planProposals'), kind: 'circle' });
  return { title: t(lang, 'reportTitle'), subtitle, legend };
}
