/** The Plan tab's table of people served, today against the scenario (shown with a population loaded). */
import { html } from 'lit';
import { TIERS } from '../../domain/tiers';
import type { Coverage } from '../api';
import { type Lang, t } from '../content/messages';
import { formatDelta, formatNumber } from '../geo';

export function peopleChange(lang: Lang, r: Coverage, b: Coverage) {
  return html`<h3>${t(lang, 'planPeopleTitle')}</h3>
    <table class="people-diff">
      <thead><tr><th>${t(lang, 'tierCol')}</th><th>${t(lang, 'planBaseline')}</th><th>${t(lang, 'planScenarioCol')}</th><th>${t(lang, 'planChange')}</th><th>${t(lang, 'planPeopleServed')}</th></tr></thead>
      <tbody>
        ${TIERS.map((tier) => {
          const now = r.tiers.find((x) => x.tier === tier);
          const before = b.tiers.find((x) => x.tier === tier);
          if (now?.people_pct === undefined || before?.people_pct === undefined) return null;
          const d = now.people_pct - before.people_pct;
          return html`<tr data-tier=${tier} data-people=${now.people_covered ?? 0} data-people-before=${before.people_covered ?? 0}>
            <td>${now.radius_m} m</td>
            <td>${formatNumber(before.people_pct, lang)}%</td>
            <td class="rate">${formatNumber(now.people_pct, lang)}%</td>
            <td class=${d > 0.05 ? 'up' : d < -0.05 ? 'down' : ''}>${t(lang, 'ppValue', { v: formatDelta(d, lang, 1) })}</td>
            <td>${t(lang, 'peopleValue', { n: formatNumber((now.people_covered ?? 0) - (before.people_covered ?? 0), lang, 0) })}</td>
          </tr>`;
        })}
      </tbody>
    </table>`;
}
