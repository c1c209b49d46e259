// The bundled market data (resources/market.json), validated once at load, and the
// lookups every caller needs: resolve a typed city name, name a source.
import { marketDataSchema, type MarketCity, type MarketData, type MarketDataRef } from '../../contract/market.ts';
import { UserFacingError } from '../api/errors.ts';
import { containsWord } from './words.ts';
import bundledMarket from '../../resources/market.json' with { type: 'json' };

let bundled: MarketData | undefined;

/** resources/market.json, parsed by the schema the first time it is needed (a bad file stops here, loudly). */
export function bundledMarketData(): MarketData {
  bundled ??= marketDataSchema.parse(bundledMarket);
  return bundled;
}

export function bundledMarketRef(market: MarketData = bundledMarketData()): MarketDataRef {
  return { origin: 'bundled', version: market.version, label: market.label };
}

/** Lowercase, spaces and underscores as dashes: "New York" and "new_york" both become "new-york". */
export function normaliseCityName(raw: string): string {
  return raw.trim().toLowerCase().replace(/[\s_]+/g, '-');
}

export function allowedCityNames(market: MarketData): string[] {
  return market.cities.map((city) => city.id);
}

/** The market city a typed name stands for; an unknown name is an error naming the allowed ones. */
export function resolveCity(market: MarketData, raw: string, field = 'city'): MarketCity {
  const name = normaliseCityName(raw);
  const city = market.cities.find((candidate) => candidate.id === name || candidate.aliases.includes(name));
  if (!city) {
    throw new UserFacingError(`${field}: "${raw}" is not a market Shipped knows. Allowed: ${allowedCityNames(market).join(', ')}.`);
  }
  return city;
}

/**
 * The market a candidate's free-text location falls in, by the city's place words
 * ("Bellevue, WA" → seattle), or null when none matches.
 */
export function cityOfLocation(market: MarketData, location: string | null): MarketCity | null {
  if (location === null || location.trim() === '') return null;
  const text = location.toLowerCase();
  for (const city of market.cities) {
    if (city.locationWords.some((word) => containsWord(text, word.toLowerCase()))) return city;
  }
  return null;
}
