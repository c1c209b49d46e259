import type { Command } from '../command.ts';
import { CliUsageError } from '../command.ts';
import { engagements, roleLevels, type Engagement, type PremiumFactor, type RoleLevel } from '../../../contract/market.ts';
import { computeBand } from '../../roles/band.ts';
import { formatBandText } from '../../roles/band-text.ts';
import { allowedCityNames, bundledMarketData, bundledMarketRef, normaliseCityName } from '../../roles/market.ts';

function oneOf<T extends string>(value: unknown, allowed: readonly T[], option: string): T {
  if (typeof value !== 'string') throw new CliUsageError(`missing --${option} (one of: ${allowed.join(', ')})`);
  const found = allowed.find((candidate) => candidate === value.trim().toLowerCase());
  if (found === undefined) throw new CliUsageError(`--${option} "${value}" is not one of: ${allowed.join(', ')}`);
  return found;
}

export const bandCommand: Command = {
  name: 'band',
  summary: 'Show the pay band for a level, city and engagement, with its arithmetic and sources',
  usage: 'shipped band --level LEVEL --city CITY --engagement ENGAGEMENT [--llm] [--clearance] [--streaming] [--json]',
  help: [
    `LEVEL: ${roleLevels.join(', ')}. ENGAGEMENT: ${engagements.join(', ')}.`,
    `CITY: ${allowedCityNames(bundledMarketData()).join(', ')} (and common spellings: sf, new-york, dc…).`,
    '--llm, --clearance, --streaming add the premiums for LLM serving at scale, TS/SCI clearance and retraining on streaming data.',
    'Uses the bundled market data from the two 2026 guides; needs no database.',
  ],
  options: {
    level: { type: 'string' },
    city: { type: 'string' },
    engagement: { type: 'string' },
    llm: { type: 'boolean', default: false },
    clearance: { type: 'boolean', default: false },
    streaming: { type: 'boolean', default: false },
  },
  async run({ values, isJson, io }) {
    const market = bundledMarketData();
    const level: RoleLevel = oneOf(values.level, roleLevels, 'level');
    const engagement: Engagement = oneOf(values.engagement, engagements, 'engagement');
    if (typeof values.city !== 'string') throw new CliUsageError(`missing --city (one of: ${allowedCityNames(market).join(', ')})`);
    const cityName = normaliseCityName(values.city);
    if (!market.cities.some((city) => city.id === cityName || city.aliases.includes(cityName))) {
      throw new CliUsageError(`--city "${values.city}" is not one of: ${allowedCityNames(market).join(', ')}`);
    }
    const factors: PremiumFactor[] = [];
    if (values.llm === true) factors.push('llm');
    if (values.clearance === true) factors.push('clearance');
    if (values.streaming === true) factors.push('streaming');
    const band = computeBand({ level, city: cityName, engagement, factors }, market, bundledMarketRef(market));
    io.out(isJson ? JSON.stringify(band, null, 2) : formatBandText(band));
    return 0;
  },
};
