/** The presenter's tour and its handout. */
import type { zh } from '../zh/tour';

export const en: Record<keyof typeof zh, string> = {
  tourStart: 'Tour',
  tourStartLabel: 'Start the guided tour (presentation mode)',
  tourExit: 'Exit tour',
  tourPrev: 'Previous chapter',
  tourNext: 'Next chapter',
  tourChapters: 'Chapters',
  tourProgress: 'Chapter {n} of {total}',
  tourResume: 'Back to this chapter’s view',
  tourAutoplay: 'Autoplay',
  tourAutoOff: 'off',
  tourSeconds: 'every {s} s',
  tourFullscreen: 'Fullscreen (F)',
  tourHandout: 'Handout',
  tourHandoutTitle: 'Jiangbei plan tour — handout',
  tourPrint: 'Print',
  tourHandoutBusy: 'Making the handout…',
  tourKeys: '← → Space to move, Home/End for first/last, F for fullscreen',
  tourFactsOverview:
    'The map shows {park} parks, {garden} street gardens and {leisure} leisure spaces in the district, and {outside} more within 2 km outside it that serve its residents.',
  tourFactsStandard:
    'With today’s green spaces, {leisurePct} of built-up land has a leisure space within 500 m, {gardenPct} a street garden within 1000 m and {parkPct} a park within 2000 m.',
  tourFactsGaps: 'Today’s gaps add up to about {km2} km²; the 500 m rate is {leisurePct}, {short} points short of 90 %.',
  tourFactsGapsMet: 'Today’s 500 m rate is {leisurePct}, above 90 %.',
  tourFactsSuggest:
    'From today’s data the planner’s analysis picks {suggestN} candidate sites ({suggestLetters}): together about {suggestKm2} km² more built-up land within {suggestM} m of a leisure space, +{suggestPp} points.',
  tourSuggestNote: 'The lettered circles are candidates computed from the data, not sites in the plan.',
  tourSuggestFailed: 'The suggested sites could not be computed: {error}',
  tourLegendSuggestions: 'Suggested sites (dashed: their reach)',
  tourHandoutPage: 'page {n} of {total}',
  tourHandoutCaveatRadius:
    'Please note: zones, cores and the waterfront belt are schematic outlines, not surveyed boundaries; green spaces and built-up land come from OpenStreetMap and other public data and are approximate; reach and coverage are straight-line distances, rivers ignored.',
  tourHandoutCaveatWalk:
    'Please note: zones, cores and the waterfront belt are schematic outlines, not surveyed boundaries; green spaces and built-up land come from OpenStreetMap and other public data and are approximate; reach and coverage are straight-line distances, crossing rivers only on bridges, with no street network.',
};
