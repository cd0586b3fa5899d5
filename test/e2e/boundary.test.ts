import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, openPage, screenshot, waitForMapReady } from './browser';

afterAll(closeBrowser);

describe('the page in Chromium', () => {
  it('draws the Jiangbei boundary, queried from the rendered map, with no outside request', async () => {
    const { page, guard } = await openPage('/');
    await waitForMapReady(page);

    const rendered = await page.evaluate(() => {
      const map = window.jbMap!;
      const features = map.queryRenderedFeatures({ layers: ['boundary-line', 'boundary-fill'] });
      const canvas = map.getCanvas();
      // The district's centroid must be on screen and inside the rendered fill.
      const centre = map.project([106.65, 29.62]);
      const atCentre = map.queryRenderedFeatures([centre.x, centre.y], { layers: ['boundary-fill'] });
      return {
        count: features.length,
        names: [...new Set(features.map((f) => f.properties.name_zh))],
        atCentre: atCentre.map((f) => f.properties.adcode),
        canvas: [canvas.clientWidth, canvas.clientHeight],
      };
    });
    expect(rendered.count).toBeGreaterThan(0);
    expect(rendered.names).toEqual(['江北区']);
    expect(rendered.atCentre).toContain('500105');
    expect(rendered.canvas[0]).toBeGreaterThan(1000);

    // Title in Chinese by default.
    await expect(page.locator('jb-app').locator('h1 .title').textContent()).resolves.toBe('江北绿地地图');

    // Something was actually painted: sample pixels across the canvas and expect the
    // boundary's dark line colour among them, not just the background.
    const darkPixels = await page.evaluate(async () => {
      const map = window.jbMap!;
      const gl = map.getCanvas().getContext('webgl2')!;
      map.triggerRepaint();
      await new Promise((r) => map.once('render', r));
      const { drawingBufferWidth: w, drawingBufferHeight: h } = gl;
      const px = new Uint8Array(w * h * 4);
      gl.readPixels(0, 0, w, h, gl.RGBA, gl.UNSIGNED_BYTE, px);
      let dark = 0;
      for (let i = 0; i < px.length; i += 4) if (px[i]! < 90 && px[i + 1]! < 100 && px[i + 2]! < 110) dark++;
      return dark;
    });
    expect(darkPixels).toBeGreaterThan(500);

    await screenshot(page, 'boundary-desktop');
    guard.assertClean();
  });

  it('shows a message with a retry when the API fails, never a blank page', async () => {
    const { page, guard } = await openPage('/');
    await waitForMapReady(page);
    // Simulate the API going down, then reload the app's data.
    await page
      .context()
      .route('**/api/layers', (route) =>
        route.fulfill({ status: 503, contentType: 'application/json', body: '{"error":{"code":"down","message":"service down"}}' }),
      );
    await page.reload();
    const alert = page.locator('jb-app').locator('[role=alert]');
    await expect(alert.textContent()).resolves.toContain('service down');
    await page.context().unroute('**/api/layers');
    await alert.locator('button').click();
    await waitForMapReady(page);
    await expect(page.locator('jb-app').locator('[role=alert]').count()).resolves.toBe(0);
    guard.problems = guard.problems.filter((p) => !p.includes('503'));
    guard.assertClean();
  });
});
