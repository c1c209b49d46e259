import type { LineStyle, TextLayout } from '../../contract/layout.ts';
import type { SectionKind } from './rules.ts';

export interface ResumeLine {
  /** 1-based line number in the input text. */
  number: number;
  raw: string;
  /** Cleaned text: invisible characters dropped, icon glyphs blanked, whitespace collapsed. */
  text: string;
  /** Left column of `text` without a leading bullet marker. */
  content: string;
  /** Text that sat in a right-hand column (two-column layouts keep it on the same line after a wide gap). */
  side: string;
  isBullet: boolean;
  isBlank: boolean;
  /** PDF page markers and page headers repeated on every page. */
  isArtifact: boolean;
  isHeading: boolean;
  section: SectionKind;
  /** Index of the logical paragraph/bullet this line belongs to (wrapped bullets share one). */
  block: number;
  /** How the line looked (page, position, font size, weight), when the text came with a layout. */
  style: LineStyle | null;
}

const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
// Private-use code points are icon fonts (FontAwesome phone/mail glyphs); U+FFFD is an unmappable glyph.
const GLYPHS = /[\uE000-\uF8FF\uFFFD\u{F0000}-\u{FFFFD}]/gu;
const BULLET = /^(?:[•▪\-*●–—‐‑◦·○■□►▸▹➤➢➔➜→⇒★☆✓✔❖♦◆>‣⁃∙⦿⚫]|\d{1,2}[.)](?=\s))\s*/u;
const PRIVATE_USE_START = /^\s*[\uE000-\uF8FF]\s*\S/u;
// A wide run of spaces is a column gutter in layout-preserving extractions; tabs are not (they often precede dates).
const COLUMN_GAP = /(?<=\S) {4,}(?=\S)/;
const PAGE_MARKER = /^(?:--\s*\d+\s+of\s+\d+\s*--|page\s+\d+(?:\s+of\s+\d+)?|\d+\s*\/\s*\d+)$/i;

/** Real resume lines are far shorter; the cap keeps pathological input (one 50k-character line) fast. */
const MAX_ANALYZED_LINE = 2000;

const NON_ASCII = /[^\p{ASCII}]/u;
/** Whitespace other than a lone space: what collapsing changes. */
const SPACING_TO_COLLAPSE = /[^\S ]| {2}/;

export function cleanLine(raw: string): string {
  const head = raw.slice(0, MAX_ANALYZED_LINE * 2);
  // Most lines are plain ASCII, which normalisation, invisible characters and icon glyphs leave unchanged
  // (tabs are whitespace, collapsed below).
  const visible = NON_ASCII.test(head)
    ? head
        .normalize('NFKC')
        .replace(INVISIBLE, '')
        .replace(GLYPHS, ' ')
        .replace(/[\t\u00A0\u2000-\u200A\u202F\u3000]/g, ' ')
    : head;
  // Most lines hold single spaces only, and collapsing would copy them unchanged.
  const collapsed = SPACING_TO_COLLAPSE.test(visible) ? visible.replace(/\s+/g, ' ') : visible;
  return collapsed.trim().slice(0, MAX_ANALYZED_LINE);
}

export function splitLines(input: string, layout?: TextLayout): ResumeLine[] {
  const rawLines = input.split('\n');
  const lines = rawLines.map((rawWithCr, index): ResumeLine => {
    const raw = rawWithCr.endsWith('\r') ? rawWithCr.slice(0, -1) : rawWithCr;
    const text = cleanLine(raw);
    // A column gap is at least four spaces; without them the left column is the whole line.
    const [leftRaw = '', ...rightRaw] = raw.includes('    ') ? raw.split(COLUMN_GAP) : [raw];
    const left = leftRaw === raw ? text : cleanLine(leftRaw);
    const bulletMatch = BULLET.exec(left);
    const isBullet = (bulletMatch !== null && left.length > bulletMatch[0].length) || PRIVATE_USE_START.test(raw);
    const content = bulletMatch ? left.slice(bulletMatch[0].length).trim() : left;
    return {
      number: index + 1,
      raw,
      text,
      content,
      // Only mapped when there is something to map, for the reason given at emptyLists.
      side: rightRaw.length === 0 ? '' : rightRaw.map(cleanLine).filter(Boolean).join(' | '),
      isBullet,
      isBlank: text.length === 0,
      isArtifact: PAGE_MARKER.test(text),
      isHeading: false,
      section: 'header',
      block: index,
      style: layout?.lines[index] ?? null,
    };
  });
  markRepeatedPageHeaders(lines);
  if (layout) markRunningLines(lines);
  return lines;
}

// Points a running header or footer may move between pages.
const SAME_PLACE = 3;

/**
 * With the layout: a line printed at the same height on two or more pages (a name or "Confidential"
 * in the header, a footer) is the page's furniture, not content; its first appearance stays.
 */
