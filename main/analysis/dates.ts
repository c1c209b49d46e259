import { allMatches } from './lines.ts';

/** A calendar month; `month` is null when only the year was written. */
export interface MonthDate {
  year: number;
  month: number | null;
}

export type DatePoint = MonthDate | 'present';

export interface DateRange {
  start: MonthDate;
  end: DatePoint;
  /** Character offsets of the whole range within the searched text. */
  from: number;
  to: number;
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};
const SEASONS: Record<string, number> = { spring: 3, summer: 6, fall: 9, autumn: 9, winter: 1 };

const MONTH_NAME = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const YEAR = '(?:19[6-9]\\d|20\\d{2})';
const PRESENT = "(?:present|current(?:ly)?|now|today|ongoing|till date|to date|date|heute|actual|aujourd'hui)";
// An open end written as an ellipsis ("Oct 2024 – ...").
const OPEN_END = '(?:\\.{3}|…)';
const TOKEN_SOURCE = [
  `${MONTH_NAME}[\\s,'’-]*(?:${YEAR}|'\\d{2})`,
  `(?:0?[1-9]|1[0-2])\\s?[/.-]\\s?${YEAR}`,
  `${YEAR}[/.-](?:0[1-9]|1[0-2])(?![\\d/.-]\\d)`,
  `(?:spring|summer|fall|autumn|winter)\\s+${YEAR}`,
  YEAR,
  PRESENT,
].join('|');
const OPEN_END_AFTER = new RegExp(`^\\s*(?:-|–|—)\\s*${OPEN_END}`);
// A year may be glued to the next word by the extractor ("2022Solutions Architect"): a capital letter right after
// the digits still ends the token, but a lower-case letter or digit does not.
const TOKEN_END = '(?:(?<=\\d)(?=\\p{Lu}\\p{Ll})|(?![\\p{L}\\d]))';
const DATE_TOKEN = new RegExp(`(?<![\\p{L}\\d])(?:${TOKEN_SOURCE})${TOKEN_END}`, 'giu');
/** A line that is only a date ("2012", "Apr 2019"): the other end of the range may be on the next line. */
export const LONE_DATE = new RegExp(`^(?:${MONTH_NAME}[\\s,'’-]*)?${YEAR}$`, 'iu');
/** A line ending in "Since Apr" or "Apr": its year was wrapped onto the next line. */
export const DANGLING_START = new RegExp(`(?:\\b(?:since|from)|(?<![\\p{L}])${MONTH_NAME})\\s*$`, 'iu');
export const LEADING_DATE = new RegExp(`^(?:${TOKEN_SOURCE})${TOKEN_END}`, 'iu');
/** "2022Solutions Architect, Isovalent": a role line that starts with a lone year and names no end. */
export const LEADING_YEAR = new RegExp(`^(${YEAR})(?=\\p{Lu}|\\s)`, 'u');
/** "Mar – Dec 2025": both ends in one year, written once. */
const BARE_MONTH_RANGE = new RegExp(
  `(?<![\\p{L}\\d])(${MONTH_NAME})\\s*(?:-|–|—|to)\\s*(${MONTH_NAME}[\\s,'’-]*(?:${YEAR}|'\\d{2}))${TOKEN_END}`,
  'iu',
);
const ONLY_PRESENT = new RegExp(`^${PRESENT}$`, 'i');
const YEAR_OR_ABBREVIATED = new RegExp(`${YEAR}|'\\d{2}`);
const RANGE_SEPARATOR = /^\s*(?:-{1,2}|–|—|−|~|→|to|until|till|through|thru|bis)\s*$/i;
const SINCE = /(?:since|from)\s*$/i;

