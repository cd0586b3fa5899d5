/**
 * Every string the UI shows, per language; components look strings up, none are inlined.
 * One catalogue per feature, in this folder; each declares its Chinese strings and types its
 * English ones against them, so a key missing in either language fails the type check.
 * Placeholders in {braces} are filled by `t(lang, key, {name: value})`.
 */
import * as about from './about';
import * as coverage from './coverage';
import * as layers from './layers';
import * as nearby from './nearby';
import * as planner from './planner';
import * as population from './population';
import * as share from './share';
import * as shell from './shell';
import * as tour from './tour';
import * as upload from './upload';

const zh = { ...shell.zh, ...layers.zh, ...coverage.zh, ...about.zh, ...nearby.zh, ...planner.zh, ...population.zh, ...share.zh, ...tour.zh, ...upload.zh };

export type MessageKey = keyof typeof zh;
type Catalogue = Record<MessageKey, string>;

const en: Catalogue = {
  ...shell.en,
  ...layers.en,
  ...coverage.en,
  ...about.en,
  ...nearby.en,
  ...planner.en,
  ...population.en,
  ...share.en,
  ...tour.en,
  ...upload.en,
};

export const MESSAGES: Record<'zh' | 'en', Catalogue> = { zh, en };
export type Lang = keyof typeof MESSAGES;

export function t(lang: Lang, key: MessageKey, vars?: Record<string, string | number>): string {
  let s: string = MESSAGES[lang][key] ?? key;
  if (vars) for (const [k, v] of Object.entries(vars)) s = s.replaceAll(`{${k}}`, String(v));
  return s;
}
