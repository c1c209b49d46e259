// Turns a page's characters, in the order the PDF draws them, into lines of text.
// PDFium's own plain-text output guesses lines and spaces differently from pdf.js and
// breaks on real resumes (a name and its contact row fused into one line, the words of
// a Word template one per line), so the import lays the text out itself from each
// character's position and size: a new line when the baseline moves, a tab across a wide gap on
// the same line (columns, right-aligned dates: the analysis reads those as separate
// cells, as it did with pdf-parse's output), one space for a word gap. Lines come out in draw
// order, except where a page's two columns are drawn mixed together: those are read one column
// after the other (see `findColumnRegions`).

import { countLetters } from './letters.ts';

/** One character as PDFium reports it; positions in PDF points. */
export interface PdfChar {
  code: number;
  /**
   * Where the glyph is drawn. Characters that share it come from one glyph (a ligature) or
   * from a replacement text the PDF gives for a drawing (ActualText: an icon, a link).
   */
  originX: number;
  left: number;
  right: number;
  baseline: number;
  /** The font size as drawn (font size times the text's scale). */
  em: number;
  /** PDFium inferred it (a space or line break that is not in the file). */
  generated: boolean;
  bold?: boolean;
  italic?: boolean;
  /** Drawn in an icon font (a phone, a mail envelope): no text, only a gap. */
  icon?: boolean;
}

/** How one output line looks: where it starts, its largest font, whether most of it is bold or italic. */
export interface PdfLineStyle {
  x: number;
  baseline: number;
  size: number;
  bold: boolean;
  italic: boolean;
  /** 0 left of a column gutter or on a page without columns, 1 right of it. */
  column: number;
  /** Largest font size of each tab-separated cell, when the line has more than one. */
  cellSizes?: number[];
}

// In em of the larger font. A superscript moves the baseline by about a third of an em; the
// next line by an em or more, but a large name and the small line under it by only two thirds.
const NEW_LINE_SHIFT = 0.5;
// Text that carries on to the right may sit a little higher or lower and still be the same
// row: a small date set beside a heading.
const NEW_LINE_SHIFT_ONWARDS = 0.7;
// A word space is a quarter to a third of an em; justified lines squeeze it to a sixth.
// pdf.js counts any gap over a tenth of an em as a space too.
const WORD_GAP = 0.1;
// Where PDFium infers a space from the font's metrics, any visible gap confirms it (a letter
// like "f" has a box narrower than its advance); without a gap it is a kerning artefact.
const INFERRED_SPACE_GAP = 0.04;
// PDFium cuts a ligature's box (fi, fl, ffi…) in pieces narrower than the glyph's advance,
// which leaves a false gap before the next letter.
const WORD_GAP_AFTER_LIGATURE = 0.3;
const LIGATURE_LETTERS = new Set(['f', 'i', 'l', 't'].map((letter) => letter.charCodeAt(0)));
// Text that starts well to the left of where the last character ended, on another baseline, is the
// next line even when the shift is small: a large name and the smaller subtitle set close under it.
const NEW_LINE_BACKWARDS_GAP = 2;
const NEW_LINE_BACKWARDS_SHIFT = 0.25;
const CELL_SIZE_RATIO = 1.6;
// Sentence spaces in a stretched justified line reach about three quarters of an em.
const CELL_GAP = 1;
/** pdf-parse's cell threshold, in points: narrower gaps are never cells. */
const MIN_CELL_GAP = 7;

// Zero-width characters carry no text; a PDF may draw them between the letters of a word.
function isInvisible(code: number): boolean {
  return (code >= 0x200b && code <= 0x200d) || code === 0x2060 || code === 0xfeff;
}

// A link's text given for an icon (ActualText: "tel:+82 10…", "mailto:…") comes in the icon's font
// but squeezed into the icon's box, each character a sliver: that is text. A drawn icon is wide.
const ICON_MIN_WIDTH = 0.2;

function isIconGlyph(char: PdfChar): boolean {
  return char.icon === true && char.right - char.left > ICON_MIN_WIDTH * char.em;
}

function glyphFor(code: number): string {
  // A soft hyphen is only drawn where a word breaks at the line's end: the reader sees a hyphen.
  return code === 0xad ? '-' : String.fromCodePoint(code);
}

function isBlank(code: number): boolean {
  // Control characters (some Word templates map their spaces to "\t\r  "), spaces, NBSP.
  return code <= 0x20 || code === 0xa0 || (code >= 0x2000 && code <= 0x200a) || code === 0x3000;
}

