/**
 * What the Data tab leads with: what the data's approximations mean for the rates, each figure
 * from the data or the analysis as the page has it (the same inventory and built-up land the
 * Coverage tab quotes), and how a planner should quote a rate. Rendered by <jb-about>.
 */
import { html, nothing } from 'lit';
import type { Coverage, Tier } from '../api';
import { type Lang, type MessageKey, t } from '../content/messages';
import { formatNumber } from '../geo';
import type { DataFacts, SchematicLayer } from '../state/data-facts';
import type { Inventory } from '../state/inventory';

export interface LeadFacts {
  inventory?: Inventory;
  /** The built-up land's area and confidence, as the Coverage tab quotes them. */
  builtup?: { km2: number; confidence: string };
  facts?: DataFacts;
  /** Today's rates, for the example of how to quote one. */
  coverage?: Coverage;
  /** The tier the page shows, whose rate the example quotes. */
  tier: Tier;
  /** Layer titles by id, in the page's language (the geodata's). */
  titles: ReadonlyMap<string, string>;
  /** Whether the built-up land is shown on the map. */
  builtupShown: boolean;
  toggleBuiltup(on: boolean): void;
}

const CONFIDENCE = ['high', 'medium', 'low'] as const;
const confidence = (lang: Lang, c: string) => ((CONFIDENCE as readonly string[]).includes(c) ? t(lang, `confidence_${c as 'low'}`) : c);
const km = (m: number, lang: Lang) => formatNumber(m / 1000, lang, m % 1000 === 0 ? 0 : 1);
const KNOWN = new Set(['zones', 'cores', 'belt']);

function schematicLine(lang: Lang, layers: SchematicLayer[], titles: ReadonlyMap<string, string>) {
  const parts = layers.map((s) =>
    KNOWN.has(s.layer)
      ? t(lang, `schematic_${s.layer as 'zones'}`, { n: s.count })
      : t(lang, 'schematicOther', { title: titles.get(s.layer) ?? s.layer, n: s.count }),
  );
  const list = lang === 'zh' ? parts.join('、') : parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : parts.join('');
  const error = layers
    .filter((s) => s.errorM)
    .map((s) => {
      const { min, max } = s.errorM!;
      const what = KNOWN.has(s.layer) ? t(lang, `schematicNoun_${s.layer as 'zones'}`) : (titles.get(s.layer) ?? s.layer);
      return t(lang, 'leadSchematicError', { what, range: min === max ? km(max, lang) : `${km(min, lang)}–${km(max, lang)}` });
    })
    .join('');
  return t(lang, 'leadSchematic', { list, error });
}

export function renderLead(lang: Lang, x: LeadFacts) {
  const { inventory: inv, builtup: b, facts } = x;
  if (!inv || !b || !facts) return nothing;
  const { high, medium, low } = inv.confidence;
  const { approximate, method } = facts.builtup;
  const uncertain = medium + low;
  const rate = x.coverage?.tiers.find((r) => r.tier === x.tier);
  const item = (fact: string, label: MessageKey, body: unknown) => html`<li data-fact=${fact}><strong>${t(lang, label)}</strong> ${body}</li>`;
  return html`<section class="lead" aria-labelledby="lead-title">
    <h3 id="lead-title">${t(lang, 'leadTitle')}</h3>
    <ul>
      ${item(
        'builtup',
        'leadBuiltupLabel',
        html`${t(lang, approximate ? 'leadBuiltupApprox' : 'leadBuiltupExact', { km2: formatNumber(b.km2, lang, 1), conf: confidence(lang, b.confidence) })}
          <button class="show-builtup" aria-pressed=${x.builtupShown ? 'true' : 'false'} @click=${() => x.toggleBuiltup(!x.builtupShown)}>
            ${t(lang, x.builtupShown ? 'leadHideBuiltup' : 'leadShowBuiltup')}</button>
          ${method ? html`<details><summary>${t(lang, 'leadBuiltupHow')}</summary><p>${method[lang]}</p></details>` : nothing}`,
      )}
      ${item(
        'sites',
        'leadSitesLabel',
        html`${t(lang, 'leadSites', { sites: inv.tiers.leisure + inv.tiers.garden + inv.tiers.park, high, medium, low })}
          ${uncertain ? t(lang, facts.uncertainSiteErrorM ? 'leadSitesUncertain' : 'leadSitesUncertainNoError', { n: uncertain, m: facts.uncertainSiteErrorM }) : nothing}`,
      )}
      ${facts.schematic.length ? item('schematic', 'leadSchematicLabel', schematicLine(lang, facts.schematic, x.titles)) : nothing}
      ${item('distance', 'leadDistanceLabel', t(lang, 'leadDistance', { bridges: facts.walkableBridges }))}
      ${item(
        'quote',
        'leadQuoteLabel',
        html`${
          rate
            ? html`${t(lang, 'leadQuote')}
              <span class="example" data-pct=${Math.round(rate.coverage_pct)}>${t(lang, 'leadQuoteExample', {
                mode: t(lang, `quoteMode_${x.coverage!.mode}`),
                pct: Math.round(rate.coverage_pct),
                tier: t(lang, `quoteTier_${rate.tier}`),
                radius: rate.radius_m,
                basis: approximate ? t(lang, 'leadQuoteBasis') : '',
              })}</span>`
            : nothing
        }
          ${t(lang, 'leadQuoteCaution')}`,
      )}
    </ul>
  </section>`;
}
