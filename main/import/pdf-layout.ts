// Turns a page's characters, in the order the PDF draws them, into lines of text.
// PDFium's own plain-text output guesses lines and spaces differently from pdf.js and
// breaks on real resumes (a name and its contact row fused into one line, the words of
// a Word template one per line), so the import lays the text out itself from each
// character's position and size: a new line when the baseline moves, a tab across a wide gap on
// the same line (columns, right-aligned dates: the analysis reads those as separate
// cells, as it did with pdf-parse's output), one space for a word gap.

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
  /** Largest font size of each tab-separated cell, when the line has more than one. */
  cellSizes?: number[];
}

interface LineTally extends PdfLineStyle {
  letters: number;
  boldLetters: number;
  italicLetters: number;
  cellSizes: number[];
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

export class PageTextBuilder {
  #text = '';
  #hasChars = false;
  #spaceInFile = false;
  #spaceInferred = false;
  #lastRight = 0;
  #lastBaseline = 0;
  #lastEm = 0;
  #lastOriginX = Number.NaN;
  #sameGlyphLetters = 0;
  #lines: LineTally[] = [];

  add(char: PdfChar): void {
    if (isInvisible(char.code)) return;
    if (char.generated) {
      if (char.code === 0x20) this.#spaceInferred = true;
      return;
    }
    if (isBlank(char.code) || isIconGlyph(char)) {
      this.#spaceInFile = true;
      if (this.#hasChars && char.right > this.#lastRight) this.#lastRight = char.right;
      return;
    }
    const sameGlyph = this.#hasChars && char.originX === this.#lastOriginX && char.baseline === this.#lastBaseline;
    if (sameGlyph) {
      if (this.#spaceInFile) this.#text += ' ';
      this.#sameGlyphLetters = LIGATURE_LETTERS.has(char.code) ? this.#sameGlyphLetters + 1 : 0;
      this.#lastRight = Math.max(this.#lastRight, char.right);
    } else {
      const separator = this.#hasChars ? this.#separator(char) : '\n';
      if (this.#hasChars) this.#text += separator;
      if (separator === '\n') this.#lines.push({ x: char.left, baseline: char.baseline, size: 0, bold: false, italic: false, letters: 0, boldLetters: 0, italicLetters: 0, cellSizes: [0] });
      if (separator === '\t') this.#lines[this.#lines.length - 1]?.cellSizes.push(0);
      this.#sameGlyphLetters = LIGATURE_LETTERS.has(char.code) ? 1 : 0;
      this.#lastRight = char.right;
    }
    this.#tally(char);
    this.#text += glyphFor(char.code);
    this.#hasChars = true;
    this.#spaceInFile = false;
    this.#spaceInferred = false;
    this.#lastOriginX = char.originX;
    this.#lastBaseline = char.baseline;
    this.#lastEm = char.em;
  }

  text(): string {
    return this.#text;
  }

  /** One style per line of `text()`. */
  lineStyles(): PdfLineStyle[] {
    return this.#lines.map(({ x, baseline, size, letters, boldLetters, italicLetters, cellSizes }) => ({
      x,
      baseline,
      size,
      bold: letters > 0 && boldLetters * 2 > letters,
      italic: letters > 0 && italicLetters * 2 > letters,
      ...(cellSizes.length > 1 ? { cellSizes } : {}),
    }));
  }

  #tally(char: PdfChar): void {
    const line = this.#lines[this.#lines.length - 1];
    if (!line) return;
    if (char.em > line.size) line.size = char.em;
    const cell = line.cellSizes.length - 1;
    if (char.em > (line.cellSizes[cell] ?? 0)) line.cellSizes[cell] = char.em;
    line.letters++;
    if (char.bold) line.boldLetters++;
    if (char.italic) line.italicLetters++;
  }

  #separator(char: PdfChar): string {
    const gap = char.left - this.#lastRight;
    const shift = gap >= 0 ? NEW_LINE_SHIFT_ONWARDS : NEW_LINE_SHIFT;
    const baselineShift = Math.abs(char.baseline - this.#lastBaseline);
    const largerEm = Math.max(char.em, this.#lastEm);
    if (baselineShift > shift * largerEm) return '\n';
    if (gap < -NEW_LINE_BACKWARDS_GAP * largerEm && baselineShift > NEW_LINE_BACKWARDS_SHIFT * largerEm) return '\n';
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
