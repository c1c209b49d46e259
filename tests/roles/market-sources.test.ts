// Every figure in resources/market.json must be a line of one of the two guides in
// ../shared/seeds/: its quote is found verbatim in the guide it names, and each of its
// numbers is written in that quote. Outside CI a checkout without ../shared skips; in CI it fails.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { marketDataSchema } from '../../contract/market.ts';
import bundledMarket from '../../resources/market.json' with { type: 'json' };
import { numbersInQuote } from './quote-numbers.ts';

const seedsDir = fileURLToPath(new URL('../../../shared/seeds/', import.meta.url));
const hasSeeds = existsSync(seedsDir);
if (!hasSeeds && process.env.CI) throw new Error(`The guides are missing: ${seedsDir} must exist in CI.`);

const collapse = (text: string) => text.replace(/\s+/g, ' ');

interface Cited {
  source: string;
  quote: string;
  numbers: number[];
  where: string;
}

/** Each quoted figure with the numbers the band takes from it. */
function citedFigures(): Cited[] {
  const market = marketDataSchema.parse(bundledMarket);
  const figures: Cited[] = [];
  const add = (where: string, figure: { source: string; quote: string }, numbers: number[]) =>
    figures.push({ where, source: figure.source, quote: figure.quote, numbers });
  for (const f of market.baseSalary) add(`baseSalary ${f.level} ${f.column}`, f, [f.low, f.high]);
  for (const f of market.totalComp) add(`totalComp ${f.level}`, f, [f.low, f.high]);
  for (const f of market.contractBaseEquivalent) add(`contractBaseEquivalent ${f.level}`, f, [f.low, f.high]);
  for (const f of market.dayRates) add(`dayRates ${f.level} ${f.engagement}`, f, [f.low, f.high]);
  const city = market.cityDayRatePremium;
  add('cityDayRatePremium', city, [city.lowPercent, city.highPercent]);
  add('remoteRate', market.remoteRate, []);
  for (const f of market.cityMedianTotalComp) add(`cityMedianTotalComp ${f.city}`, f, [f.value]);
  for (const f of market.premiums) add(`premiums ${f.factor} ${f.kind} ${f.appliesTo}`, f, [f.low, f.high]);
  for (const f of [...market.context, ...market.closing]) add(f.id, f, [f.low, f.high]);
  return figures;
}

describe.skipIf(!hasSeeds)('market data traces to the guides', () => {
  const market = marketDataSchema.parse(bundledMarket);
  const guides = new Map(
    market.sources.map((source) => {
      const file = readdirSync(seedsDir).find((name) => readFileSync(`${seedsDir}${name}`, 'utf8').slice(0, 500).includes(source.title));
      return [source.id, file === undefined ? null : collapse(readFileSync(`${seedsDir}${file}`, 'utf8'))] as const;
    }),
  );

  it('finds each source guide by its title', () => {
    for (const [id, text] of guides) expect(text, `no guide in ../shared/seeds titled as source ${id}`).not.toBeNull();
  });

  it.each(citedFigures().map((figure) => [figure.where, figure] as const))('%s: quote is in its guide and holds its numbers', (_where, figure) => {
    const guide = guides.get(figure.source);
    expect(guide, `source ${figure.source}`).toBeTruthy();
    expect(guide).toContain(collapse(figure.quote));
    const written = numbersInQuote(figure.quote);
    for (const number of figure.numbers) expect(written, `${number} is not written in "${figure.quote}"`).toContain(number);
  });
});