function markRunningLines(lines: ResumeLine[]): void {
  const byText = new Map<string, ResumeLine[]>();
  for (const line of lines) {
    if (line.isBlank || line.style === null) continue;
    const found = byText.get(line.text);
    if (found) found.push(line);
    else byText.set(line.text, [line]);
  }
  for (const same of byText.values()) {
    const pages = new Set(same.map((line) => line.style?.page));
    if (pages.size < 2) continue;
    const heights = same.map((line) => line.style?.y ?? 0);
    if (Math.max(...heights) - Math.min(...heights) > SAME_PLACE) continue;
    for (const line of same.slice(1)) line.isArtifact = true;
  }
}

// A line that reappears right after a page break (name, "Updated: ...") is a running header, not content.
function markRepeatedPageHeaders(lines: ResumeLine[]): void {
  const counts = new Map<string, number>();
  for (const line of lines) if (!line.isBlank) counts.set(line.text, (counts.get(line.text) ?? 0) + 1);
  lines.forEach((line, index) => {
    if (!line.isArtifact) return;
    for (let next = index + 1; next <= index + 3 && next < lines.length; next++) {
      const candidate = lines[next];
      if (candidate && !candidate.isBlank && (counts.get(candidate.text) ?? 0) >= 2) {
        for (const other of lines) if (other.text === candidate.text && other.number !== lines[0]?.number) other.isArtifact = true;
      }
    }
  });
}

/** Groups wrapped lines with the bullet or sentence they continue, so context checks see the whole bullet. */
export function assignBlocks(lines: ResumeLine[]): void {
  let previous: ResumeLine | null = null;
  let block = 0;
  for (const line of lines) {
    if (line.isArtifact) continue;
    const continues =
      previous !== null &&
      !line.isBlank &&
      !line.isBullet &&
      !line.isHeading &&
      !previous.isBlank &&
      !previous.isHeading &&
      previous.section === line.section &&
      (/^[\p{Ll}\d(&,]/u.test(line.content) || (previous.text.length >= 60 && !/[.!?:;]$/.test(previous.text)));
    if (!continues) block = line.number;
    line.block = block;
    previous = line;
  }
}

/** What joins the lines of a block in its text: an offset into the text counts it after each line. */
export const BLOCK_JOIN = ' ';

/** Items grouped by the block of their line, in order; artifacts, which no block text holds, are left out. */
export function groupByBlock<T>(items: readonly T[], lineOf: (item: T) => ResumeLine): T[][] {
  const blocks = new Map<number, T[]>();
  for (const item of items) {
    const line = lineOf(item);
    if (line.isArtifact) continue;
    const members = blocks.get(line.block);
    if (members) members.push(item);
    else blocks.set(line.block, [item]);
  }
  return [...blocks.values()];
}

/** Joined text of every block, keyed by block id. */
export function blockTexts(lines: ResumeLine[]): Map<number, string> {
  const texts = new Map<number, string>();
  for (const members of groupByBlock(lines, (line) => line)) {
    const [first] = members;
    if (first) texts.set(first.block, members.map((line) => line.content).join(BLOCK_JOIN));
  }
  return texts;
}

/** Excerpt shown in the UI: always a trimmed substring of the raw line. */
export function excerptOf(line: ResumeLine, maxLength = 180): string {
  const trimmed = line.raw.trim();
  return trimmed.length <= maxLength ? trimmed : trimmed.slice(0, maxLength).trim();
}

/**
 * Order of identifiers (tool ids, flag codes: lower-case letters, digits and "-"). For them, comparing code units
 * gives localeCompare's order without a call into the collator for each comparison.
 */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Index of the text that contains `position`, given the ascending start offsets of texts joined into one string. */
export function lineIndexAt(starts: readonly number[], position: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((starts[middle] ?? 0) <= position) low = middle;
    else high = middle - 1;
  }
  return low;
}

/**
 * `count` new empty lists. Built with push rather than `map`, which returns arrays of another elements kind when it
 * has nothing to map: optimised code that has seen only one kind is thrown away (deoptimised) when the other arrives.
 */
export function emptyLists<T>(count: number): T[][] {
  const lists: T[][] = [];
  for (let index = 0; index < count; index++) lists.push([]);
  return lists;
}

/**
 * Every match of a global pattern, as String.prototype.matchAll finds them, without the copy of the pattern that
 * matchAll makes on each call (a measurable cost for patterns run over every resume).
 */
export function allMatches(pattern: RegExp, text: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    found.push(match);
    // Step over an empty match, as matchAll does, or it would be found again.
    if (match[0] === '') pattern.lastIndex += pattern.unicode && (text.codePointAt(pattern.lastIndex) ?? 0) > 0xffff ? 2 : 1;
  }
  return found;
}
