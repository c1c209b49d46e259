import type { ResumeLine } from './lines.ts';
import { assignBlocks } from './lines.ts';
import type { AnalysisRules, SectionKind } from './rules.ts';
import { ruleRegex } from './taxonomy.ts';
import { findDateRange } from './dates.ts';

function headingKey(text: string): string {
  let key = text.toLowerCase();
  // "E X P E R I E N C E" letter-spaced headings.
  if (/^(?:\p{L} ){3,}\p{L}$/u.test(key)) key = key.replace(/ /g, '');
  return key
    .replace(/\s*\([^)]*\)\s*$/u, '')
    .replace(/^[^\p{L}]+|[^\p{L})]+$/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

// "E DUCATION", "R ESEARCH E XPERIENCE": small caps whose larger first letter the PDF set apart.
const SMALL_CAPS_INITIAL = /(^|\s)(\p{Lu}) (?=\p{Lu}{2,})/gu;

const CONTACT_DETAIL = /@|\+?\d[\d\s().-]{6,}\d|https?:\/\/|www\.|linkedin|github|^[\p{Lu}][\p{L} .'-]+,\s?[\p{L} ]+$/u;

const SIDEBAR_SECTIONS: ReadonlySet<SectionKind> = new Set(['skills', 'contact']);

function interleavedRoleLine(line: ResumeLine, current: SectionKind, beforeSidebar: SectionKind): boolean {
  if (!SIDEBAR_SECTIONS.has(current) || beforeSidebar !== 'experience' || line.isBlank || line.isBullet) return false;
  const words = line.content.split(/\s+/).length;
  return words <= 10 && line.content.length <= 80 && findDateRange(line.content) !== null;
}

/** Capitals, judged on the heading itself: "HOME LAB (weekends)" is a heading in capitals. */
function isUpperCase(text: string): boolean {
  const heading = text.replace(/\s*\([^)]*\)\s*$/u, '');
  return heading === heading.toUpperCase() && heading !== heading.toLowerCase();
}

/**
 * A resume keeps one style for its section headings: after two in capitals, a mixed-case one is not a section,
 * unless the layout shows it set in the same type as an earlier heading.
 */
function breaksHeadingStyle(line: ResumeLine, styles: readonly boolean[], looks: readonly ResumeLine['style'][]): boolean {
  const sameLook = line.style !== null && looks.some((look) => look !== null && look.bold === line.style?.bold && Math.abs(look.size - line.style.size) < 0.5);
  return styles.length >= 2 && styles.every(Boolean) && !isUpperCase(line.content) && !line.content.endsWith(':') && !sameLook;
}

export interface SectionReader {
  /** Marks headings, assigns every line to a section and groups wrapped lines into blocks. */
  assignSections(lines: ResumeLine[]): void;
}

