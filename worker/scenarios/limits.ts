/**
 * The limits on shared scenarios, in one place: the routes enforce them, the OpenAPI
 * document quotes them, the tests push past each. Each answers a 4xx JSON error whose code
 * names the limit (see ../routes/scenarios.ts).
 */
export const SCENARIO_LIMITS = {
  /** Request body (bytes): 413 body_too_large. A scenario of 2,000 polygon sites is ~0.5 MB. */
  maxBodyBytes: 1024 * 1024,
  /** Proposed sites per scenario: 413 too_many_features. */
  maxFeatures: 2_000,
  /** Closed green spaces per scenario: 413 too_many_closures. */
  maxClosures: 5_000,
  /** Characters in a scenario's name: 422 name_too_long. The workbench cuts names at 200 too. */
  maxNameChars: 200,
  /** Versions kept per scenario; older ones are deleted as new ones are saved: 410 version_pruned. */
  versionsKept: 20,
  /**
   * Writes (POST, PUT, DELETE) per client per minute: 429 rate_limited, with Retry-After.
   * Counted in D1 (one row per client and minute), so every isolate sees the same count.
   * The deployment may set another figure in the SCENARIO_WRITES_PER_MINUTE variable.
   */
  writesPerMinute: 30,
} as const;
