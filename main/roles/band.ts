// The pay band for a level, city, engagement and premium factors, computed from the guides'
// figures only. It shows its arithmetic and its sources; where the guides give no figure it
// says so rather than filling the gap. When the guides give different figures for the same
// premium, each guide gets its own total: they are never averaged.
import {
  engagementNames,
  premiumFactorNames,
  type Band,
  type BandInput,
  type BandLine,
  type BandNote,
  type BandSection,
  type BandUnit,
  type CitedSource,
  type MarketCity,
  type MarketData,
  type MarketDataRef,
  type PremiumFactor,
  type RoleLevel,
} from '../../contract/market.ts';
import { formatAmount, formatRange } from '../../contract/market.ts';
import { resolveCity } from './market.ts';

interface Citation {
  source: string;
  quote: string;
  citedAs?: string | undefined;
}

type Premium = MarketData['premiums'][number];

function percentSpan(low: number, high: number): string {
  return low === high ? `${low}%` : `${low}–${high}%`;
}

function moneySpan(low: number, high: number): string {
  return low === high ? formatAmount(low, 'usd-year') : `${formatAmount(low, 'usd-year')}–${formatAmount(high, 'usd-year')}`;
}

function levelName(level: RoleLevel): string {
  return level === 'mid' ? 'mid-level' : level;
}

export function computeBand(input: BandInput, market: MarketData, marketRef: MarketDataRef): Band {
  const city = resolveCity(market, input.city);
  const factors = [...new Set(input.factors)];
  const cite = (figure: Citation): CitedSource => {
    const source = market.sources.find((candidate) => candidate.id === figure.source);
    // The schema refuses market data whose figures name an unknown source.
    if (!source) throw new Error(`market data: unknown source ${figure.source}`);
    return {
      id: source.id,
      title: source.title,
      publisher: source.publisher,
      month: source.month,
      quote: figure.quote,
      ...(figure.citedAs === undefined ? {} : { citedAs: figure.citedAs }),
    };
  };
  const publisherOf = (sourceId: string) => market.sources.find((source) => source.id === sourceId)?.publisher ?? sourceId;

  const salary = (title: string): BandSection => salarySection(market, city, input.level, factors, title, cite, publisherOf);
  const dayRate = (engagement: 'w2' | 'c2c'): BandSection =>
    dayRateSection(market, city, input.level, engagement, factors, cite, publisherOf);
  let sections: BandSection[];
  switch (input.engagement) {
    case 'direct':
      sections = [salary('Salary (direct hire)')];
      break;
    case 'w2':
      sections = [dayRate('w2')];
      break;
    case 'c2c':
      sections = [dayRate('c2c')];
      break;
    case 'contract-to-hire':
      sections = [dayRate('w2'), dayRate('c2c'), salary('Salary after conversion')];
      break;
    default: {
      const unknown: never = input.engagement;
      throw new Error(`unknown engagement ${String(unknown)}`);
    }
  }

  const context: BandLine[] = [];
  const gaps: string[] = [];
  const notes: BandNote[] = [];
  const median = market.cityMedianTotalComp.find((figure) => figure.city === city.id);
  if (median) {
    context.push(line(`Median MLOps total comp in ${city.name}`, median.value, median.value, 'usd-year', 'as reported', [cite(median)]));
  } else {
    gaps.push(`The guides give no median total comp for ${city.name}.`);
  }
  if (city.isRemote) {
    notes.push({ text: 'Remote roles are paid at the national figure, not at a discount.', sources: [cite(market.remoteRate)] });
  }

  const closing = market.closing.map((figure) => line(figure.label, figure.low, figure.high, figure.unit, 'as reported', [cite(figure)]));
  const cited = [...sections.flatMap((section) => [section.base, ...section.totals, ...section.context]), ...context, ...closing]
    .filter((entry): entry is BandLine => entry !== null)
    .flatMap((entry) => entry.sources)
    .concat(notes.flatMap((note) => note.sources));
  const usedSources = new Set(cited.map((source) => source.id));
  return {
    input: { ...input, city: city.id, factors },
    cityName: city.name,
    marketData: marketRef,
    sections,
    context,
    closing,
    gaps,
    notes,
    sources: market.sources.filter((source) => usedSources.has(source.id)),
  };
}

function line(label: string, low: number, high: number, unit: BandUnit, arithmetic: string, sources: CitedSource[]): BandLine {
  return { label, low, high, unit, arithmetic, sources };
}

type Cite = (figure: Citation) => CitedSource;

