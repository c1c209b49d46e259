// Market data (resources/market.json, or a recruiter's versioned copy in the store) and the
// pay band computed from it. Every figure carries the guide it comes from and the line it
// was read from, so the band can show its sources and a test can find each figure in the guide.
import { z } from 'zod';

export const roleLevels = ['junior', 'mid', 'senior', 'staff'] as const;
export type RoleLevel = (typeof roleLevels)[number];

export const engagements = ['direct', 'w2', 'c2c', 'contract-to-hire'] as const;
export type Engagement = (typeof engagements)[number];

export const engagementNames: Record<Engagement, string> = {
  direct: 'direct hire',
  w2: 'W2 contract',
  c2c: 'corp-to-corp contract',
  'contract-to-hire': 'contract-to-hire',
};

export const premiumFactors = ['llm', 'clearance', 'streaming'] as const;
export type PremiumFactor = (typeof premiumFactors)[number];

export const premiumFactorNames: Record<PremiumFactor, string> = {
  llm: 'LLM serving at scale',
  clearance: 'TS/SCI clearance',
  streaming: 'retraining on streaming data',
};

const sourceId = z.string().regex(/^[a-z0-9-]{2,40}$/);
const money = z.number().int().min(0).max(10_000_000);
const percent = z.number().min(0).max(500);

/** Where a figure was read: the guide, the exact words of its line, and who the guide credits. */
const citation = {
  source: sourceId,
  /** Verbatim words of the guide's line (a test finds them in ../shared/seeds/). */
  quote: z.string().min(5).max(600),
  /** Whom the guide credits for the figure, when it credits someone else ("KORE1, Apr 2026"). */
  citedAs: z.string().max(80).optional(),
};

export const marketSourceSchema = z
  .object({
    id: sourceId,
    title: z.string().min(5).max(200),
    publisher: z.string().min(2).max(80),
    author: z.string().max(80).optional(),
    /** Publication month, YYYY-MM. */
    month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
  })
  .strict();
export type MarketSource = z.infer<typeof marketSourceSchema>;

export const cityIdSchema = z.string().regex(/^[a-z][a-z-]{1,40}$/);

export const marketCitySchema = z
  .object({
    id: cityIdSchema,
    name: z.string().min(2).max(80),
    /** Other spellings accepted on input (lowercase, dashes for spaces). */
    aliases: z.array(z.string().regex(/^[a-z][a-z-]{0,40}$/)).max(10),
    /** Words that place a candidate's free-text location in this market. */
    locationWords: z.array(z.string().min(2).max(40)).max(20),
    /** Which base-salary column the guides give for this city; null when they give none of their own. */
    baseColumn: z.enum(['national', 'metro']).nullable(),
    isRemote: z.boolean().default(false),
  })
  .strict();
export type MarketCity = z.infer<typeof marketCitySchema>;

const baseSalarySchema = z
  .object({ level: z.enum(roleLevels), column: z.enum(['national', 'metro']), low: money, high: money, ...citation })
  .strict();
const levelRangeSchema = z.object({ level: z.enum(roleLevels), low: money, high: money, ...citation }).strict();
const dayRateSchema = z
  .object({
    level: z.enum(roleLevels),
    /** 'any' when the guide gives the rate without saying W2 or corp-to-corp. */
    engagement: z.enum(['w2', 'c2c', 'any']),
    low: money,
    high: money,
    ...citation,
  })
  .strict();
const cityMedianSchema = z.object({ city: cityIdSchema, value: money, ...citation }).strict();
const premiumSchema = z
  .object({
    factor: z.enum(premiumFactors),
    kind: z.enum(['percent', 'amount']),
    /** The pay the guide adds it to: a salary (base) or a contractor's day rate. */
    appliesTo: z.enum(['salary', 'day-rate']),
    low: z.number().min(0),
    high: z.number().min(0),
    ...citation,
  })
  .strict();
const noteFigureSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]{2,60}$/),
    /** Our own words for what the figure is. */
    label: z.string().min(3).max(200),
    unit: z.enum(['usd-year', 'usd-day', 'usd-hour', 'percent', 'hours', 'days', 'business-days']),
    low: z.number().min(0),
    high: z.number().min(0),
    ...citation,
  })
  .strict();
export type NoteFigure = z.infer<typeof noteFigureSchema>;

