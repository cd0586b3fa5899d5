/**
 * Elements the first view does not show, loaded when first needed: the Nearby, Plan and Data
 * tabs' elements, the info card, the tour, the report and the handout. Until its module arrives an element is an
 * unknown tag that keeps the properties it is given; Lit applies them when it upgrades.
 */
const LOADERS = {
  plan: () => Promise.all([import('./jb-workbench'), import('./jb-share'), import('./jb-population')]),
  about: () => import('./jb-about'),
  nearby: () => import('./jb-nearby'),
  card: () => import('./jb-card'),
  tour: () => import('./jb-tour'),
  report: () => import('./jb-report'),
  handout: () => import('./jb-handout'),
} as const;

const started = new Map<keyof typeof LOADERS, Promise<unknown>>();

/** Starts loading a part's elements (once); resolves when they are defined. */
export function need(part: string): Promise<unknown> {
  if (!(part in LOADERS)) return Promise.resolve();
  const key = part as keyof typeof LOADERS;
  let p = started.get(key);
  if (!p) started.set(key, (p = LOADERS[key]()));
  return p;
}