export function parseDatePoint(token: string): DatePoint | null {
  const text = token.trim().toLowerCase();
  if (ONLY_PRESENT.test(text)) return 'present';
  const named = /^([a-z]{3})[a-z]*\.?[\s,'’-]*(\d{4}|'\d{2})$/.exec(text);
  if (named?.[1] && named[2] && MONTHS[named[1]]) {
    const year = named[2].startsWith("'") ? 2000 + Number(named[2].slice(1)) : Number(named[2]);
    return { year, month: MONTHS[named[1]] ?? null };
  }
  const season = /^(spring|summer|fall|autumn|winter)\s+(\d{4})$/.exec(text);
  if (season?.[1] && season[2]) return { year: Number(season[2]), month: SEASONS[season[1]] ?? null };
  const monthYear = /^(\d{1,2})\s?[/.-]\s?(\d{4})$/.exec(text);
  if (monthYear?.[1] && monthYear[2]) return { year: Number(monthYear[2]), month: Number(monthYear[1]) };
  const yearMonth = /^(\d{4})[/.-](\d{2})$/.exec(text);
  if (yearMonth?.[1] && yearMonth[2]) return { year: Number(yearMonth[1]), month: Number(yearMonth[2]) };
  if (/^\d{4}$/.test(text)) return { year: Number(text), month: null };
  return null;
}

interface Token {
  point: DatePoint;
  from: number;
  to: number;
}

function tokens(text: string): Token[] {
  const found: Token[] = [];
  for (const match of allMatches(DATE_TOKEN, text)) {
    const point = parseDatePoint(match[0]);
    if (point) found.push({ point, from: match.index, to: match.index + match[0].length });
  }
  return found;
}

/** Finds the first employment-style date range in a line ("Jan 2020 – Present", "2019-2021", "Since 2021"). */
export function findDateRange(text: string): DateRange | null {
  // Every range has a year or an abbreviated year ('19) in it; most lines have neither, and the token pattern is slow.
  if (!YEAR_OR_ABBREVIATED.test(text)) return null;
  return tokenRange(text) ?? bareMonthRange(text);
}

function bareMonthRange(text: string): DateRange | null {
  const match = BARE_MONTH_RANGE.exec(text);
  const end = match?.[2] ? parseDatePoint(match[2]) : null;
  const startMonth = MONTHS[(match?.[1] ?? '').slice(0, 3).toLowerCase()];
  if (!match || !end || end === 'present' || !startMonth || end.month === null || startMonth > end.month) return null;
  return { start: { year: end.year, month: startMonth }, end, from: match.index, to: match.index + match[0].length };
}

function tokenRange(text: string): DateRange | null {
  const found = tokens(text);
  for (let i = 0; i < found.length; i++) {
    const first = found[i];
    if (!first || first.point === 'present') continue;
    const second = found[i + 1];
    const between = second ? text.slice(first.to, second.from) : '';
    // Some PDFs drop the dash glyph: "Sep. 2023 Mar. 2024" is still a range when both ends name a month.
    const dashLost = second !== undefined && /^\s+$/.test(between) && first.point.month !== null && second.point !== 'present' && second.point.month !== null;
    if (second && (RANGE_SEPARATOR.test(between) || dashLost)) {
      if (second.point === 'present' || compareMonths(first.point, second.point) <= 0) {
        return { start: first.point, end: second.point, from: first.from, to: second.to };
      }
    }
    const before = text.slice(0, first.from);
    const after = text.slice(first.to);
    if (SINCE.test(before) || /^\s*(?:-|–|—)\s*$/.test(after) || OPEN_END_AFTER.test(after)) {
      return { start: first.point, end: 'present', from: before.search(SINCE) >= 0 ? before.search(SINCE) : first.from, to: text.length };
    }
  }
  return null;
}

export function monthIndex(date: MonthDate): number {
  return date.year * 12 + ((date.month ?? 1) - 1);
}

export function compareMonths(a: MonthDate, b: MonthDate): number {
  return monthIndex(a) - monthIndex(b);
}

export function toIsoMonth(date: MonthDate): string {
  return `${date.year}-${String(date.month ?? 1).padStart(2, '0')}`;
}

export function dateFromReference(reference: Date): MonthDate {
  return { year: reference.getUTCFullYear(), month: reference.getUTCMonth() + 1 };
}
