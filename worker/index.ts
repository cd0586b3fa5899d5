import { app } from './app';
import { warmUpCoverage } from './routes/coverage';

// Build the district model while the isolate starts (start-up time is not request CPU time),
// so the first analysis request stays within the Worker's per-request budget.
warmUpCoverage();

export default app;
