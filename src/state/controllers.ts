/**
 * The page's controllers, made once, and what each hears of the others: a new shipped
 * coverage becomes the planner's baseline; a population loaded asks every rate again; the
 * shared scenarios read the workbench and the shipped green spaces.
 */
import { AnalysisController } from './analysis';
import type { NearbyHost } from './nearby';
import { NearbyController } from './nearby';
import { PopulationController } from './population';
import { ShareController } from './share';
import { ShippedController } from './shipped';
import type { TourHost } from './tour';
import { TourController } from './tour';
import { WorkbenchController } from './workbench';

export type AppHost = NearbyHost & TourHost & { mapError: string };

export interface Controllers {
  workbench: WorkbenchController;
  shipped: ShippedController;
  analysis: AnalysisController;
  nearby: NearbyController;
  tour: TourController;
  population: PopulationController;
  share: ShareController;
}

export function createControllers(app: AppHost): Controllers {
  // Filled in turn; the callbacks below run later, when every controller is there.
  const c = {} as Controllers;
  c.workbench = new WorkbenchController(app, () => ({ tier: app.state.tier, sports: app.state.sports, mode: app.state.mode, population: c.population.wire }));
  // A population loaded or removed: every rate, piece and suggestion is asked for again.
  c.population = new PopulationController(app, () => {
    void c.analysis.analyse();
    void c.workbench.analyse();
  });
  c.shipped = new ShippedController(app, {
    loaded: (greenspaces) => {
      c.workbench.setShipped(greenspaces, c.analysis.peopleCoverage ?? c.analysis.coverage);
      void c.workbench.analyse();
    },
    failed: (message) => (app.mapError = message),
  });
  c.analysis = new AnalysisController(
    app,
    () => app.state,
    (coverage) => {
      const greenspaces = c.shipped.greenspaces;
      if (greenspaces) c.workbench.setShipped(greenspaces, coverage);
    },
    () => {
      const population = c.population.wire;
      const sites = c.shipped.greenspaces;
      return population && sites ? { sites, population } : undefined;
    },
  );
  c.nearby = new NearbyController(app);
  c.tour = new TourController(app);
  c.share = new ShareController(app, {
    workbench: c.workbench,
    base: async () => {
      await c.shipped.loaded;
      if (!c.shipped.greenspaces) throw new Error('the green spaces did not load');
      return c.shipped.greenspaces;
    },
    sports: () => app.state.sports,
  });
  return c;
}
