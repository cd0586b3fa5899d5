/**
 * A GeoTIFF of people: one band of counts per pixel, in EPSG:4326 (lon/lat) or a UTM zone
 * on WGS-84 (EPSG:326zz / 327zz), as the file's GeoKeys declare it; read with geotiff.js
 * (3.x: runs in a browser's Web Worker and in workerd). Pixels that are the file's GDAL
 * nodata are empty; negative, NaN or infinite values are bad and reported as runs of
 * pixels ("row 40, columns 7–19"). The answer's `raster` is what
 * worker/analysis/resample-raster.ts shares among the analysis grid's cells by overlap.
 */
import { fromArrayBuffer } from 'geotiff';
import { kmFromJiangbei as kmFromCentre, MAX_KM_FROM_JIANGBEI as MAX_KM } from '../../domain/sites';
import type { Raster } from '../../worker/analysis/resample-raster';
import { type UtmZone, utmToLonLat, utmZoneOfEpsg } from '../../worker/analysis/utm';
import { ProblemList } from './rows';

export interface TiffPopulation {
  raster: Raster;
  /** "EPSG:4326" or "EPSG:32648" … */
  crs: string;
  width: number;
  height: number;
  /** People in the good pixels. */
  total: number;
  /** Lon/lat bounds of the raster (west, south, east, north). */
  bbox: [number, number, number, number];
  problems: ProblemList;
}

/** A file that cannot be read at all: the message says why. */
export class PopulationFileError extends Error {}

/** GeoKey values (GeoTIFF 1.0): model type 1 = projected, 2 = geographic; raster type 2 = PixelIsPoint. */
const PROJECTED = 1;
const PIXEL_IS_POINT = 2;

export async function parsePopulationTiff(buffer: ArrayBuffer): Promise<TiffPopulation> {
  let image: Awaited<ReturnType<Awaited<ReturnType<typeof fromArrayBuffer>>['getImage']>>;
  try {
    const tiff = await fromArrayBuffer(buffer);
    image = await tiff.getImage(0);
  } catch (e) {
    throw new PopulationFileError(`not a readable GeoTIFF (${(e as Error).message.slice(0, 80)})`);
  }
  const bands = image.getSamplesPerPixel();
  if (bands !== 1) throw new PopulationFileError(`has ${bands} bands; a population raster has one band of counts per pixel`);
  const keys = image.getGeoKeys() ?? {};
  const projected = Number(keys.ProjectedCSTypeGeoKey ?? 0);
  const geographic = Number(keys.GeographicTypeGeoKey ?? 0);
  let utm: UtmZone | null = null;
  let crs: string;
  if (keys.GTModelTypeGeoKey === PROJECTED || projected) {
    utm = utmZoneOfEpsg(projected);
    if (!utm)
      throw new PopulationFileError(
        projected
          ? `declares EPSG:${projected}; use EPSG:4326 or a UTM zone on WGS-84 (EPSG:326zz or 327zz)`
          : 'is projected but declares no EPSG code; use EPSG:4326 or a UTM zone',
      );
    crs = `EPSG:${projected}`;
  } else if (geographic === 4326) {
    crs = 'EPSG:4326';
  } else {
    throw new PopulationFileError(
      geographic ? `declares EPSG:${geographic}; use EPSG:4326 (WGS-84) or a UTM zone` : 'declares no coordinate system (GeoKeys); use EPSG:4326 or a UTM zone',
    );
  }
  let origin: number[];
  let res: number[];
  try {
    origin = image.getOrigin();
    res = image.getResolution();
  } catch {
    throw new PopulationFileError('has no georeference (tie point and pixel scale, or a transformation)');
  }
  let [ox, oy] = origin as [number, number];
  const [rx, ry] = res as [number, number];
  // Pixel-is-point: the tie point is a pixel's centre, not its corner.
  if (keys.GTRasterTypeGeoKey === PIXEL_IS_POINT) {
    ox -= rx / 2;
    oy -= ry / 2;
  }
  const width = image.getWidth();
  const height = image.getHeight();
  const corner = (x: number, y: number): [number, number] => {
    const X = ox + x * rx;
    const Y = oy + y * ry;
    return utm ? utmToLonLat(utm, X, Y) : [X, Y];
  };
  const cs = [corner(0, 0), corner(width, 0), corner(0, height), corner(width, height)];
  const bbox: [number, number, number, number] = [
    Math.min(...cs.map((c) => c[0])),
    Math.min(...cs.map((c) => c[1])),
    Math.max(...cs.map((c) => c[0])),
    Math.max(...cs.map((c) => c[1])),
  ];
  const mid: [number, number] = [(bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2];
  if (!bbox.every(Number.isFinite) || (kmFromCentre(...mid) > MAX_KM && kmFromCentre(bbox[0], bbox[1]) > MAX_KM && kmFromCentre(bbox[2], bbox[3]) > MAX_KM)) {
    throw new PopulationFileError(`lies ${Math.round(kmFromCentre(...mid))} km from Jiangbei (its centre is at ${mid[0].toFixed(3)}, ${mid[1].toFixed(3)})`);
  }
  const data = (await image.readRasters({ interleave: true })) as unknown as ArrayLike<number>;
  const nodata = image.getGDALNoData();
  const problems = new ProblemList();
  let total = 0;
  for (let y = 0; y < height; y++) {
    let runStart = -1;
    let runWhy = '';
    const close = (x: number) => {
      if (runStart >= 0) problems.add(`row ${y}, columns ${runStart}${x - 1 > runStart ? `–${x - 1}` : ''}`, runWhy);
      runStart = -1;
      runWhy = '';
    };
    for (let x = 0; x < width; x++) {
      const v = data[y * width + x]!;
      const empty = nodata !== null && (v === nodata || (Number.isNaN(nodata) && Number.isNaN(v)));
      const why = empty ? '' : Number.isNaN(v) ? 'not a number' : !Number.isFinite(v) ? 'infinite' : v < 0 ? 'negative counts' : '';
      if (why !== runWhy) close(x);
      if (why && runStart < 0) {
        runStart = x;
        runWhy = why;
      }
      if (!why && !empty) total += v;
    }
    close(width);
  }
  return { raster: { width, height, values: data, nodata, corner }, crs, width, height, total, bbox, problems };
}
