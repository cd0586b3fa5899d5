/**
 * "Nothing let in": names from user data are only ever shown as text. Green spaces are
 * uploaded, and a scenario imported, with names made to run script if they were ever parsed
 * as HTML or followed as links; every place they appear is checked (map labels, the proposals
 * and closures lists, the scenario list, the upload report, Nearby search), nothing may run,
 * no dialog may open, and the text must read literally. Also: the page's security headers, and
 * that the Content-Security-Policy really stops an inline script.
 */
import type { Feature, FeatureCollection } from 'geojson';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { SECURITY_HEADERS } from '../../worker/security';
import { closeBrowser, openPage, screenshot, waitForMapReady } from './browser';
import { namedOsmParks, pointOnlyIn } from './data';

afterAll(closeBrowser);

const IMG = '<img src=x onerror=window.__pwned=1>';
const JS_LINK = 'javascript:window.__pwned=1';
const SCRIPT = '<script>window.__pwned=1</script>';
const ANCHOR = '<a href="javascript:window.__pwned=1">点我</a>';
const SVG = '<svg onload=window.__pwned=1>';
const HOSTILE = [IMG, JS_LINK, SCRIPT, ANCHOR, SVG];

const wb = (page: Page) => page.locator('jb-app jb-workbench');
const api = async <T>(path: string) => (await fetch(`${inject('baseURL')}${path}`)).json() as Promise<T>;

/** Every element in the document and in every shadow root, as a few facts the test checks. */
const injected = (page: Page) =>
  page.evaluate(() => {
    const out: string[] = [];
    const walk = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        const tag = el.tagName.toLowerCase();
        if (tag === 'img' && el.getAttribute('src') === 'x') out.push('img[src=x]');
        if (tag === 'svg' && el.hasAttribute('onload')) out.push('svg[onload]');
        if (tag === 'script' && !el.hasAttribute('src')) out.push('inline script');
        for (const a of el.getAttributeNames()) if (a.startsWith('on')) out.push(`${tag}[${a}]`);
        const href = el.getAttribute('href');
        if (href && /^\s*javascript:/i.test(href)) out.push(`${tag}[href=javascript:]`);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    return out;
  });

async function clickMapAt(page: Page, lonLat: number[]) {
  await page.evaluate(([lon, lat]) => window.jbMap!.jumpTo({ center: [lon!, lat!], zoom: 15 }), lonLat);
  const p = await page.evaluate(([lon, lat]) => window.jbMap!.project([lon!, lat!]), lonLat);
  await page.mouse.click(p.x, p.y);
}

