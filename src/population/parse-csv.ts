/**
 * A CSV of people as points: longitude, latitude, count, in WGS-84 or GCJ-02 (the system
 * of Chinese map apps, converted with gcoord). Separated by commas, semicolons or tabs; an
 * optional header names the columns (lon/lng/longitude/x/经度, lat/latitude/y/纬度,
 * count/pop/population/people/value/人口/人数), else they are taken in that order. Blank
 * lines and lines starting with # are skipped. Every bad line is reported. Pure.
 */
import gcoord from 'gcoord';
import { countOf, ProblemList, positionProblem } from './rows';

export type PopulationCrs = 'WGS84' | 'GCJ02';

export interface CsvPopulation {
  points: [number, number, number][];
  /** Data lines read (header, blank and comment lines excluded). */
  rows: number;
  total: number;
  problems: ProblemList;
}

const LON = /^(lon|lng|long|longitude|x|经度)$/i;
const LAT = /^(lat|latitude|y|纬度)$/i;
const COUNT = /^(count|pop|population|people|persons|value|n|total|人口|人数|数量)$/i;

export function parsePopulationCsv(text: string, crs: PopulationCrs): CsvPopulation {
  const problems = new ProblemList();
  const points: [number, number, number][] = [];
  const lines = text.replace(/^\ufeff/, '').split(/\r\n|\n|\r/);
  const first = lines.findIndex((l) => l.trim() !== '' && !l.trimStart().startsWith('#'));
  const out: CsvPopulation = { points, rows: 0, total: 0, problems };
  if (first < 0) {
    problems.add('file', 'has no data lines');
    return out;
  }
  const sep = lines[first]!.includes('\t') ? '\t' : lines[first]!.includes(';') ? ';' : ',';
  const split = (l: string) => l.split(sep).map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
  let cols: [number, number, number] = [0, 1, 2];
  let start = first;
  const head = split(lines[first]!);
  if (head.some((c) => c !== '' && !Number.isFinite(Number(c)))) {
    const find = (re: RegExp) => head.findIndex((c) => re.test(c));
    cols = [find(LON), find(LAT), find(COUNT)];
    if (cols.some((c) => c < 0)) {
      problems.add(`line ${first + 1}`, `the header (${head.slice(0, 6).join(', ')}) does not name a longitude, a latitude and a count column`);
      return out;
    }
    start = first + 1;
  }
  const width = Math.max(...cols) + 1;
  for (let k = start; k < lines.length; k++) {
    const line = lines[k]!;
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    out.rows++;
    const where = `line ${k + 1}`;
    const cells = split(line);
    if (cells.length < width) {
      problems.add(where, `has ${cells.length} value${cells.length === 1 ? '' : 's'}; expected longitude, latitude and count`);
      continue;
    }
    let lon = Number(cells[cols[0]]);
    let lat = Number(cells[cols[1]]);
    const n = countOf(cells[cols[2]]);
    if (cells[cols[0]] === '' || cells[cols[1]] === '' || !Number.isFinite(lon) || !Number.isFinite(lat)) {
      problems.add(where, `longitude/latitude "${cells[cols[0]]}", "${cells[cols[1]]}" are not numbers`);
      continue;
    }
    if (n === null) {
      problems.add(where, `count "${cells[cols[2]]!.slice(0, 20)}" is not a number of people (0 or more)`);
      continue;
    }
    if (crs === 'GCJ02' && Math.abs(lon) <= 180 && Math.abs(lat) <= 90)
      [lon, lat] = gcoord.transform([lon, lat], gcoord.GCJ02, gcoord.WGS84) as [number, number];
    const bad = positionProblem(lon, lat);
    if (bad) {
      problems.add(where, bad);
      continue;
    }
    points.push([lon, lat, n]);
    out.total += n;
  }
  return out;
}
