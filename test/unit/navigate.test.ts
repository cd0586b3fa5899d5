import gcoord from 'gcoord';
import { describe, expect, it } from 'vitest';
import { navigateLinks } from '../../src/state/navigate';

const park = { lon: 106.5538, lat: 29.5871, name: '鸿恩寺公园' };
const here = { lon: 106.5315, lat: 29.5755 };

describe('navigate hand-off links', () => {
  const links = Object.fromEntries(navigateLinks(park, here).map((l) => [l.app, new URL(l.url)]));
  const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThan(2e-6);

  it('Amap gets GCJ-02, lon first, declared as gaode', () => {
    const [x, y, name] = links.amap!.searchParams.get('to')!.split(',');
    const [gx, gy] = gcoord.transform([park.lon, park.lat], gcoord.WGS84, gcoord.GCJ02);
    close(Number(x), gx!);
    close(Number(y), gy!);
    expect(name).toBe('鸿恩寺公园');
    expect(links.amap!.searchParams.get('coordinate')).toBe('gaode');
    expect(links.amap!.searchParams.get('mode')).toBe('walk');
    // The shift is real: ~300–600 m here, the error an unconverted link would make.
    expect(Math.hypot((gx! - park.lon) * 96_700, (gy! - park.lat) * 111_000)).toBeGreaterThan(300);
  });

  it('Baidu gets BD-09, latitude first, declared bd09ll', () => {
    const m = /^latlng:([\d.]+),([\d.]+)\|name:(.*)$/.exec(links.baidu!.searchParams.get('destination')!)!;
    const [bx, by] = gcoord.transform([park.lon, park.lat], gcoord.WGS84, gcoord.BD09);
    close(Number(m[1]), by!);
    close(Number(m[2]), bx!);
    expect(links.baidu!.searchParams.get('coord_type')).toBe('bd09ll');
    expect(links.baidu!.searchParams.get('mode')).toBe('walking');
    expect(links.baidu!.searchParams.get('origin')).toMatch(/^latlng:29\.5/);
  });

  it('Apple Maps gets GCJ-02, latitude first, walking', () => {
    const [lat, lon] = links.apple!.searchParams.get('daddr')!.split(',').map(Number);
    const [gx, gy] = gcoord.transform([park.lon, park.lat], gcoord.WGS84, gcoord.GCJ02);
    close(lat!, gy!);
    close(lon!, gx!);
    expect(links.apple!.searchParams.get('dirflg')).toBe('w');
  });

  it('leaves the start to the app when the phone’s place is not known', () => {
    const [amap, baidu, apple] = navigateLinks(park).map((l) => new URL(l.url));
    expect(amap!.searchParams.has('from')).toBe(false);
    expect(baidu!.searchParams.has('origin')).toBe(false);
    expect(apple!.searchParams.has('saddr')).toBe(false);
  });
});
