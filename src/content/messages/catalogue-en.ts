/** Every feature's English strings: one chunk, loaded when the page shows English (see ./index.ts); the strings themselves are in ./en/, one file per feature, typed against ./zh/. */
import type { Catalogue } from '.';
import { en as about } from './en/about';
import { en as coverage } from './en/coverage';
import { en as layers } from './en/layers';
import { en as nearby } from './en/nearby';
import { en as planner } from './en/planner';
import { en as population } from './en/population';
import { en as share } from './en/share';
import { en as shell } from './en/shell';
import { en as tour } from './en/tour';
import { en as upload } from './en/upload';

export const EN: Catalogue = { ...shell, ...layers, ...coverage, ...about, ...nearby, ...planner, ...population, ...share, ...tour, ...upload };
