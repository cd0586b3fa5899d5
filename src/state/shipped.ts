/**
 * The shipped layers as a Lit reactive controller: every layer in one FeatureCollection
 * (each feature's `layer` names its layer), fetched once as the page starts, and what the
 * page reads from it (the green spaces, the sports grounds, their counts).
 */

import type { Feature, FeatureCollection } from 'geojson';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ApiFailure, errorMessage, fetchBundle, fetchLayers, type LayerInfo, shippedLayer, type Tier } from '../api';
import { areaKm2 } from '../geo';
import { greenInventory, type Inventory, sportsInventory } from './inventory';
import { legendNames } from './legend-text';
import type { DistrictShape } from './site-checks';

export type SiteGroup = 'greenspaces' | 'sports';

export class ShippedController implements ReactiveController {
  /**
   * The map draws it, and the page reads the green spaces, sports grounds and boundary from it.
   * Fetched by the page as it starts, not by the map's worker once the map has loaded, so the
   * download overlaps the start-up of the map (measured: the map ready ~0.15–0.35 s sooner).
   */
  bundle?: FeatureCollection;
  failed = false;
  /** Settles when the current download does (it never rejects). */
  loaded: Promise<void> = Promise.resolve();
  /** The shipped green spaces, for drawing straight lines to their nearest edge. */
  greenspaces?: FeatureCollection;
  /** The shipped sports grounds (leisure spaces when the planner counts them). */
  sports?: FeatureCollection;
  sportsCount?: { inside: number; outside: number };
  /** The district's green spaces by tier (outside sites apart), counted from the layer. */
  inventory?: Inventory;
  /** The built-up land every rate is measured over: its area and how sure the data is of it. */
  builtupInfo?: { km2: number; confidence: string };
  /** The district's boundary and built-up land, for telling the planner where a site stands. */
  district?: DistrictShape;
  /** Inside / outside counts by layer, for the Data tab (a new object only when the layers load). */
  split: Record<string, { inside: number; outside: number }> = {};

  /**
   * `on.loaded` hears of each download (the planner's baseline follows it); `on.failed` of each
   * failure, with what failed as the page says it ("service down (HTTP 503)").
   */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly on: { loaded(greenspaces: FeatureCollection): void; failed(message: string): void },
  ) {
    host.addController(this);
  }

  hostConnected() {}

  /** The list of shipped layers (titles, counts, sources), once fetched. */
  layers: LayerInfo[] = [];

  /** Fetches the list of layers; the failure's message, or '' when it came. */
  async loadLayers(): Promise<string> {
    try {
      this.layers = await fetchLayers();
      this.host.requestUpdate();
      return '';
    } catch (err) {
      return errorMessage(err);
    }
  }

  /** Layer titles and zone names from the geodata, for the legends (one object per data load). */
  get names() {
    return legendNames(this.layers, this.bundle);
  }

  /** A shipped green space's own tier by id (for Nearby's rows). */
  tierOf = (id: string) => this.site(id)?.feature.properties?.tier as Tier | undefined;

  /** Fetches the layers (again, after a failure). */
  load(): Promise<void> {
    this.loaded = this.fetch();
    return this.loaded;
  }

  private async fetch() {
    this.failed = false;
    this.host.requestUpdate();
    try {
      const fc = await fetchBundle();
      this.greenspaces = shippedLayer(fc, 'greenspaces');
      this.sports = shippedLayer(fc, 'sports');
      this.inventory = greenInventory(this.greenspaces);
      this.sportsCount = this.sports.features.length ? sportsInventory(this.sports) : undefined;
      const boundary = shippedLayer(fc, 'boundary').features[0]?.geometry;
      const bp = shippedLayer(fc, 'builtup').features[0]?.properties;
      this.builtupInfo = bp ? { km2: Number(bp.area_km2), confidence: String(bp.confidence ?? 'low') } : undefined;
      this.district = boundary ? { boundary, builtup: shippedLayer(fc, 'builtup').features[0]?.geometry } : undefined;
      this.bundle = fc;
      const { tiers, outside } = this.inventory;
      this.split = { greenspaces: { inside: tiers.park + tiers.garden + tiers.leisure, outside }, ...(this.sportsCount ? { sports: this.sportsCount } : {}) };
      this.on.loaded(this.greenspaces);
    } catch (err) {
      this.failed = true;
      this.on.failed(err instanceof ApiFailure && err.status ? `${err.message} (HTTP ${err.status})` : errorMessage(err));
    }
    this.host.requestUpdate();
  }

  /** A shipped feature's land area (km²) from its source geometry, once the layers are in. */
  async area(layer: string, id: string): Promise<number | undefined> {
    await this.loaded;
    const f = this.bundle?.features.find((x) => x.properties?.layer === layer && x.properties?.id === id);
    return f ? areaKm2(f.geometry) : undefined;
  }

  /** A shipped site (green space or sports ground) by id, with the layer it is in. */
  site(id: string): { group: SiteGroup; feature: Feature } | undefined {
    const g = this.greenspaces?.features.find((f) => f.properties?.id === id);
    if (g) return { group: 'greenspaces', feature: g };
    const s = this.sports?.features.find((f) => f.properties?.id === id);
    return s ? { group: 'sports', feature: s } : undefined;
  }
}