export const marketDataSchema = z
  .object({
    version: z.number().int().min(1),
    label: z.string().min(3).max(200),
    sources: z.array(marketSourceSchema).min(1),
    cities: z.array(marketCitySchema).min(1),
    baseSalary: z.array(baseSalarySchema),
    totalComp: z.array(levelRangeSchema),
    contractBaseEquivalent: z.array(levelRangeSchema),
    dayRates: z.array(dayRateSchema),
    /** Day-rate premium for cities the guide names (SF and NYC). */
    cityDayRatePremium: z
      .object({ cities: z.array(cityIdSchema).min(1), lowPercent: percent, highPercent: percent, ...citation })
      .strict(),
    cityMedianTotalComp: z.array(cityMedianSchema),
    /** The guide's rule for remote roles (they are paid at the national figure). */
    remoteRate: z.object(citation).strict(),
    premiums: z.array(premiumSchema),
    /** Figures that bear on the band without entering its arithmetic. */
    context: z.array(noteFigureSchema),
    /** Figures that bear on closing the offer. */
    closing: z.array(noteFigureSchema),
  })
  .strict()
  .superRefine((data, issue) => {
    const sources = new Set(data.sources.map((source) => source.id));
    const cities = new Set(data.cities.map((city) => city.id));
    const check = (path: string, ok: boolean, message: string) => {
      if (!ok) issue.addIssue({ code: 'custom', path: [path], message });
    };
    const cited = [
      ...data.baseSalary,
      ...data.totalComp,
      ...data.contractBaseEquivalent,
      ...data.dayRates,
      data.cityDayRatePremium,
      data.remoteRate,
      ...data.cityMedianTotalComp,
      ...data.premiums,
      ...data.context,
      ...data.closing,
    ];
    for (const figure of cited) check('sources', sources.has(figure.source), `unknown source "${figure.source}"`);
    for (const median of data.cityMedianTotalComp) check('cityMedianTotalComp', cities.has(median.city), `unknown city "${median.city}"`);
    for (const city of data.cityDayRatePremium.cities) check('cityDayRatePremium', cities.has(city), `unknown city "${city}"`);
    for (const figure of [...data.baseSalary, ...data.totalComp, ...data.dayRates, ...data.premiums, ...data.context, ...data.closing]) {
      check('figures', figure.low <= figure.high, `a range runs backwards (${figure.low} > ${figure.high}): "${figure.quote}"`);
    }
    const names = new Set<string>();
    for (const city of data.cities) {
      for (const name of [city.id, ...city.aliases]) {
        check('cities', !names.has(name), `city name "${name}" is used twice`);
        names.add(name);
      }
    }
  });
export type MarketData = z.infer<typeof marketDataSchema>;

/** Which market data a band used. */
export interface MarketDataRef {
  /** 'bundled' for resources/market.json; otherwise the version number of the recruiter's copy in the store. */
  origin: 'bundled' | 'store';
  version: number;
  label: string;
}

export interface BandInput {
  level: RoleLevel;
  city: string;
  engagement: Engagement;
  factors: PremiumFactor[];
}

export interface CitedSource {
  id: string;
  title: string;
  publisher: string;
  month: string;
  quote: string;
  citedAs?: string;
}

export type BandUnit = 'usd-year' | 'usd-day' | 'usd-hour' | 'percent' | 'hours' | 'days' | 'business-days';

export interface BandLine {
  label: string;
  low: number;
  high: number;
  unit: BandUnit;
  /** How the figure was reached, in words and numbers ("$1,250–1,750/day × (1 + 11–16%) = …"). */
  arithmetic: string;
  sources: CitedSource[];
}

export interface BandNote {
  text: string;
  sources: CitedSource[];
}

export interface BandSection {
  /** 'salary' (direct hire, or after conversion) or a contract day rate. */
  kind: 'salary' | 'day-rate-w2' | 'day-rate-c2c';
  title: string;
  /** The guides' figure for level and city before premiums; null when they give none. */
  base: BandLine | null;
  /** One total per guide whose premiums apply: the guides are never averaged. */
  totals: BandLine[];
  /** Guide figures that bear on this section without entering its arithmetic. */
  context: BandLine[];
  /** What the guides do not cover for this input, said plainly. */
  gaps: string[];
}

export interface Band {
  input: BandInput;
  cityName: string;
  marketData: MarketDataRef;
  sections: BandSection[];
  /** City-level figures: the city's median total comp, the remote rule. */
  context: BandLine[];
  closing: BandLine[];
  gaps: string[];
  /** Rules the guides state that shape the band (remote roles paid at the national figure). */
  notes: BandNote[];
  /** Every source the band cites, once. */
  sources: MarketSource[];
}

const unitSuffix: Record<BandUnit, string> = {
  'usd-year': '/year',
  'usd-day': '/day',
  'usd-hour': '/hour',
  percent: '%',
  hours: ' hours',
  days: ' days',
  'business-days': ' business days',
};

export function formatAmount(value: number, unit: BandUnit): string {
  const rounded = Math.round(value);
  return unit.startsWith('usd') ? `$${rounded.toLocaleString('en-US')}` : rounded.toLocaleString('en-US');
}

/** "$1,250–$1,750/day", "25–40%", "48 hours". */
export function formatRange(low: number, high: number, unit: BandUnit): string {
  const span = low === high ? formatAmount(low, unit) : `${formatAmount(low, unit)}–${formatAmount(high, unit)}`;
  return `${span}${unitSuffix[unit]}`;
}

