/**
 * Every string the UI shows, per language; components look strings up, none are inlined.
 * One catalogue per feature, in this folder; each declares its Chinese strings and types its
 * English ones against them, so a key missing in either language fails the type check.
 * Placeholders in {braces} are filled by `t(lang, key, {name: value})`.
 *
 * Chinese, the page's first language, is in the first bundle; English is a chunk of its own
 * (./catalogue-en.ts) that `loadMessages` brings in before anything is rendered in it. (Chinese
 * as a chunk too measured slower: the panel then rendered while the map drew, ~0.1× the
 * map-ready time.) The shell's strings (title, loading, the map's credit) are in both.
 * Strings only a lazily loaded element shows (the Data tab's, the info card's: ./zh/data-tab.ts,
 * ./zh/card.ts) come in that element's chunk, in both languages, handed over by `addMessages`.
 */
import { ZH } from './catalogue-zh';
import { en as shellEn } from './en/shell';
import type { zh as Card } from './zh/card';
import type { zh as DataTab } from './zh/data-tab';
import { zh as shellZh } from './zh/shell';

/** A language's strings as its chunk brings them. */
export type Catalogue = Record<keyof typeof ZH, string>;
/** Strings only a lazily loaded element shows: they come with its chunk (`addMessages`), not with the language's. */
type Later = keyof typeof DataTab | keyof typeof Card;
export type MessageKey = keyof typeof ZH | Later;
export type Lang = 'zh' | 'en';

const catalogues: Partial<Record<Lang, Catalogue>> = { zh: ZH };
/** The strings shown before English is in (both languages, in the first bundle). */
const SHELL: Record<Lang, Partial<Catalogue>> = { zh: shellZh, en: shellEn };
const later: Record<Lang, Partial<Record<Later, string>>> = { zh: {}, en: {} };

/** A lazily loaded element's own strings, in both languages, handed over as its chunk loads. */
export function addMessages(strings: Record<Lang, Partial<Record<Later, string>>>) {
  Object.assign(later.zh, strings.zh);
  Object.assign(later.en, strings.en);
}
const loads = new Map<Lang, Promise<void>>();

/** Brings in a language's strings (once); `t` in that language is complete when it resolves. */
export function loadMessages(lang: Lang): Promise<void> {
  let load = loads.get(lang);
  if (!load) {
    load = (lang === 'zh' ? Promise.resolve(ZH) : import('./catalogue-en').then((m) => m.EN)).then((c) => {
      catalogues[lang] = c;
    });
    // A failed fetch (offline, a new deploy) may be tried again.
    load.catch(() => loads.delete(lang));
    loads.set(lang, load);
  }
  return load;
}

export const messagesLoaded = (lang: Lang): boolean => catalogues[lang] !== undefined;

/** Whether `key` names a string of the language's chunk (for keys built at run time). */
export const hasMessage = (lang: Lang, key: string): key is MessageKey => key in (catalogues[lang] ?? SHELL[lang]);

export function t(lang: Lang, key: MessageKey, vars?: Record<string, string | number>): string {
  const k = key as keyof Catalogue & Later;
  let s: string = catalogues[lang]?.[k] ?? later[lang][k] ?? SHELL[lang][k] ?? key;
  if (vars) for (const [k, v] of Object.entries(vars)) s = s.replaceAll(`{${k}}`, String(v));
  return s;
}
