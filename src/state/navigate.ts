/**
 * Hand-off links that open a destination in the phone's map app, each in the coordinate system
 * that app reads: Amap (高德) and Apple Maps in China draw on GCJ-02, Baidu on BD-09. The data is
 * WGS-84; sent unconverted, the pin would land ~500 m off (GCJ-02) or ~1 km off (BD-09).
 */
import gcoord from 'gcoord';

export interface NavPoint {
  lon: number;
  lat: number;
  name?: string;
}

export interface NavLink {
  app: 'amap' | 'baidu' | 'apple';
  url: string;
}

const r6 = (v: number) => Math.round(v * 1e6) / 1e6;
const to = (p: NavPoint, crs: typeof gcoord.GCJ02 | typeof gcoord.BD09): [number, number] => {
  const [x, y] = gcoord.transform([p.lon, p.lat], gcoord.WGS84, crs) as [number, number];
  return [r6(x), r6(y)];
};

/** Walking directions to `dest` (from `from` when known, else from wherever the app finds the phone). */
export function navigateLinks(dest: NavPoint, from?: NavPoint): NavLink[] {
  const name = dest.name ?? '';
  // Amap: lon,lat[,name]; coordinate=gaode says the numbers are GCJ-02.
  const [ax, ay] = to(dest, gcoord.GCJ02);
  const amap = new URL('https://uri.amap.com/navigation');
  if (from) {
    const [fx, fy] = to(from, gcoord.GCJ02);
    amap.searchParams.set('from', `${fx},${fy}`);
  }
  amap.searchParams.set('to', `${ax},${ay},${name}`);
  amap.searchParams.set('mode', 'walk');
  amap.searchParams.set('coordinate', 'gaode');
  amap.searchParams.set('callnative', '1');
  amap.searchParams.set('src', 'jiangbei-green-map');
  // Baidu: latlng:lat,lng (latitude first), BD-09 declared with coord_type.
  const [bx, by] = to(dest, gcoord.BD09);
  const baidu = new URL('https://api.map.baidu.com/direction');
  if (from) {
    const [fx, fy] = to(from, gcoord.BD09);
    baidu.searchParams.set('origin', `latlng:${fy},${fx}|name:我的位置`);
  }
  baidu.searchParams.set('destination', `latlng:${by},${bx}|name:${name}`);
  baidu.searchParams.set('mode', 'walking');
  baidu.searchParams.set('region', '重庆');
  baidu.searchParams.set('coord_type', 'bd09ll');
  baidu.searchParams.set('output', 'html');
  baidu.searchParams.set('src', 'webapp.jiangbei-green-map');
  // Apple Maps: lat,lon; in mainland China its map is GCJ-02, so the GCJ-02 numbers.
  const apple = new URL('https://maps.apple.com/');
  if (from) {
    const [fx, fy] = to(from, gcoord.GCJ02);
    apple.searchParams.set('saddr', `${fy},${fx}`);
  }
  apple.searchParams.set('daddr', `${ay},${ax}`);
  apple.searchParams.set('dirflg', 'w');
  if (name) apple.searchParams.set('q', name);
  return [
    { app: 'amap', url: amap.href },
    { app: 'baidu', url: baidu.href },
    { app: 'apple', url: apple.href },
  ];
}