/**
 * A run of characters with no wide gap inside: one cell of a drawn line. Cells are what the
 * columns are found from and regrouped by; a line of the output is one or more of them.
 */
interface Cell {
  text: string;
  left: number;
  /** Right edge of the last visible glyph (spaces drawn after it do not widen the cell). */
  right: number;
  baseline: number;
  size: number;
  letters: number;
  boldLetters: number;
  italicLetters: number;
  /** The line the cell was drawn on, counted in draw order. */
  line: number;
}

interface PageLayout {
  text: string;
  lines: PdfLineStyle[];
}

export class PageTextBuilder {
  #cells: Cell[] = [];
  #drawnLines = 0;
  #spaceInFile = false;
  #spaceInferred = false;
  #lastRight = 0;
  #lastBaseline = 0;
  #lastEm = 0;
  #lastOriginX = Number.NaN;
  #sameGlyphLetters = 0;
  #layout: PageLayout | undefined;

  add(char: PdfChar): void {
    if (isInvisible(char.code)) return;
    if (char.generated) {
      if (char.code === 0x20) this.#spaceInferred = true;
      return;
    }
    const last = this.#cells[this.#cells.length - 1];
    if (isBlank(char.code) || isIconGlyph(char)) {
      this.#spaceInFile = true;
      if (last && char.right > this.#lastRight) this.#lastRight = char.right;
      return;
    }
    this.#layout = undefined;
    let cell: Cell;
    if (last && char.originX === this.#lastOriginX && char.baseline === this.#lastBaseline) {
      cell = last;
      if (this.#spaceInFile) cell.text += ' ';
      this.#sameGlyphLetters = LIGATURE_LETTERS.has(char.code) ? this.#sameGlyphLetters + 1 : 0;
      this.#lastRight = Math.max(this.#lastRight, char.right);
    } else {
      const separator = last ? this.#separator(char) : '\n';
      if (last && (separator === ' ' || separator === '')) {
        cell = last;
        cell.text += separator;
      } else {
        if (separator === '\n') this.#drawnLines++;
        cell = { text: '', left: char.left, right: char.right, baseline: char.baseline, size: 0, letters: 0, boldLetters: 0, italicLetters: 0, line: this.#drawnLines };
        this.#cells.push(cell);
      }
      this.#sameGlyphLetters = LIGATURE_LETTERS.has(char.code) ? 1 : 0;
      this.#lastRight = char.right;
    }
    if (char.right > cell.right) cell.right = char.right;
    if (char.em > cell.size) cell.size = char.em;
    cell.letters++;
    if (char.bold) cell.boldLetters++;
    if (char.italic) cell.italicLetters++;
    cell.text += glyphFor(char.code);
    this.#spaceInFile = false;
    this.#spaceInferred = false;
    this.#lastOriginX = char.originX;
    this.#lastBaseline = char.baseline;
    this.#lastEm = char.em;
  }

  text(): string {
    return this.#compose().text;
  }

  /** One style per line of `text()`. */
  lineStyles(): PdfLineStyle[] {
    return this.#compose().lines;
  }

  #compose(): PageLayout {
    this.#layout ??= composePage(this.#cells);
    return this.#layout;
  }

  #separator(char: PdfChar): string {
    const gap = char.left - this.#lastRight;
    const shift = gap >= 0 ? NEW_LINE_SHIFT_ONWARDS : NEW_LINE_SHIFT;
    const baselineShift = Math.abs(char.baseline - this.#lastBaseline);
    const largerEm = Math.max(char.em, this.#lastEm);
    if (baselineShift > shift * largerEm) return '\n';
    if (gap < -NEW_LINE_BACKWARDS_GAP * largerEm) {
      if (baselineShift > NEW_LINE_BACKWARDS_SHIFT * largerEm) return '\n';
      // Back to the left on the same row: another column drawn after this one, never the same word.
      return '\t';
    }
    const em = char.em || this.#lastEm;
    if (gap > Math.max(MIN_CELL_GAP, CELL_GAP * em)) return '\t';
    const afterLigature = this.#sameGlyphLetters >= 2;
    const wordGap = afterLigature ? WORD_GAP_AFTER_LIGATURE : WORD_GAP;
    const spaced = this.#spaceInFile || gap > wordGap * em;
    // Words in fonts of very different sizes are different fields: a large name and the contact row set beside it.
    if (spaced && Math.min(char.em, this.#lastEm) * CELL_SIZE_RATIO < largerEm) return '\t';
    if (spaced) return ' ';
    return this.#spaceInferred && gap > INFERRED_SPACE_GAP * em ? ' ' : '';
  }
}

interface OutputLine {
  cells: Cell[];
  column: number;
}

function lineStyle({ cells, column }: OutputLine): PdfLineStyle {
  const first = cells[0] as Cell;
  let size = 0;
  let letters = 0;
  let boldLetters = 0;
  let italicLetters = 0;
  for (const cell of cells) {
    size = Math.max(size, cell.size);
    letters += cell.letters;
    boldLetters += cell.boldLetters;
    italicLetters += cell.italicLetters;
  }
  return {
    x: first.left,
    baseline: first.baseline,
    size,
    bold: letters > 0 && boldLetters * 2 > letters,
    italic: letters > 0 && italicLetters * 2 > letters,
    column,
    // Undefined rather than left out, so every line has one shape (see storedLineStyle in pdf-text.ts).
    cellSizes: cells.length > 1 ? cells.map((cell) => cell.size) : undefined,
  };
}

/**
 * The page's lines in reading order: draw order, except that a column region whose draw order
 * interleaves its columns (see `findColumnRegions`) is read one column after the other, each top
 * to bottom, from where its first cell was drawn. Cells of one drawn line stay one line (tab-separated) while they are in
 * the same column.
 */
function composePage(cells: Cell[]): PageLayout {
  const columns = findColumnRegions(cells);
  const lines: OutputLine[] = [];
  let previous: Cell | undefined;
  const append = (cell: Cell, column: number) => {
    const line = lines[lines.length - 1];
    if (line && previous?.line === cell.line) line.cells.push(cell);
    else lines.push({ cells: [cell], column });
    previous = cell;
  };
  const emitted = new Set<ColumnRegion>();
  const isHoisted = new Uint8Array(cells.length);
  const appendTopDown = (indices: number[], column: number) => {
    for (const drawn of linesTopDown(cells, indices)) {
      previous = undefined;
      for (const member of drawn) append(member, column);
    }
    previous = undefined;
  };
  for (let index = 0; index < cells.length; index++) {
    const cell = cells[index] as Cell;
    const inRegion = columns?.get(index);
    if (!inRegion?.region.isInterleaved) {
      if (!isHoisted[index]) append(cell, inRegion?.column ?? 0);
      continue;
    }
    const { region } = inRegion;
    if (emitted.has(region)) continue;
    emitted.add(region);
    // A header band drawn after the columns it stands above (design tools draw the name last) is read first.
    const above: number[] = [];
    for (let later = index + 1; later < cells.length; later++) {
      if (!columns?.has(later) && !isHoisted[later] && (cells[later] as Cell).baseline > region.top) {
        above.push(later);
        isHoisted[later] = 1;
      }
    }
    appendTopDown(above, 0);
    for (const column of region.columnsInReadingOrder) appendTopDown(region.cells[column], column);
  }
  return { text: lines.map((line) => line.cells.map((cell) => cell.text).join('\t')).join('\n'), lines: lines.map(lineStyle) };
}

/**
 * A column's cells (draw order) grouped into the lines they were drawn on, top line first. A PDF that
 * mixes its columns may draw each column's own lines out of order too (a design tool's text boxes).
 */
function linesTopDown(cells: Cell[], indices: number[]): Cell[][] {
  const drawn: Cell[][] = [];
  for (const index of indices) {
    const cell = cells[index] as Cell;
    const line = drawn[drawn.length - 1];
    if (line && (line[0] as Cell).line === cell.line) line.push(cell);
    else drawn.push([cell]);
  }
  return drawn.sort((a, b) => (b[0] as Cell).baseline - (a[0] as Cell).baseline);
}

// Columns. A PDF may draw a two-column page row by row (a sidebar line, then a line of the main
// column beside it), so draw order mixes a skills list into a job. The columns show in the
// cells' positions: an x where no cell crosses, with many cells on each side, over a run of rows.
/** Positions are binned this finely (points) to find the gutter in one pass over the cells. */
const GUTTER_BIN = 2;
/** Rows further apart than this (in em), on both sides of the gutter at once, belong to different regions. */
const BAND_GAP = 2.5;
/** A column region holds at least this many rows on each side of the gutter. */
const MIN_COLUMN_ROWS = 5;
/** Cells whose baselines differ by less than this (points) are on one row. */
const ROW_TOLERANCE = 1;
/**
 * In a table (a label beside its items, a title beside its dates) nearly every row of the
 * sparser side sits on a row of the other: those belong together and stay one line. Two
 * columns of running text line up only now and then.
 */
const MAX_ALIGNED_ROW_SHARE = 0.5;
/**
 * Each column holds a line of text this wide (points, about 1.4 inches) somewhere in the region. A
 * narrower run down the page is a label beside its text: bullets, years, dates, section names
 * set in the margin, which belong to the lines they stand beside.
 */
const MIN_COLUMN_WIDTH = 100;

/**
 * Draw order that switches between the columns this often within a region interleaves them. A
 * page drawn column by column switches once, or a few times when a header row or a page number
 * sits beside a column; that order is kept as drawn.
 */
const MIN_INTERLEAVED_RUNS = 6;

interface ColumnRegion {
  /** Indices of the cells left (0) and right (1) of the gutter, in draw order. */
  cells: [number[], number[]];
  /** The column whose first cell was drawn first is read first. */
  columnsInReadingOrder: [0 | 1, 0 | 1];
  /** The draw order mixes the columns: read them one after the other instead. */
  isInterleaved: boolean;
  /** Baseline of its top row. */
  top: number;
}

/** The column region of each cell in one, with the side of the gutter it is on. */
type ColumnCells = Map<number, { region: ColumnRegion; column: 0 | 1 }>;

function columnRegion(cells: Cell[], sides: [number[], number[]]): ColumnRegion {
  // The sides are listed top of the page first.
  const top = Math.max((cells[sides[0][0] as number] as Cell).baseline, (cells[sides[1][0] as number] as Cell).baseline);
  const drawn: [number[], number[]] = [sides[0].sort((a, b) => a - b), sides[1].sort((a, b) => a - b)];
  const firstDrawn = (drawn[1][0] ?? Infinity) < (drawn[0][0] ?? Infinity) ? 1 : 0;
  // Runs of consecutive cells (in draw order) on one side: merge the two sorted lists.
  let runs = 0;
  let left = 0;
  let right = 0;
  let side = -1;
  while (left < drawn[0].length || right < drawn[1].length) {
    const next = (drawn[0][left] ?? Infinity) < (drawn[1][right] ?? Infinity) ? 0 : 1;
    if (next === 0) left++;
    else right++;
    if (next !== side) runs++;
    side = next;
  }
  return { cells: drawn, columnsInReadingOrder: firstDrawn === 0 ? [0, 1] : [1, 0], isInterleaved: runs >= MIN_INTERLEAVED_RUNS, top };
}

/** The cells in column regions, if the page has any. */
function findColumnRegions(cells: Cell[]): ColumnCells | null {
  const gutter = findGutter(cells);
  if (gutter === null) return null;
  // Top of the page first. Crossing cells (a header band, a full-width section) end a region.
  const byHeight = cells.map((_, index) => index).sort((a, b) => (cells[b] as Cell).baseline - (cells[a] as Cell).baseline);
  const found: ColumnCells = new Map();
  let sides: [number[], number[]] = [[], []];
  const close = () => {
    if (isColumnRegion(cells, sides)) {
      const region = columnRegion(cells, sides);
      for (const column of [0, 1] as const) for (const index of region.cells[column]) found.set(index, { region, column });
    }
    sides = [[], []];
  };
  let above: Cell | undefined;
  for (const index of byHeight) {
    const cell = cells[index] as Cell;
    // A band of white across both columns ends a region too: a header row set in two parts (a
    // name left, an email right) is not the top of two columns, and a table's rows stand apart.
    if (above && above.baseline - cell.baseline > BAND_GAP * cell.size) close();
    above = cell;
    if (cell.right < gutter.left) sides[0].push(index);
    else if (cell.left >= gutter.right) sides[1].push(index);
    else close();
  }
  close();
  return found.size > 0 ? found : null;
}

/**
 * The x range crossed by the fewest cells among those with enough cells wholly left and wholly
 * right of it (most balanced on a tie). Linear in cells plus the page's width in bins.
 */
function findGutter(cells: Cell[]): { left: number; right: number } | null {
  if (cells.length < 2 * MIN_COLUMN_ROWS) return null;
  let minLeft = Infinity;
  let maxRight = -Infinity;
  for (const cell of cells) {
    minLeft = Math.min(minLeft, cell.left);
    maxRight = Math.max(maxRight, cell.right);
  }
  const bins = Math.floor((maxRight - minLeft) / GUTTER_BIN) + 1;
  const binOf = (x: number) => Math.min(bins - 1, Math.max(0, Math.floor((x - minLeft) / GUTTER_BIN)));
  const coverChange = new Int32Array(bins + 1);
  const starts = new Int32Array(bins);
  const ends = new Int32Array(bins);
  for (const cell of cells) {
    const first = binOf(cell.left);
    const last = binOf(cell.right);
    coverChange[first] = (coverChange[first] ?? 0) + 1;
    coverChange[last + 1] = (coverChange[last + 1] ?? 0) - 1;
    starts[first] = (starts[first] ?? 0) + 1;
    ends[last] = (ends[last] ?? 0) + 1;
  }
  let best = -1;
  let bestCover = Infinity;
  let bestBalance = 0;
  let cover = 0;
  let endedBefore = 0;
  let startedUpTo = 0;
  for (let bin = 0; bin < bins; bin++) {
    cover += coverChange[bin] ?? 0;
    startedUpTo += starts[bin] ?? 0;
    const balance = Math.min(endedBefore, cells.length - startedUpTo);
    if (balance >= MIN_COLUMN_ROWS && (cover < bestCover || (cover === bestCover && balance > bestBalance))) {
      best = bin;
      bestCover = cover;
      bestBalance = balance;
    }
    endedBefore += ends[bin] ?? 0;
  }
  if (best < 0) return null;
  return { left: minLeft + best * GUTTER_BIN, right: minLeft + (best + 1) * GUTTER_BIN };
}

/** The baselines of the rows the cells (top first) sit on. */
function rowsOf(cells: Cell[], indices: number[]): number[] {
  const rows: number[] = [];
  for (const index of indices) {
    const baseline = (cells[index] as Cell).baseline;
    const last = rows[rows.length - 1];
    if (last === undefined || last - baseline > ROW_TOLERANCE) rows.push(baseline);
  }
  return rows;
}

function widestCell(cells: Cell[], indices: number[]): number {
  let widest = 0;
  for (const index of indices) widest = Math.max(widest, (cells[index] as Cell).right - (cells[index] as Cell).left);
  return widest;
}

function isColumnRegion(cells: Cell[], [left, right]: [number[], number[]]): boolean {
  const leftRows = rowsOf(cells, left);
  const rightRows = rowsOf(cells, right);
  if (leftRows.length < MIN_COLUMN_ROWS || rightRows.length < MIN_COLUMN_ROWS) return false;
  if (widestCell(cells, left) < MIN_COLUMN_WIDTH || widestCell(cells, right) < MIN_COLUMN_WIDTH) return false;
  const [fewer, more] = leftRows.length <= rightRows.length ? [leftRows, rightRows] : [rightRows, leftRows];
  let aligned = 0;
  let other = 0;
  for (const baseline of fewer) {
    while (other < more.length && (more[other] as number) - baseline > ROW_TOLERANCE) other++;
    if (other < more.length && Math.abs((more[other] as number) - baseline) <= ROW_TOLERANCE) aligned++;
  }
  return aligned < MAX_ALIGNED_ROW_SHARE * fewer.length;
}

// Russian LaTeX and Word fonts without a Unicode map come out as Windows-1251 bytes read as
// Latin-1: "Àëåêñåé" for "Алексей". A page whose letters are mostly in that Latin-1 range is such
// a page (French or German text has a few accented letters per word, not whole words of them).
const MISREAD_CYRILLIC_SHARE = 0.4;

export function undoMisreadCyrillic(text: string): string {
  let misread = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code >= 0xc0 && code <= 0xff) misread += 1;
  }
  if (misread === 0 || misread < MISREAD_CYRILLIC_SHARE * countLetters(text)) return text;
  // Windows-1251 puts А..я at 0xC0..0xFF, Ё at 0xA8 and ё at 0xB8.
  return text.replace(/[\u00C0-\u00FF\u00A8\u00B8]/g, (char) => {
    const code = char.charCodeAt(0);
    if (code === 0xa8) return 'Ё';
    if (code === 0xb8) return 'ё';
    return String.fromCharCode(0x410 + code - 0xc0);
  });
}
