/** The app shell: title, loading and error states, tabs, units. */
import type { zh } from '../zh/shell';

export const en: Record<keyof typeof zh, string> = {
  title: 'Jiangbei Green Map',
  subtitle: 'One belt, two cores, five zones · leisure space within 500 m, street garden within 1 km, park within 2 km',
  loading: 'Loading map data…',
  analysing: 'Computing coverage…',
  loadFailed: 'Data could not be loaded: ',
  mapDataFailed: 'The plan and green-space layers could not be loaded: ',
  mapDrawing: 'Drawing the map…',
  analysisFailed: 'Coverage analysis failed: ',
  retry: 'Retry',
  close: 'Close',
  mapLabel: 'Map of Jiangbei District',
  langSwitch: '中文',
  langSwitchLabel: 'Switch to Chinese',
  panelLabel: 'Layers and analysis panel',
  tabLayers: 'Layers',
  tabCoverage: 'Coverage',
  tabAbout: 'Data',
  sheetToggle: 'Expand or collapse the panel',
  km2: '{v} km²',
  ha: '{v} ha',
  approx: 'about',
  metres: '{v} m',
  kilometres: '{v} km',
  /** The map's credit: drawn with the map, before the rest of the language's strings are in. */
  osmAttribution: '© <a href="{url}" target="_blank" rel="noopener">OpenStreetMap</a> contributors',
};