function salarySection(
  market: MarketData,
  city: MarketCity,
  level: RoleLevel,
  factors: PremiumFactor[],
  title: string,
  cite: Cite,
  publisherOf: (sourceId: string) => string,
): BandSection {
  const gaps: string[] = [];
  const context: BandLine[] = [];
  let column = city.baseColumn;
  if (column === null) {
    gaps.push(`The guides give no base salary for ${city.name} of its own; the U.S. national figure is used.`);
    column = 'national';
  }
  const columnName = column === 'metro' ? 'Bay Area / NYC / Seattle' : 'U.S. national';
  const figure = market.baseSalary.find((candidate) => candidate.level === level && candidate.column === column);
  let base: BandLine | null = null;
  if (figure) {
    base = line(`Base salary, ${levelName(level)}, ${columnName}`, figure.low, figure.high, 'usd-year', 'as reported', [cite(figure)]);
  } else {
    gaps.push(`The guides give no base salary for ${levelName(level)} MLOps engineers.`);
  }

  const premiums = market.premiums.filter((premium) => premium.appliesTo === 'salary' && factors.includes(premium.factor));
  for (const factor of factors) {
    if (!premiums.some((premium) => premium.factor === factor)) {
      gaps.push(`The guides give no salary premium for ${premiumFactorNames[factor]}.`);
    }
  }
  const totals = base === null ? [] : premiumTotals(base, premiums, [], cite, publisherOf);

  const totalComp = market.totalComp.find((candidate) => candidate.level === level);
  if (totalComp) {
    context.push(
      line(`Typical total comp, ${levelName(level)}, equity included`, totalComp.low, totalComp.high, 'usd-year', 'as reported', [cite(totalComp)]),
    );
  }
  const equivalent = market.contractBaseEquivalent.find((candidate) => candidate.level === level);
  if (equivalent) {
    context.push(
      line(`Contract base equivalent, ${levelName(level)}, outside SF/NYC`, equivalent.low, equivalent.high, 'usd-year', 'as reported', [
        cite(equivalent),
      ]),
    );
  }
  for (const note of market.context) {
    const isForLevel =
      (note.id === 'zone1-mid-base' && level === 'mid') ||
      (note.id === 'zone1-senior-base' && level === 'senior') ||
      note.id === 'devops-band-set-too-high' ||
      (note.id === 'sf-lab-total-comp' && city.id === 'bay-area');
    if (isForLevel) context.push(line(note.label, note.low, note.high, note.unit, 'as reported', [cite(note)]));
  }
  return { kind: 'salary', title, base, totals, context, gaps };
}

function dayRateSection(
  market: MarketData,
  city: MarketCity,
  level: RoleLevel,
  engagement: 'w2' | 'c2c',
  factors: PremiumFactor[],
  cite: Cite,
  publisherOf: (sourceId: string) => string,
): BandSection {
  const gaps: string[] = [];
  const context: BandLine[] = [];
  const title = `Day rate (${engagementNames[engagement]})`;
  const exact = market.dayRates.find((candidate) => candidate.level === level && candidate.engagement === engagement);
  const unspecified = market.dayRates.find((candidate) => candidate.level === level && candidate.engagement === 'any');
  const figure = exact ?? unspecified;
  let base: BandLine | null = null;
  if (figure) {
    base = line(`Day rate, ${levelName(level)}, ${engagementNames[engagement]}, U.S.`, figure.low, figure.high, 'usd-day', 'as reported', [cite(figure)]);
    if (!exact) gaps.push(`The guide gives the ${levelName(level)} day rate without saying W2 or corp-to-corp; it is shown for both.`);
  } else {
    gaps.push(`The guides give no ${engagementNames[engagement]} day rate for ${levelName(level)} contractors.`);
  }

  const cityPremium = market.cityDayRatePremium;
  const hasCityPremium = cityPremium.cities.includes(city.id);
  if (!hasCityPremium && !city.isRemote && city.baseColumn !== 'national') {
    gaps.push(`The guides give no day rate for ${city.name} of its own; the U.S. figure is used, without the SF/NYC premium.`);
  }
  const cityStep: Step[] = hasCityPremium
    ? [{ kind: 'percent', low: cityPremium.lowPercent, high: cityPremium.highPercent, name: 'SF/NYC', citation: cityPremium }]
    : [];

  const premiums = market.premiums.filter((premium) => premium.appliesTo === 'day-rate' && factors.includes(premium.factor));
  for (const factor of factors) {
    if (premiums.some((premium) => premium.factor === factor)) continue;
    const salaryFigures = market.premiums.filter((premium) => premium.appliesTo === 'salary' && premium.factor === factor);
    const elsewhere = salaryFigures.map((premium) => `${publisherOf(premium.source)} gives ${premiumSize(premium)} on salaries`).join('; ');
    gaps.push(
      `The guides give no day-rate premium for ${premiumFactorNames[factor]}${elsewhere === '' ? '' : ` (${elsewhere}; not applied to day rates)`}.`,
    );
  }
  const totals = base === null ? [] : premiumTotals(base, premiums, cityStep, cite, publisherOf);

  for (const note of market.context) {
    if (note.id === 'mlops-over-devops-day-rate' || note.id === 'specialist-hourly') {
      context.push(line(note.label, note.low, note.high, note.unit, 'as reported', [cite(note)]));
    }
  }
  return { kind: engagement === 'w2' ? 'day-rate-w2' : 'day-rate-c2c', title, base, totals, context, gaps };
}

