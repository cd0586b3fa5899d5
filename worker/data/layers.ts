import type { FeatureCollection } from 'geojson';
import type { LayerInfo } from '../../domain/api';
import manifest from '../../geodata/layers.json';

/**
 * The shipped layers: every `geodata/<id>.geojson` listed in `geodata/layers.json`.
 * Files are bundled as text at build time and parsed once per isolate, on first use.
 * Dropping a replacement file into geodata/ (same id) is all it takes to swap the data.
 */
const raw = import.meta.glob<string>('../../geodata/*.geojson', {
  query: '?raw',
  import: 'default',
  eager: true,
});

export type { LayerInfo };

const textById = new Map<string, string>();
for (const [path, text] of Object.entries(raw)) {
  const id = path.slice(path.lastIndexOf('/') + 1).replace(/\.geojson$/, '');
  textById.set(id, text);
}

const parsed = new Map<string, FeatureCollection>();

/** The layer's FeatureCollection, or undefined when no such layer ships. */
export function getLayer(id: string): FeatureCollection | undefined {
  let fc = parsed.get(id);
  if (!fc) {
    const text = textById.get(id);
    if (text === undefined) return undefined;
    fc = JSON.parse(text) as FeatureCollection;
    parsed.set(id, fc);
  }
  return fc;
}

/** The original file text, served as is (no re-serialisation per request). */
export function getLayerText(id: string): string | undefined {
  return textById.get(id);
}

function geometryKind(fc: FeatureCollection): LayerInfo['geometry'] {
  const kinds = new Set<string>();
  for (const f of fc.features) {
    const t = f.geometry?.type ?? '';
    kinds.add(
      t
        .replace(/^Multi/, '')
        .replace('LineString', 'line')
        .toLowerCase(),
    );
  }
  if (kinds.size === 0) return 'none';
  if (kinds.size > 1) return 'mixed';
  return [...kinds][0] as LayerInfo['geometry'];
}

function provenance(fc: FeatureCollection): Pick<LayerInfo, 'sources' | 'confidence'> {
  const sources = new Set<string>();
  const confidence = { high: 0, medium: 0, low: 0 };
  for (const f of fc.features) {
    const p = f.properties ?? {};
    if (typeof p.source === 'string') sources.add(p.source);
    if (p.confidence === 'high' || p.confidence === 'medium' || p.confidence === 'low') confidence[p.confidence as 'high']++;
  }
  return { sources: [...sources], confidence };
}

let infos: LayerInfo[] | undefined;

/** Manifest order, only layers whose file exists. */
export function listLayers(): LayerInfo[] {
  infos ??= manifest.layers
    .filter((l) => textById.has(l.id))
    .map((l) => {
      const fc = getLayer(l.id)!;
      return {
        id: l.id,
        title_zh: l.title_zh,
        title_en: l.title_en,
        about_zh: l.about_zh,
        about_en: l.about_en,
        geometry: geometryKind(fc),
        count: fc.features.length,
        ...provenance(fc),
      };
    });
  return infos;
}

let bundle: string | undefined;

/**
 * Every shipped layer in one FeatureCollection, each feature tagged with `layer` (its layer
 * id), in manifest order: what the map draws, in one request and one map source (a map
 * tiles and draws one source far sooner than a dozen). Built once per isolate.
 */
export function getBundleText(): string {
  if (bundle === undefined) {
    const features = listLayers().flatMap((l) => (getLayer(l.id)?.features ?? []).map((f) => ({ ...f, properties: { ...f.properties, layer: l.id } })));
    bundle = JSON.stringify({ type: 'FeatureCollection', features });
  }
  return bundle;
}
