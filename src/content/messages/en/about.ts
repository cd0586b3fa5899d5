/** The Data tab, the info card, OpenStreetMap attribution and the inventory. */
import type { zh } from '../zh/about';

export const en: Record<keyof typeof zh, string> = {
  confidence_high: 'high',
  confidence_medium: 'medium',
  confidence_low: 'low',
  cardSchematic: 'Schematic extent, not a surveyed boundary',
  osmCredit:
    'Green spaces, sports grounds, rivers, bridges, stations and rail lines come from OpenStreetMap (a Geofabrik extract, data as of {date}), © OpenStreetMap contributors.',
  osmLicence: 'Licence: {licence} (Open Database License); the layers derived from it are offered under the ODbL too.',
  osmPlain: 'Map data © OpenStreetMap contributors (Geofabrik extract, data as of {date}), {licence}',
  aboutOsmObjects: 'OpenStreetMap ({n} features, each naming its OSM id)',
  aboutMoreSources: '{n} more source notes (see each feature’s source)',
  inventoryTitle: 'Green spaces in the district',
  inventoryLine: '{park} parks, {garden} street gardens and {leisure} leisure spaces (tiered by size).',
  inventoryOutside: 'Another {n} within 2 km outside the district serve its residents: drawn with a dashed edge, not counted above.',
  inventoryUnnamed: '{n} of them have no name in OpenStreetMap and are described instead.',
  inventorySports: 'Sports grounds: {n} in the district ({outside} more outside).',
};
