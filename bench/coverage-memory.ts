/**
 * Peak memory of the coverage analysis for 10,000 random sites, in a process of its own:
 * growth of the peak resident set over the run (maxRSS before vs after), and the process's
 * peak in all. The district model is built first and not counted in the growth: it is made
 * once per isolate. Prints one JSON line. Run by bench/coverage.ts.
 */

import { DEFAULT_RADII } from '../domain/tiers';
import { randomSites } from '../test/fixtures/analysis/random-sites';
import { shippedLayers } from '../test/fixtures/analysis/shipped-data';
import { coverageReport } from '../worker/analysis/analyse';
import { buildModel } from '../worker/analysis/model';
import { projectSites } from '../worker/analysis/sites';

const model = buildModel(shippedLayers());
const sites = randomSites(10_000, 10_000);
// Settle: warm the code paths on a small input, then take the baseline.
coverageReport(model, projectSites(model.grid, randomSites(50, 1)), DEFAULT_RADII, 'radius');
(globalThis as { gc?: () => void }).gc?.();
const before = process.resourceUsage().maxRSS;
coverageReport(model, projectSites(model.grid, sites), DEFAULT_RADII, 'radius');
const after = process.resourceUsage().maxRSS;
console.log(JSON.stringify({ peakMB: (after - before) / 1024, totalMB: after / 1024 }));