describe('nothing let in', () => {
  it('the page answers with the security headers, and its CSP stops an inline script', async () => {
    const { page, guard } = await openPage('/?lang=en');
    const res = (await page.reload())!;
    const headers = res.headers();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(headers[name.toLowerCase()], name).toBe(value);
    await waitForMapReady(page);
    // Script added to the live page (as an HTML injection would add it) must not run.
    const ran = await page.evaluate(async () => {
      const s = document.createElement('script');
      s.textContent = 'window.__inline = 1';
      document.body.append(s);
      const d = document.createElement('div');
      d.innerHTML = '<img src="data:," onerror="window.__inline = 2">';
      document.body.append(d);
      await new Promise((r) => setTimeout(r, 300));
      return (window as { __inline?: number }).__inline;
    });
    expect(ran).toBeUndefined();
    // Both attempts are reported as CSP violations (console errors): exactly those, nothing else.
    const csp = guard.problems.filter((p) => /Content Security Policy/.test(p));
    expect(csp.length).toBeGreaterThanOrEqual(1);
    guard.problems = guard.problems.filter((p) => !csp.includes(p));
    guard.assertClean();
  });

  it('uploaded green spaces and an imported scenario with hostile names: shown as text, nothing runs', { timeout: 90_000 }, async () => {
    const shipped = await api<FeatureCollection>('/api/layers/greenspaces');
    // A named park of the shipped data, and a point where a click lands on it alone.
    const park = (await namedOsmParks())[0]!;
    const inPark = await pointOnlyIn(park);
    const { page, guard } = await openPage('/?lang=en&panel=plan', { viewport: { width: 1280, height: 900 } });
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await waitForMapReady(page);

    // 1. Upload: the shipped green spaces, renamed; one more point per hostile name.
    const upload: FeatureCollection = {
      type: 'FeatureCollection',
      features: [
        ...shipped.features.map(
          (f, i): Feature => ({
            ...f,
            properties: { ...f.properties, name_zh: HOSTILE[i % HOSTILE.length], name_en: HOSTILE[(i + 1) % HOSTILE.length], url: JS_LINK },
          }),
        ),
        ...HOSTILE.map(
          (name, i): Feature => ({
            type: 'Feature',
            properties: { id: `evil-${i}`, tier: 'leisure', name_zh: name, name_en: name, href: JS_LINK },
            geometry: { type: 'Point', coordinates: [106.55 + i * 0.01, 29.6] },
          }),
        ),
        { type: 'Feature', properties: { id: IMG, tier: 'lake', name_zh: IMG }, geometry: { type: 'Point', coordinates: [106.6, 29.6] } }, // a problem that names it
      ],
    };
    const parkName = upload.features.find((f) => f.properties?.id === park.properties!.id)!.properties!.name_en as string;
    await wb(page)
      .locator('input.upload')
      .setInputFiles({ name: `${IMG}.geojson`, mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(upload)) });
    await expect.poll(() => wb(page).locator('p.report').textContent()).toContain(`${IMG}.geojson`);
    expect(await wb(page).locator('ul.problems').textContent()).toContain('lake');
    await wb(page).locator('button.use-upload').click();

    // 2. Closures list: close the park (renamed in the upload) from the map.
    await wb(page).locator('input[name=tool][value=close]').check();
    await clickMapAt(page, inPark);
    await expect.poll(() => wb(page).locator('ul.closures li').count()).toBe(1);
    expect(await wb(page).locator('ul.closures li span.grow').textContent()).toBe(parkName);

    // 3. Imported scenario: proposals and the scenario itself named to inject.
    const scenario = {
      type: 'FeatureCollection',
      jiangbei_scenario: { version: 1, name: ANCHOR, closures: [], radii: { leisure: 500, garden: 1000, park: 2000 }, mode: 'radius' },
      features: HOSTILE.map((name, i) => ({
        type: 'Feature',
        properties: { id: `p-${i}`, tier: 'leisure', name },
        geometry: { type: 'Point', coordinates: [106.56 + i * 0.004, 29.585] },
      })),
    };
    await wb(page)
      .locator('input.import')
      .setInputFiles({ name: 'hostile.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(scenario)) });
    await expect.poll(() => wb(page).locator('ul.proposals li').count()).toBe(HOSTILE.length);
    const listed = await wb(page).locator('ul.proposals').textContent();
    for (const name of HOSTILE) expect(listed).toContain(name);
    const options = await wb(page).locator('select#sc option').allTextContents();
    expect(options.some((o) => o.includes(ANCHOR))).toBe(true);

    // 4. Map labels: the proposals' labels hold the names as plain strings.
    await page.evaluate(() => window.jbMap!.jumpTo({ center: [106.568, 29.585], zoom: 14 }));
    await waitForMapReady(page);
    const labels = await page.evaluate(() => window.jbMap!.queryRenderedFeatures({ layers: ['proposals-label'] }).map((f) => String(f.properties.name)));
    // Labels that collide are hidden; those drawn must read literally, and the source holds all.
    expect(labels.length).toBeGreaterThan(0);
    for (const l of labels) expect(HOSTILE).toContain(l);
    const source = await page.evaluate(() => window.jbMap!.querySourceFeatures('proposals').map((f) => String(f.properties.name)));
    expect(new Set(source)).toEqual(new Set(HOSTILE));

    // 5. Info card: select a hostile-named proposal on the map.
    await wb(page).locator('input[name=tool][value=none]').check();
    const p0 = await page.evaluate(() => window.jbMap!.project([106.56, 29.585]));
    await page.mouse.click(p0.x, p0.y);

    // 6. Nearby search, with the hostile text as the query.
    await page
      .locator('jb-app')
      .getByRole('tab', { name: /Nearby/ })
      .click();
    const search = page.locator('jb-app jb-nearby input[type=search]');
    for (const q of [IMG, JS_LINK]) {
      await search.fill('');
      await search.fill(q);
      // The search has run (nothing by that name) and the text is still the text typed.
      await expect.poll(() => page.locator('jb-app jb-nearby').getByText('No place matches').count()).toBe(1);
      expect(await search.inputValue()).toBe(q);
    }

    await screenshot(page, 'security-hostile-names');
    expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(dialogs).toBe(0);
    expect(await injected(page)).toEqual([]);
    guard.assertClean();
  });
});
