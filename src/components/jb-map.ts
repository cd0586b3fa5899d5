import { LitElement, css, html, unsafeCSS, type PropertyValues } from 'lit';
import { Map as MapLibreMap, NavigationControl, ScaleControl, setWorkerUrl, type StyleSpecification } from 'maplibre-gl';
import maplibreCss from 'maplibre-gl/dist/maplibre-gl.css?inline';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { layerUrl, type LayerInfo } from '../api';
import { BACKGROUND, CJK_FONT_FAMILY, DISTRICT_BOUNDS, FALLBACK, THEME, type ThemeLayer } from '../content/map-theme';

// Under Vite the worker must be given as a URL of our own origin, or the map never goes idle.
setWorkerUrl(workerUrl);

declare global {
  interface Window {
    /** The MapLibre map, for tests and the console. */
    jbMap?: MapLibreMap;
  }
}

/** A style with no remote resources at all: no tiles, no glyphs, no sprites. */
function baseStyle(): StyleSpecification {
  return {
    version: 8,
    sources: {},
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': BACKGROUND } }],
  };
}

function themeFor(layer: LayerInfo): ThemeLayer[] {
  const themed = THEME[layer.id];
  if (themed) return themed;
  const kind = layer.geometry === 'mixed' || layer.geometry === 'none' ? 'polygon' : layer.geometry;
  return FALLBACK[kind](layer.id);
}

/**
 * <jb-map>: owns the MapLibre map. Properties down: `layers` (what the worker serves).
 * Events up: `map-ready` once every layer is loaded and the map is idle (detail: the map),
 * `map-error` when the map cannot load a layer.
 */
export class JbMap extends LitElement {
  static override properties = {
    layers: { attribute: false },
    label: { type: String },
  };

  static override styles = [
    unsafeCSS(maplibreCss),
    css`
      :host { display: block; position: relative; }
      #map { position: absolute; inset: 0; }
    `,
  ];

  declare layers: LayerInfo[];
  declare label: string;
  private map?: MapLibreMap;

  constructor() {
    super();
    this.layers = [];
    this.label = '';
  }

  override render() {
    return html`<div id="map" role="region" aria-label=${this.label}></div>`;
  }

  override firstUpdated() {
    const container = this.renderRoot.querySelector<HTMLElement>('#map')!;
    const map = new MapLibreMap({
      container,
      style: baseStyle(),
      bounds: DISTRICT_BOUNDS,
      fitBoundsOptions: { padding: 24 },
      localIdeographFontFamily: CJK_FONT_FAMILY,
      attributionControl: { compact: true },
    });
    map.addControl(new NavigationControl(), 'top-right');
    map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
    map.on('error', (e) => {
      this.dispatchEvent(new CustomEvent('map-error', { detail: { message: e.error?.message ?? 'map error' }, bubbles: true, composed: true }));
    });
    this.map = map;
    window.jbMap = map;
    map.once('load', () => this.syncLayers());
  }

  override updated(changed: PropertyValues<this>) {
    if (changed.has('layers') && this.map?.loaded()) this.syncLayers();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.map?.remove();
    this.map = undefined;
  }

  /** Adds a GeoJSON source and its themed style layers for each layer not yet on the map. */
  private syncLayers() {
    const map = this.map;
    if (!map || this.layers.length === 0) return;
    for (const layer of this.layers) {
      if (map.getSource(layer.id)) continue;
      map.addSource(layer.id, { type: 'geojson', data: layerUrl(layer.id), attribution: '' });
      for (const spec of themeFor(layer)) map.addLayer({ ...spec, source: layer.id } as Parameters<MapLibreMap['addLayer']>[0]);
    }
    this.whenSettled(() => {
      document.documentElement.dataset.mapReady = 'true';
      this.dispatchEvent(new CustomEvent('map-ready', { detail: { map }, bubbles: true, composed: true }));
    });
  }

  /** Calls back once every source has loaded and the map has gone idle. */
  private whenSettled(done: () => void) {
    const map = this.map!;
    const check = () => {
      const ids = this.layers.map((l) => l.id);
      if (ids.every((id) => map.isSourceLoaded(id)) && map.loaded()) done();
      else map.once('idle', check);
    };
    map.once('idle', check);
  }
}

customElements.define('jb-map', JbMap);
