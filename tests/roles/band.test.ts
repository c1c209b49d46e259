import { describe, expect, it } from 'vitest';
import { computeBand } from '../../main/roles/band.ts';
import { bundledMarketData, bundledMarketRef, cityOfLocation, resolveCity } from '../../main/roles/market.ts';
import { marketDataSchema, type BandInput } from '../../contract/market.ts';
import bundledMarket from '../../resources/market.json' with { type: 'json' };

const market = bundledMarketData();
const band = (input: Partial<BandInput>) =>
  computeBand({ level: 'senior', city: 'seattle', engagement: 'direct', factors: [], ...input }, market, bundledMarketRef(market));

describe('computeBand', () => {
  it('senior, Seattle, C2C, LLM serving: the day rate times the guide premium, with both lines cited', () => {
    const result = band({ engagement: 'c2c', factors: ['llm'] });
    const [section] = result.sections;
    expect(section!.base).toMatchObject({ low: 1250, high: 1750, unit: 'usd-day' });
    expect(section!.totals).toHaveLength(1);
    expect(section!.totals[0]).toMatchObject({ low: 1388, high: 2030 });
    expect(section!.totals[0]!.arithmetic).toBe('$1,250–$1,750/day × (1 + 11–16% LLM serving at scale) = $1,388–$2,030/day');
    expect(section!.totals[0]!.sources.map((source) => source.publisher)).toEqual(['Acceler8 Talent', 'Acceler8 Talent']);
    // Seattle has no day rate of its own: said, not invented; the SF/NYC premium is not applied.
    expect(section!.gaps.join(' ')).toMatch(/no day rate for Seattle/);
    expect(result.context[0]).toMatchObject({ low: 185_000, high: 185_000 });
  });

  it('direct hire with LLM serving: one total per guide, never an average', () => {
    const result = band({ factors: ['llm'] });
    const [section] = result.sections;
    expect(section!.base).toMatchObject({ low: 235_000, high: 295_000 });
    const totals = section!.totals.map((total) => [total.label, total.low, total.high]);
    expect(totals).toEqual([
      ['Base salary, senior, Bay Area / NYC / Seattle, with KORE1\'s premiums', 253_800, 330_400],
      ['Base salary, senior, Bay Area / NYC / Seattle, with Acceler8 Talent\'s premiums', 255_000, 325_000],
    ]);
  });

  it('adds percentages the way the guide words them, and takes the other guide\'s figure for a premium one guide lacks', () => {
    const result = band({ city: 'us-other', factors: ['llm', 'streaming', 'clearance'] });
    const totals = result.sections[0]!.totals;
    // KORE1: 8–12% + 5%; clearance only from Acceler8: + $15–25K.
    expect(totals[0]!.arithmetic).toBe(
      '$200,000–$260,000/year × (1 + 8–12% LLM serving at scale + 5% retraining on streaming data) + $15,000–$25,000 TS/SCI clearance = $241,000–$329,200/year',
    );
    expect(totals[1]!.arithmetic).toContain('+ $20,000–$30,000 LLM serving at scale');
  });

  it('SF applies the SF/NYC day-rate premium; the metro salary column applies to direct hire', () => {
    const day = band({ city: 'sf', engagement: 'w2' });
    expect(day.sections[0]!.totals[0]).toMatchObject({ low: 1250, high: 1960 });
    expect(band({ city: 'San Francisco' }).sections[0]!.base).toMatchObject({ low: 235_000 });
  });

  it('says "no figure" instead of inventing one', () => {
    const junior = band({ level: 'junior' });
    expect(junior.sections[0]!.base).toBeNull();
    expect(junior.sections[0]!.totals).toEqual([]);
    expect(junior.sections[0]!.gaps).toContain('The guides give no base salary for junior MLOps engineers.');
    const midContract = band({ level: 'mid', engagement: 'c2c' });
    expect(midContract.sections[0]!.base).toBeNull();
    expect(midContract.sections[0]!.gaps[0]).toMatch(/no corp-to-corp contract day rate for mid-level/);
    const boston = band({ city: 'boston' });
    expect(boston.gaps).toContain('The guides give no median total comp for Boston.');
    expect(boston.sections[0]!.gaps[0]).toMatch(/no base salary for Boston of its own/);
    const streamingContract = band({ engagement: 'w2', factors: ['streaming'] });
    expect(streamingContract.sections[0]!.gaps.join(' ')).toMatch(/no day-rate premium for retraining on streaming data \(KORE1 gives \+5% on salaries/);
  });

  it('contract-to-hire shows both contract rates and the salary after conversion', () => {
    expect(band({ engagement: 'contract-to-hire' }).sections.map((section) => section.kind)).toEqual(['day-rate-w2', 'day-rate-c2c', 'salary']);
  });

  it('remote roles cite the national-median rule; closing figures carry the counter-offer rates', () => {
    const remote = band({ city: 'remote' });
    expect(remote.notes[0]!.sources[0]!.quote).toMatch(/national median/);
    expect(remote.closing.find((line) => line.label.startsWith('Senior MLOps offers'))).toMatchObject({ low: 28 });
    expect(remote.sources.map((source) => source.publisher).sort()).toEqual(['Acceler8 Talent', 'KORE1']);
  });

  it('names the allowed cities for an unknown one', () => {
    expect(() => band({ city: 'Denver' })).toThrow(/city: "Denver" is not a market Shipped knows. Allowed: bay-area, nyc, seattle/);
    expect(() => resolveCity(market, 'Reston', 'location.city')).not.toThrow();
  });
});

describe('market data', () => {
  it('refuses a figure citing an unknown source or a backwards range', () => {
    const broken = structuredClone(bundledMarket) as { premiums: Array<{ source: string; low: number; high: number }> };
    broken.premiums[0]!.source = 'nobody';
    expect(marketDataSchema.safeParse(broken).success).toBe(false);
    const backwards = structuredClone(bundledMarket) as { dayRates: Array<{ low: number; high: number }> };
    backwards.dayRates[0]!.low = 9000;
    expect(marketDataSchema.safeParse(backwards).success).toBe(false);
  });

  it('places free-text locations in a market by whole words', () => {
    expect(cityOfLocation(market, 'Bellevue, WA')?.id).toBe('seattle');
    expect(cityOfLocation(market, 'Remote (US)')?.id).toBe('remote');
    expect(cityOfLocation(market, 'Austinburg, OH')).toBeNull();
    expect(cityOfLocation(market, null)).toBeNull();
  });
});
