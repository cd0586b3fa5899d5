import { app } from './app';

// Static assets are served by the platform before the worker runs; only /api/* reaches us
// (see run_worker_first in wrangler.toml).
export default app;