/** Finds sections by the rules' heading phrases, and jobs listed under education by their title and degree words. */
export function createSectionReader(rules: AnalysisRules): SectionReader {
  const headingLookup = new Map<string, SectionKind>();
  for (const [kind, phrases] of Object.entries(rules.sectionHeadings)) {
    for (const phrase of phrases) headingLookup.set(phrase, kind as SectionKind);
  }
  const TITLE_WORDS = ruleRegex(rules.roleTitleWords, 'i');
  const DEGREE = ruleRegex(rules.degreePattern, 'i');
  // Every way headingKind reads a line (below) keeps its letters from the first one on, in order, only dropping
  // spaces and its ending, and looks up what it starts with; "/" headings are also looked up by their parts.
  // So a line that, spaces and leading marks aside, starts with no heading phrase is no heading, and most are not.
  const squeezed = (text: string): string => text.replace(/\s+/g, '');
  const STARTS_WITH_HEADING = new RegExp(`^[^\\p{L}]*(?:${[...headingLookup.keys()].map((phrase) => RegExp.escape(squeezed(phrase))).join('|')})`, 'u');
  const endingLookup = new Map<string, SectionKind>();
  for (const [kind, endings] of Object.entries(rules.sectionHeadingEndings)) {
    for (const ending of endings) endingLookup.set(ending, kind as SectionKind);
  }
  const ENDS_WITH_HEADING = new RegExp(`(?:${[...endingLookup.keys()].join('|')})[^\\p{L}]*$`, 'iu');
  const mayBeHeading = (text: string): boolean =>
    text.includes('/') || STARTS_WITH_HEADING.test(squeezed(text.toLowerCase())) || ENDS_WITH_HEADING.test(text);

  function headingKind(line: ResumeLine): SectionKind | null {
    const text = line.content;
    if (text.length === 0 || text.length > 48 || line.isBullet || !mayBeHeading(text)) return null;
    const key = headingKey(text);
    const joinedInitials = text.replace(SMALL_CAPS_INITIAL, '$1$2');
    // Keyed again only when there was an initial to join: most lines have none, and the key would be the same.
    const exact = headingLookup.get(key) ?? (joinedInitials === text ? undefined : headingLookup.get(headingKey(joinedInitials)));
    if (exact) return exact;
    // Bilingual headings such as "Expérience / Experience".
    if (key.includes('/')) {
      for (const part of key.split(/\s*[/|]\s*/)) {
        const kind = headingLookup.get(headingKey(part));
        if (kind) return kind;
      }
    }
    const words = key.split(' ');
    // "EXPERIENCE (SELECTED)" or "Technical Skills & Tools": a heading phrase followed by a short qualifier.
    // Set apart by capitals, a colon or bold type.
    if (words.length <= 5 && (text === text.toUpperCase() || text.endsWith(':') || line.style?.bold === true)) {
      for (let size = Math.min(words.length, 4); size >= 1; size--) {
        const kind = headingLookup.get(words.slice(0, size).join(' '));
        if (kind) return kind;
      }
      // "TECHNICAL EXPERIENCE", "Internship Experience:": a qualifier before a heading word that stands for its kind.
      return endingLookup.get(words.at(-1) ?? '') ?? null;
    }
    return null;
  }

  /** `next`: the line after it, which may hold the title of an employer line ("Dimension Studio, London   Nov 2023 – Present"). */
  function jobAfterEducation(line: ResumeLine, next: ResumeLine | undefined): boolean {
    if (line.isBlank || line.isBullet || line.content.length > 120) return false;
    // Dates are often right-aligned, in the column split off the line.
    const whole = line.side ? `${line.content} ${line.side}` : line.content;
    const titled = TITLE_WORDS.test(line.content) || (next !== undefined && !next.isBlank && TITLE_WORDS.test(next.content) && !DEGREE.test(next.content));
    return findDateRange(whole) !== null && titled && !DEGREE.test(whole);
  }

  function assignSections(lines: ResumeLine[]): void {
    let current: SectionKind = 'header';
    let beforeContact: SectionKind = 'header';
    let beforeSidebar: SectionKind = 'header';
    const headingStyles: boolean[] = [];
    const headingLooks: ResumeLine['style'][] = [];
    let previous: ResumeLine | undefined;
    lines.forEach((line, index) => {
      if (line.isArtifact) {
        line.section = current;
        return;
      }
      // "… Key / achievements:": the tail of a wrapped sentence, in lower case, is no heading.
      const continuesSentence = previous !== undefined && !previous.isBlank && /^\p{Ll}/u.test(line.content) && !/[.:;!?]$/.test(previous.content);
      const kind = continuesSentence ? null : headingKind(line);
      if (kind && breaksHeadingStyle(line, headingStyles, headingLooks)) {
        // "Training" or "Serving" in mixed case under a job, in a resume whose headings are all capitals, is a
        // sub-heading of that job, not a new section.
      } else if (kind) {
        headingStyles.push(isUpperCase(line.content));
        headingLooks.push(line.style);
        if (kind === 'contact') beforeContact = current;
        if (SIDEBAR_SECTIONS.has(kind)) beforeSidebar = current;
        current = kind;
        line.isHeading = true;
      } else if (current === 'education' && jobAfterEducation(line, lines[index + 1])) {
        // A resume that opens with its education and gives its jobs no heading: the first dated job line
        // ("Machine Learning Engineer   9/26/2022–Present") starts the experience.
        current = 'experience';
      } else if (interleavedRoleLine(line, current, beforeSidebar)) {
        // Two-column PDFs extracted line by line put a sidebar "Skills" heading in the middle of the experience;
        // a dated employer line after it means the experience goes on.
        current = 'experience';
      } else if (current === 'contact' && !line.isBlank && !CONTACT_DETAIL.test(line.content)) {
        // A sidebar "Contact" block ends at the first line that is not a contact detail.
        current = beforeContact;
      }
      line.section = current;
      previous = line;
    });
    assignBlocks(lines);
  }

  return { assignSections };
}
