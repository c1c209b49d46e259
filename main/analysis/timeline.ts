import type { WorkRole } from '../../contract/analysis.ts';
import type { ResumeLine } from './lines.ts';
import { DANGLING_START, findDateRange, LEADING_DATE, LEADING_YEAR, LONE_DATE, monthIndex, parseDatePoint, toIsoMonth, type DatePoint, type DateRange, type MonthDate } from './dates.ts';
import type { AnalysisRules, SectionKind } from './rules.ts';
import { ruleRegex } from './taxonomy.ts';

export interface RoleSpan {
  role: WorkRole;
  /** Lines (inclusive) describing this role, used to date the tools named in it. */
  firstLine: number;
  lastLine: number;
  startMonth: number;
  endMonth: number;
  endYear: number;
  isInternship: boolean;
  /** The date line plus neighbouring lines that supplied the title or employer. */
  headerLines: number[];
  /** Only a start year was written ("2022 Solutions Architect"); see closeStartOnlyRoles. */
  startOnly?: boolean;
}

interface FoundRange {
  range: DateRange;
  /** The text the range was found in: the line, or the line joined with the next one. */
  text: string;
  joinsNext: boolean;
  startOnly: boolean;
}

function closeStartOnlyRoles(spans: RoleSpan[], now: MonthDate): void {
  const top = spans[0];
  if (!top?.startOnly) return;
  const latestOther = Math.max(-1, ...spans.filter((span) => !span.startOnly).map((span) => span.endMonth));
  if (top.startMonth < latestOther) return;
  top.endMonth = monthIndex(now);
  top.endYear = now.year;
  top.role.end = null;
  top.role.isCurrent = true;
}

const SEGMENT_SPLIT = /\s*(?:[|•·;]|\s[-–—@:]\s|\sat\s|\s{2,}|(?:\s?\.){3,}|\s\/\s(?=\p{Lu}))\s*/u;
const NOISE_SEGMENT = /^(?:full[- ]time|part[- ]time|remote|hybrid|on[- ]?site|contract|permanent|internship)$/i;
const DURATION = /\(?\b\d+\s*(?:years?|yrs?|months?|mos?)\b[^)]*\)?/gi;
const ROLE_SECTIONS = new Set(['experience']);
/** Where a resume without an Experience heading lists its jobs: under the name, or under a heading the engine does not know. */
export const UNNAMED_SECTIONS: ReadonlySet<SectionKind> = new Set(['header', 'other']);

function isNeighbourHeader(line: ResumeLine | undefined): line is ResumeLine {
  return (
    line !== undefined &&
    !line.isBlank &&
    !line.isHeading &&
    !line.isArtifact &&
    line.content.length <= 90 &&
    // The tail of a wrapped bullet ("and vector embeddings.") is not a title or employer line.
    line.block === line.number &&
    !/^\p{Ll}/u.test(line.content) &&
    findDateRange(line.content) === null &&
    !(line.isBullet && line.content.length > 60)
  );
}

export interface TimelineReader {
  /** Roles come from date-range lines in the experience section; titles/employers from that line or its neighbours. */
  extractRoles(lines: ResumeLine[], now: MonthDate): RoleSpan[];
}

