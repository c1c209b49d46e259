// Reading contact details again with the accurate model. The fast model (tessdata_fast) reads
// body text as well as tessdata_best on the scanned twins, and is ~1.5× cheaper in WebAssembly,
// but it loses what a resume is worth least without: a dot in an e-mail address, "009" read as
// "OO9", an icon fused with the address, and a name set in display type (bench/README.md, OCR). So
// every page is read fast, and the words that look like an e-mail address or a phone number and that
// the fast model was unsure of, or that mix letters O, l, I into digits, and the display-type words
// it was unsure of, are read once more from their place on the page with the accurate model. That
// is a few tenths of a second on a first page instead of reading it all twice.
import type { GreyImage } from '../pdf-text.ts';
import { encodePgm, type OcrBox, type OcrEngine, type OcrPageResult, type OcrWord } from './ocr.ts';

/** A contact word the fast model gives less confidence than this is read again. */
export const RECHECK_CONFIDENCE = 85;
/** At most this many words of one page are read again (a page of tables would otherwise be read word by word). */
export const MAX_RECHECKS_PER_PAGE = 6;
/** A word this many times taller than the page's typical word is display type: a name, a heading. */
const DISPLAY_TYPE_SCALE = 1.6;

export type ContactWordKind = 'email' | 'phone';

/** Letters that the fast model puts among digits where the digits 0 and 1 were meant. */
const LETTER_AMONG_DIGITS = /[OoIl|](?=\d)|(?<=\d)[OoIl|]/;

/** An e-mail address (an "@" with a letter or digit either side) or a phone number (seven digits or more, no other letters). */
export function contactWordKind(text: string): ContactWordKind | null {
  if (/[\p{L}\p{N}]@[\p{L}\p{N}]/u.test(text)) return 'email';
  const digits = text.match(/\d/g)?.length ?? 0;
  if (digits >= 7 && !/[\p{L}]/u.test(text.replace(/[OoIl]/g, ''))) return 'phone';
  return null;
}

