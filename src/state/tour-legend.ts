/**
 * A tour chapter's legend, as its caption and the handout show it: each entry's swatch (drawn
 * from the map's own style layers) and words. A group's swatch is the highlighted feature's
 * when it has one of its own (the zone a chapter is about), else the group's first.
 */
import { LAYER_GROUPS, type LegendSwatch } from '../content/layer-groups';
import { type Lang, t } from '../content/messages';
import { SUGGEST_LEGEND } from '../content/overlay-layers';
import type { TourChapter } from '../content/tour';
import { groupTitle, type LegendNames } from './legend-text';

export interface TourLegendEntry {
  id: string;
  swatch: LegendSwatch | undefined;
  text: string;
}

export function chapterLegend(chapter: TourChapter, lang: Lang, names: LegendNames): TourLegendEntry[] {
  return chapter.legend.flatMap((id): TourLegendEntry[] => {
    if (id === 'suggestions') return [{ id, swatch: SUGGEST_LEGEND, text: t(lang, 'tourLegendSuggestions') }];
    const g = LAYER_GROUPS.find((x) => x.id === id);
    if (!g) return [];
    const own = chapter.highlight ? g.legend.find((s) => s.feature === chapter.highlight!.id) : undefined;
    return [{ id, swatch: own ?? g.legend[0], text: groupTitle(g, lang, names) }];
  });
}
