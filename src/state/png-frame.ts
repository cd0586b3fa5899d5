/** What the map PNG says about itself: the title, the date, the scenario and mode, the legend of what is shown. */
import { LAYER_GROUPS, type GroupId } from '../content/layer-groups';
import { t, type Lang } from '../content/messages';
import { PALETTE } from '../content/palette';
import type { Mode } from '../api';
import type { PngFrame } from '../map/png-frame';

export function pngFrame(lang: Lang, o: { visible: ReadonlySet<GroupId>; scenario?: string; proposals: number; mode: Mode; sports: boolean }): Pick<PngFrame, 'title' | 'subtitle' | 'legend'> {
  const date = new Date().toLocaleDateString(lang === 'zh' ? 'zh-CN' : 'en-GB');
  const subtitle = [
    `${t(lang, 'reportDate')}: ${date}`,
    `${t(lang, 'planScenario')}: ${o.scenario ?? t(lang, 'planBaseline')}`,
    t(lang, o.mode === 'walk' ? 'modeWalk' : 'modeRadius'),
    ...(o.sports ? [t(lang, 'sportsCounted')] : []),
  ].join(' · ');
  const legend = LAYER_GROUPS.filter((g) => o.visible.has(g.id)).flatMap((g) => g.legend).map((s) => ({ color: s.color, label: t(lang, s.label), kind: s.kind }));
  if (o.proposals) legend.push({ color: PALETTE.proposal, label: t(lang, 'planProposals'), kind: 'circle' });
  return { title: t(lang, 'reportTitle'), subtitle, legend };
}
