/**
 * "© OpenStreetMap contributors", in the page's language, whatever else is on: the shipped
 * layers are OSM data (ODbL). Full text on a wide map; on a phone MapLibre's compact form,
 * shown open at first and folded into its (i) button once the map is moved. The basemap's
 * own credit is added beside it while the basemap is on (MapLibre merges duplicates).
 */
import { AttributionControl, type Map as MapLibreMap } from 'maplibre-gl';
import { OSM_SOURCE } from '../content/data-source';
import { type Lang, t } from '../content/messages';

const shown = new WeakMap<MapLibreMap, { lang: Lang; control: AttributionControl }>();

export function showAttribution(map: MapLibreMap, lang: Lang) {
  const now = shown.get(map);
  if (now?.lang === lang) return;
  const control = new AttributionControl({ customAttribution: t(lang, 'osmAttribution', { url: OSM_SOURCE.copyrightUrl }) });
  if (now) map.removeControl(now.control);
  map.addControl(control, 'bottom-right');
  shown.set(map, { lang, control });
}
