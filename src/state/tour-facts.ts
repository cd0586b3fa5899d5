/**
 * The figures a tour caption quotes, from the analysis and the layers as they are now (never
 * written into the captions): a chapter names message templates in `facts`, and the first
 * whose every {placeholder} can be filled is added to its caption. Until the analysis is in,
 * or when a figure does not apply, the caption stands alone.
 */
import type { Coverage } from '../api';
import { type Lang, t } from '../content/messages';
import { TARGETS } from '../content/targets';
import type { TourChapter } from '../content/tour';
import { formatNumber } from '../geo';
import type { Inventory } from './inventory';
import { type Suggestion, suggestionLabel } from './suggestions';

export type TourFacts = Record<string, string | number>;

/** The suggested sites a chapter draws, as the analysis gave them, and the reach they were chosen for (m). */
export interface TourSuggestions {
  list: Suggestion[];
  radiusM: number;
}

export function tourFacts(lang: Lang, coverage: Coverage | undefined, inventory: Inventory | undefined, suggested?: TourSuggestions): TourFacts {
  const facts: TourFacts = {};
  if (inventory) {
    facts.park = inventory.tiers.park;
    facts.garden = inventory.tiers.garden;
    facts.leisure = inventory.tiers.leisure;
    facts.outside = inventory.outside;
  }
  for (const r of coverage?.tiers ?? []) facts[`${r.tier}Pct`] = `${formatNumber(r.coverage_pct, lang)}%`;
  const leisure = coverage?.tiers.find((r) => r.tier === 'leisure');
  if (leisure) {
    // The gap is the built-up land the rate leaves out; "short" only while the target is missed.
    facts.km2 = formatNumber(leisure.total_km2 - leisure.covered_km2, lang);
    const short = TARGETS.leisure.pct - leisure.coverage_pct;
    if (short > 0) facts.short = formatNumber(short, lang);
  }
  const list = suggested?.list ?? [];
  if (list.length) {
    // The picks' gains add up to the rise in the rate (worker/analysis/suggest.ts).
    facts.suggestN = list.length;
    facts.suggestLetters = list.length > 1 ? `${suggestionLabel(list[0]!.rank)}–${suggestionLabel(list.at(-1)!.rank)}` : suggestionLabel(list[0]!.rank);
    facts.suggestM = suggested!.radiusM;
    facts.suggestKm2 = formatNumber(
      list.reduce((sum, s) => sum + s.gain_km2, 0),
      lang,
    );
    facts.suggestPp = formatNumber(
      list.reduce((sum, s) => sum + s.gain_pp, 0),
      lang,
    );
  }
  return facts;
}

/** The chapter's caption, with its first template whose figures are all known. */
export function chapterCaption(chapter: TourChapter, lang: Lang, facts: TourFacts): string {
  for (const key of chapter.facts ?? []) {
    const text = t(lang, key, facts);
    if (!/\{\w+\}/.test(text)) return `${chapter.caption[lang]}${lang === 'zh' ? '' : ' '}${text}`;
  }
  return chapter.caption[lang];
}