/** Reads the work history: title words and internships by the rules, places (not employers) by `isLocationText`. */
export function createTimelineReader(rules: AnalysisRules, isLocationText: (text: string) => boolean): TimelineReader {
  const TITLE_WORDS = ruleRegex(rules.roleTitleWords, 'i');
  const JUNIOR_WORDS = ruleRegex(rules.seniorityTitles.junior, 'i');

  /**
   * The role's date range, also when the extractor split it over two lines ("Since Apr" / "2021", "2012" / "2022 Title")
   * or wrote only a start year in front of the title ("2022Solutions Architect").
   */
  function dateRangeOf(line: ResumeLine, next: ResumeLine | undefined, now: MonthDate): FoundRange | null {
    // "ML Engineer, Quanta Labs          Feb 2022 – Present": dates pushed to the right margin land in the side column.
    const sideDates = line.side.length > 0 && line.side.length <= 60 ? findDateRange(`${line.content}  ${line.side}`) : null;
    const ownInContent = findDateRange(line.content);
    const own = ownInContent ?? (sideDates && sideDates.from >= line.content.length ? sideDates : null);
    const ownText = ownInContent || !own ? line.content : `${line.content}  ${line.side}`;
    const joinable = next !== undefined && !next.isHeading && !next.isBlank && !next.isArtifact && LEADING_DATE.test(next.content);
    if (joinable && (DANGLING_START.test(line.content) || LONE_DATE.test(line.content))) {
      const text = `${line.content}${LONE_DATE.test(line.content) ? ' - ' : ' '}${next.content}`;
      const joined = findDateRange(text);
      if (joined && joined.to > line.content.length && (!own || joined.from <= own.from)) return { range: joined, text, joinsNext: true, startOnly: false };
    }
    if (own) return { range: own, text: ownText, joinsNext: false, startOnly: false };
    const leading = LEADING_YEAR.exec(line.content);
    if (leading?.[1] && TITLE_WORDS.test(line.content.slice(leading[0].length))) {
      const year = Number(leading[1]);
      if (year > now.year) return null;
      const start = { year, month: null };
      return { range: { start, end: start, from: 0, to: leading[0].length }, text: line.content, joinsNext: false, startOnly: true };
    }
    return null;
  }

  /**
   * A lone start year on the topmost role ("2022 Solutions Architect" above "2012 - 2022 ...") reads as "since then";
   * on any other role it only dates that year.
   */
  function segmentsOf(text: string): string[] {
    return text
      .replace(DURATION, ' ')
      .split(SEGMENT_SPLIT)
      // "Ashburn, VA" stays whole so it can be recognised as a place; other commas separate title from employer.
      .flatMap((segment) => (isLocationText(segment.trim()) ? [segment] : segment.split(',')))
      .map((segment) =>
        segment
          .replace(/^[^\p{L}\d(]+|[^\p{L}\d)+#.]+$/gu, '')
          .replace(/(?<!\b(?:Inc|Ltd|Co|Corp|Jr|Sr|S\.A|N\.V|P\.C))\.$/u, '')
          .trim(),
      )
      .filter((segment) => segment.length > 1 && !NOISE_SEGMENT.test(segment) && !isLocationText(segment));
  }

  function pickTitleAndEmployer(segments: string[]): { title: string | null; employer: string | null } {
    // "Saarthi AI (conversational banking assistant)": words in brackets describe the employer, they are not a title.
    const title = segments.find((segment) => TITLE_WORDS.test(segment.replace(/\([^)]*\)/g, ' '))) ?? null;
    const employer = segments.find((segment) => segment !== title && !/\d{4}/.test(segment)) ?? null;
    return { title, employer };
  }

  function extractRoles(lines: ResumeLine[], now: MonthDate): RoleSpan[] {
    const hasExperienceHeading = lines.some((line) => line.isHeading && line.section === 'experience');
    // Jobs that follow the education with no heading of their own are in the experience too (sections.ts).
    const eligible = (line: ResumeLine): boolean => ROLE_SECTIONS.has(line.section) || (!hasExperienceHeading && UNNAMED_SECTIONS.has(line.section));
    const nowIndex = monthIndex(now);
    const spans: RoleSpan[] = [];
    const consumed = new Set<number>();
    /** Lines whose date was already read as the second half of the line above. */
    const joined = new Set<number>();

    lines.forEach((line, index) => {
      if (!eligible(line) || line.isHeading || line.isArtifact || line.content.length > 160 || joined.has(line.number)) return;
      const found = dateRangeOf(line, lines[index + 1], now);
      if (!found) return;
      const { range, text, joinsNext } = found;
      if (joinsNext) joined.add(line.number + 1);
      // "Nov 2018 -" on one line and "Mar 2021" on the next: the range was wrapped, it is not open-ended.
      const wrappedEnd: DatePoint | null = !joinsNext && /[-–—]\s*$/.test(line.content) ? parseDatePoint(lines[index + 1]?.content ?? '') : null;
      const end = wrappedEnd ?? range.end;
      const rest = `${text.slice(0, range.from)}  ${text.slice(range.to)}`;
      const restSegments = segmentsOf(rest);
      // A date line that also carries a tech list ("Go, Java, Terraform   Feb 2022 - Present") has no title/employer.
      let { title, employer } = restSegments.length >= 4 ? { title: null, employer: null } : pickTitleAndEmployer(restSegments);
      // "• 2019 - 2020: shipped X" is an achievement; "➤ Acme | Austin, TX | 2019 - 2024" is an employer header.
      if (line.isBullet && !title && (restSegments.length > 3 || line.content.slice(0, range.from).length > 60)) return;
      const usesNext = wrappedEnd !== null || joinsNext;
      const headerLines = usesNext ? [line.number, line.number + 1] : [line.number];
      const after = usesNext ? 2 : 1;
      for (const neighbour of [lines[index - 1], lines[index + after], lines[index - 2]]) {
        if (title && employer) break;
        if (!isNeighbourHeader(neighbour) || consumed.has(neighbour.number) || !eligible(neighbour)) continue;
        const found = pickTitleAndEmployer(segmentsOf(neighbour.content));
        const before = neighbour.number < line.number;
        let used = false;
        if (!title && found.title) {
          title = found.title;
          used = true;
        }
        const employerCandidate = found.employer ?? (used ? null : found.title);
        if (!employer && employerCandidate && (before || !neighbour.isBullet)) {
          employer = employerCandidate;
          used = true;
        }
        if (used) {
          consumed.add(neighbour.number);
          headerLines.push(neighbour.number);
        }
      }
      const startMonth = monthIndex(range.start);
      const endMonth = end === 'present' ? nowIndex : monthIndex(end);
      if (endMonth < startMonth) return;
      if (startMonth > nowIndex || endMonth - startMonth > 50 * 12) return;
      spans.push({
        role: {
          title,
          employer,
          start: toIsoMonth(range.start),
          end: end === 'present' ? null : toIsoMonth(end),
          isCurrent: end === 'present',
          line: line.number,
        },
        firstLine: line.number,
        lastLine: line.number,
        startMonth,
        endMonth,
        endYear: end === 'present' ? now.year : end.year,
        isInternship: title !== null && JUNIOR_WORDS.test(title) && /intern|trainee|student|apprentice/i.test(title),
        headerLines,
        startOnly: found.startOnly,
      });
    });
    closeStartOnlyRoles(spans, now);

    const merged = foldEmployerHeaders(spans);
    merged.forEach((span, index) => {
      const next = merged[index + 1];
      const sectionEnd = lines.find((line) => line.number > span.firstLine && line.isHeading)?.number ?? lines.length + 1;
      span.lastLine = Math.min(next ? next.firstLine - 1 : sectionEnd - 1, sectionEnd - 1);
    });
    return merged;
  }

  return { extractRoles };
}

// "Acme | 2019 - 2024" followed by several titled roles inside that range: the first line only names the employer.
function foldEmployerHeaders(spans: RoleSpan[]): RoleSpan[] {
  const result: RoleSpan[] = [];
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i];
    if (!span) continue;
    const nested = [];
    for (let j = i + 1; j < spans.length; j++) {
      const inner = spans[j];
      if (!inner || inner.startMonth < span.startMonth || inner.endMonth > span.endMonth) break;
      nested.push(inner);
    }
    if (nested.length > 0 && span.role.title === null) {
      for (const inner of nested) inner.role.employer ??= span.role.employer;
      continue;
    }
    result.push(span);
  }
  return result;
}

/** Total years worked, counting overlapping roles once; internships only count when nothing else exists. */
export function yearsOfExperience(spans: RoleSpan[]): number | null {
  if (spans.length === 0) return null;
  const counted = spans.some((span) => !span.isInternship) ? spans.filter((span) => !span.isInternship) : spans;
  const intervals = counted.map((span) => [span.startMonth, span.endMonth + 1] as const).sort((a, b) => a[0] - b[0]);
  let total = 0;
  let currentStart = -1;
  let currentEnd = -1;
  for (const [start, end] of intervals) {
    if (start > currentEnd) {
      total += currentEnd - currentStart;
      currentStart = start;
      currentEnd = end;
    } else {
      currentEnd = Math.max(currentEnd, end);
    }
  }
  total += currentEnd - currentStart;
  return Math.round((total / 12) * 10) / 10;
}

export function currentRole(spans: RoleSpan[]): RoleSpan | null {
  let best: RoleSpan | null = null;
  for (const span of spans) {
    if (!best || span.endMonth > best.endMonth || (span.endMonth === best.endMonth && span.startMonth > best.startMonth)) best = span;
  }
  return best;
}
