/** An upload's problems in the page's language: features counted from 1, named when they have a name. */

import type { ProblemAt, UploadFailure } from '../state/upload';
import { type Lang, type MessageKey, t } from './messages';

export function problemText(lang: Lang, { index, name, problem }: ProblemAt): string {
  const { code, ...values } = problem;
  return t(lang, 'upFeature', {
    n: index + 1,
    name: name ? t(lang, 'upFeatureName', { name }) : '',
    problem: t(lang, `up-${code}` as MessageKey, values as Record<string, string | number>),
  });
}

export const failureText = (lang: Lang, f: { reason: UploadFailure; detail?: string }) =>
  t(lang, `upFail-${f.reason}` as MessageKey, { detail: f.detail ?? '' });

/** "1 feature", "5 features" (Chinese has one form). */
export const features = (lang: Lang, n: number) => `${n} ${t(lang, n === 1 ? 'upFeatureOne' : 'upFeatureMany')}`;