/** A whole address: something, "@", a domain with a dot. What the accurate model must give to replace an address. */
function isWholeEmail(text: string): boolean {
  return /[\p{L}\p{N}]@[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+/u.test(text);
}

export function hasLetterAmongDigits(text: string): boolean {
  return LETTER_AMONG_DIGITS.test(text);
}

/** A word to read again: contact-like, and the fast model was unsure of it or mixed letters into its digits. */
export function isDoubtfulContactWord(word: OcrWord): boolean {
  return contactWordKind(word.text) !== null && (word.confidence < RECHECK_CONFIDENCE || hasLetterAmongDigits(word.text));
}

/** The height of the page's typical word with letters in it (the median), 0 when it has none. */
export function typicalWordHeight(words: readonly OcrWord[]): number {
  const heights = words.filter((word) => /\p{L}/u.test(word.text)).map((word) => word.box.height).sort((a, b) => a - b);
  return heights[Math.floor(heights.length / 2)] ?? 0;
}

/** A word to read again for its size: display type (a name, most often) that the fast model was unsure of. */
export function isDoubtfulDisplayWord(word: OcrWord, typicalHeight: number): boolean {
  return typicalHeight > 0 && word.box.height >= DISPLAY_TYPE_SCALE * typicalHeight && word.confidence < RECHECK_CONFIDENCE && /\p{L}{2}/u.test(word.text);
}

/** The word's box with some margin: the model reads a line better with a little paper around it. */
export function recheckArea(box: OcrBox): OcrBox {
  const across = Math.round(box.height * 0.25);
  const down = Math.round(box.height * 0.3);
  const left = Math.max(0, box.left - across);
  const top = Math.max(0, box.top - down);
  return { left, top, width: box.left + box.width + across - left, height: box.top + box.height + down - top };
}

/** How far two boxes overlap across the page, in pixels. */
function overlapAcross(a: OcrBox, b: OcrBox): number {
  return Math.max(0, Math.min(a.left + a.width, b.left + b.width) - Math.max(a.left, b.left));
}

/**
 * The accurate model's reading of the word, when it should replace the fast one: the word read
 * where it stood, of the same kind (an address stays a whole address; a display word has letters),
 * that differs, and either is as sure as the fast reading was or settles digits the fast model had
 * read as letters. Null keeps the fast reading.
 */
export function betterReading(fast: OcrWord, again: readonly OcrWord[]): OcrWord | null {
  const kind = contactWordKind(fast.text);
  const sameKind = again.filter((word) =>
    kind === null ? /\p{L}{2}/u.test(word.text) : contactWordKind(word.text) === kind && (kind !== 'email' || isWholeEmail(word.text)),
  );
  const accurate = sameKind
    .map((word) => ({ word, overlap: overlapAcross(word.box, fast.box) }))
    .filter(({ overlap }) => overlap > 0)
    .sort((a, b) => b.overlap - a.overlap)[0]?.word;
  if (!accurate || accurate.text === fast.text) return null;
  const settlesDigits = hasLetterAmongDigits(fast.text) && !hasLetterAmongDigits(accurate.text);
  return accurate.confidence >= fast.confidence || settlesDigits ? { ...accurate, box: fast.box } : null;
}

/** Which doubtful words are read again first: e-mail addresses, then phone numbers, then display type. */
function recheckOrder(word: OcrWord): number {
  const kind = contactWordKind(word.text);
  return kind === 'email' ? 0 : kind === 'phone' ? 1 : 2;
}

/** The text with every whole-word occurrence of `from` spelt `to`. */
function respell(text: string, from: string, to: string): string {
  return text.replace(new RegExp(`(?<=^|\\s)${RegExp.escape(from)}(?=\\s|$)`, 'g'), () => to);
}

/** Reads one area of the page with the accurate model; the words' boxes are in the page's pixels. */
export type AreaReader = (area: OcrBox) => Promise<OcrWord[]>;

/** Areas of an image file (PNG, JPEG…): tesseract decodes the whole file again for each (~0.1 s at 300 dpi). */
export function areasOfImageFile(engine: OcrEngine, file: Uint8Array): AreaReader {
  return async (area) => (await engine.recognize(file, { model: 'accurate', area })).words;
}

/** Areas of a rendered page: each is cut out and sent alone, so tesseract copies a strip, not the page. */
export function areasOfRenderedPage(engine: OcrEngine, page: GreyImage): AreaReader {
  return async (area) => {
    const left = Math.min(area.left, page.width);
    const top = Math.min(area.top, page.height);
    const width = Math.min(area.width, page.width - left);
    const height = Math.min(area.height, page.height - top);
    if (width <= 0 || height <= 0) return [];
    const pixels = new Uint8Array(width * height);
    for (let row = 0; row < height; row++) pixels.set(page.pixels.subarray((top + row) * page.width + left, (top + row) * page.width + left + width), row * width);
    const strip = { width, height, pixels };
    const { words } = await engine.recognize(encodePgm(strip), { model: 'accurate', area: { left: 0, top: 0, width, height } });
    return words.map((word) => ({ ...word, box: { ...word.box, left: word.box.left + left, top: word.box.top + top } }));
  };
}

/**
 * The page's reading with its doubtful words (contact-like or display type) read again by the
 * accurate model from the same image (the one the reading came from), e-mail addresses first. The
 * text takes the new spelling wherever the old word stood whole.
 */
export async function recheckDoubtfulWords(readArea: AreaReader, reading: OcrPageResult): Promise<OcrPageResult> {
  const typicalHeight = typicalWordHeight(reading.words);
  const doubtful = reading.words
    .map((word, index) => ({ word, index }))
    .filter(({ word }) => isDoubtfulContactWord(word) || isDoubtfulDisplayWord(word, typicalHeight))
    .sort((a, b) => recheckOrder(a.word) - recheckOrder(b.word))
    .slice(0, MAX_RECHECKS_PER_PAGE);
  if (doubtful.length === 0) return reading;
  let { text } = reading;
  const words = [...reading.words];
  for (const { word, index } of doubtful) {
    const better = betterReading(word, await readArea(recheckArea(word.box)));
    if (!better) continue;
    text = respell(text, word.text, better.text);
    words[index] = better;
  }
  return { text, words };
}
