import { describe, expect, it } from 'vitest';
import { newScenario, toGeoJSON } from '../../src/state/scenario';
import { bearerToken, constantTimeEqual, newEditToken, newScenarioId, sha256Hex, tokenMatches } from '../../worker/scenarios/secrets';
import { checkScenarioFile } from '../../worker/scenarios/validate';
import { ifMatchVersion } from '../../worker/scenarios/view';

describe('scenario ids and edit tokens', () => {
  it('are 128 and 256 random bits in base64url, never repeated', () => {
    const ids = new Set(Array.from({ length: 2000 }, newScenarioId));
    expect(ids.size).toBe(2000);
    for (const id of [...ids].slice(0, 50)) expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(newEditToken()).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Every character position varies: nothing fixed that would cut the entropy.
    const firsts = new Set([...ids].map((id) => id[0]));
    expect(firsts.size).toBeGreaterThan(50);
  });

  it('a token matches its own SHA-256 only', async () => {
    const t = newEditToken();
    const h = await sha256Hex(t);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(await tokenMatches(t, h)).toBe(true);
    expect(await tokenMatches(`${t} `, h)).toBe(false);
    expect(await tokenMatches(newEditToken(), h)).toBe(false);
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('constant-time comparison is still a comparison', () => {
    expect(constantTimeEqual('abc', 'abc')).toBe(true);
    expect(constantTimeEqual('abc', 'abd')).toBe(false);
    expect(constantTimeEqual('abc', 'ab')).toBe(false);
    expect(constantTimeEqual('', 'a')).toBe(false);
    expect(constantTimeEqual('', '')).toBe(true);
  });

  it('reads Bearer tokens and If-Match versions', () => {
    expect(bearerToken(undefined)).toBeNull();
    expect(bearerToken('Bearer abc')).toBe('abc');
    expect(bearerToken('bearer  abc ')).toBe('abc');
    expect(bearerToken('Basic abc')).toBe('');
    expect(bearerToken('Bearer a b')).toBe('');
    expect(ifMatchVersion('"v3"')).toBe(3);
    expect(ifMatchVersion('W/"v12"')).toBe(12);
    expect(ifMatchVersion('3')).toBe(3);
    expect(ifMatchVersion('*')).toBeNull();
    expect(ifMatchVersion('"v1", "v2"')).toBeNull();
  });
});

describe('a shared scenario file', () => {
  it('is the workbench export, stored in the form the workbench writes', () => {
    const s = {
      ...newScenario('Test'),
      closures: ['osm-1'],
      proposals: [{ id: 'p1', tier: 'park' as const, name: 'A park', geometry: { type: 'Point' as const, coordinates: [106.6, 29.6] } }],
    };
    const file = toGeoJSON(s);
    const r = checkScenarioFile(JSON.parse(JSON.stringify(file)));
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(JSON.parse(r.value.text)).toEqual(file);
      expect(r.value.features).toBe(1);
    }
  });
});
