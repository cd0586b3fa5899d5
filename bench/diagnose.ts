/**
 * Shared set-up of the viewer diagnostics (bench/timeline.ts, bench/profile-start.ts): the
 * app built as `npm start` builds it (unless NO_BUILD=1), served from workerd, and the same
 * headless Chromium with software WebGL that the benchmarks use.
 */
import { type Browser, chromium } from 'playwright-core';
import { build, type RunningApp, serve } from '../scripts/serve-app';

export async function diagnosticSetup(): Promise<{ app: RunningApp; browser: Browser }> {
  if (!process.env.NO_BUILD) build();
  const app = await serve();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-background-networking'],
  });
  return { app, browser };
}