function premiumSize(premium: Premium): string {
  return premium.kind === 'percent' ? `+${percentSpan(premium.low, premium.high)}` : `+${moneySpan(premium.low, premium.high)}`;
}

interface Step {
  kind: 'percent' | 'amount';
  low: number;
  high: number;
  name: string;
  citation: Citation;
}

/**
 * One total per guide: each guide's own figure for every premium it prices, and for a
 * premium only the other guide prices, that guide's figure (so every factor is counted
 * once). Percentages add up, as the guides word them ("add 8 to 12 percent … and another
 * 5 percent"); amounts are added after.
 */
function premiumTotals(
  base: BandLine,
  premiums: Premium[],
  fixedSteps: Step[],
  cite: Cite,
  publisherOf: (sourceId: string) => string,
): BandLine[] {
  if (premiums.length === 0 && fixedSteps.length === 0) return [];
  const toStep = (premium: Premium): Step => ({
    kind: premium.kind,
    low: premium.low,
    high: premium.high,
    name: premiumFactorNames[premium.factor],
    citation: premium,
  });
  const factors = [...new Set(premiums.map((premium) => premium.factor))];
  const guides = [...new Set(premiums.map((premium) => premium.source))];
  const paths: Array<{ guide: string | null; steps: Step[] }> =
    guides.length <= 1
      ? [{ guide: null, steps: [...fixedSteps, ...premiums.map(toStep)] }]
      : guides.map((guide) => ({
          guide,
          steps: [
            ...fixedSteps,
            ...factors.map((factor) => {
              const own = premiums.find((premium) => premium.factor === factor && premium.source === guide);
              return toStep(own ?? premiums.find((premium) => premium.factor === factor)!);
            }),
          ],
        }));

  const seen = new Set<string>();
  const totals: BandLine[] = [];
  for (const path of paths) {
    const key = path.steps.map((step) => `${step.citation.source}:${step.name}:${step.kind}`).join('|');
    if (seen.has(key)) continue;
    seen.add(key);
    totals.push(applySteps(base, path.steps, path.guide === null ? null : publisherOf(path.guide), cite));
  }
  return totals;
}

function applySteps(base: BandLine, steps: Step[], guideName: string | null, cite: Cite): BandLine {
  const percents = steps.filter((step) => step.kind === 'percent');
  const amounts = steps.filter((step) => step.kind === 'amount');
  const percentLow = percents.reduce((sum, step) => sum + step.low, 0);
  const percentHigh = percents.reduce((sum, step) => sum + step.high, 0);
  const amountLow = amounts.reduce((sum, step) => sum + step.low, 0);
  const amountHigh = amounts.reduce((sum, step) => sum + step.high, 0);
  const low = base.low * (1 + percentLow / 100) + amountLow;
  const high = base.high * (1 + percentHigh / 100) + amountHigh;

  let arithmetic = formatRange(base.low, base.high, base.unit);
  if (percents.length > 0) {
    arithmetic += ` × (1 + ${percents.map((step) => `${percentSpan(step.low, step.high)} ${step.name}`).join(' + ')})`;
  }
  for (const step of amounts) arithmetic += ` + ${moneySpan(step.low, step.high)} ${step.name}`;
  arithmetic += ` = ${formatRange(low, high, base.unit)}`;

  const label = guideName === null ? `${base.label}, with premiums` : `${base.label}, with ${guideName}'s premiums`;
  const sources = [...base.sources, ...steps.map((step) => cite(step.citation))];
  return line(label, Math.round(low), Math.round(high), base.unit, arithmetic, sources);
}
