/**
 * Colours of the map, chosen to stay apart for colour-blind readers: the plan's parts use
 * the Okabe–Ito palette; green tiers and rings use one sequential green ramp, told apart
 * by lightness (and, for sites, by symbol size); gaps use vermillion and cores deep purple,
 * which no other layer uses.
 */
export const PALETTE = {
  /** Outside the district: the neighbouring districts' colour. */
  background: '#e9e6df',
  land: '#fbfaf6',
  boundary: '#37474f',
  neighbourLine: '#a8a29a',
  river: '#a9cfe6',
  riverLine: '#6fa8cc',
  bridge: '#546e7a',
  /** Bridges a pedestrian cannot use (metro and rail decks): thinner, dashed, lighter. */
  bridgeNoWalk: '#90a4ae',
  /** Metro and rail: neutral greys, context that must not compete with the plan's colours. */
  railMetro: '#4f4f4f',
  rail: '#8a8a8a',
  station: '#4f4f4f',
  railTunnel: '#b8b8b8',
  builtup: '#d9cbb3',
  /** Built-up land's outline, over the service areas and gaps: a brown of its own. */
  builtupLine: '#7b5a36',
  belt: '#0072b2',
  core: '#5e3c99',
  zones: {
    nanqiaosi: '#e69f00',
    'changan-no3': '#56b4e9',
    'gangcheng-tanggui': '#cc79a7',
    wangjiang: '#009e73',
    wubao: '#b8a200',
  } as Record<string, string>,
  zoneFallback: '#999999',
  tiers: { park: '#1b7837', garden: '#4daf4a', leisure: '#a6d96a' },
  rings: { park: '#d9f0d3', garden: '#a6dba0', leisure: '#5aae61' },
  /** Sports grounds: a muted blue-violet, apart from every green, the rivers' blue and the plan's colours. */
  sports: '#8da0cb',
  sportsLine: '#5b6ea8',
  gap: '#d55e00',
  landmark: '#263238',
  route: '#1565c0',
  proposal: '#c2185b',
  /** The outline of the planner's uploaded green spaces (apart from the shipped ones' green). */
  uploadLine: '#00695c',
  /** The outline of the selected feature. */
  selection: '#000000',
  /** Green spaces closed in a scenario: greyed, with a dark ring on point sites. */
  closed: '#9e9e9e',
  closedLine: '#424242',
  label: '#263238',
  halo: '#ffffff',
} as const;
