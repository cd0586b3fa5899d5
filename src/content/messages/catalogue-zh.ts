/** Every feature's Chinese strings: one chunk, loaded when the page shows Chinese (see ./index.ts); the strings themselves are in ./zh/, one file per feature. */

import { zh as about } from './zh/about';
import { zh as coverage } from './zh/coverage';
import { zh as layers } from './zh/layers';
import { zh as nearby } from './zh/nearby';
import { zh as planner } from './zh/planner';
import { zh as population } from './zh/population';
import { zh as share } from './zh/share';
import { zh as shell } from './zh/shell';
import { zh as tour } from './zh/tour';
import { zh as upload } from './zh/upload';

export const ZH = { ...shell, ...layers, ...coverage, ...about, ...nearby, ...planner, ...population, ...share, ...tour, ...upload };
