// Reading contact details again with the accurate model. The fast model (tessdata_fast) reads
// body text as well as tessdata_best on the scanned twins, and is ~1.5× cheaper in WebAssembly,
// but it loses what a resume is worth least without: a dot in an e-mail address, "009" read as
// "OO9", an icon fused with the address (bench/README.md, OCR). So every page is read fast, and the
// words that look like an e-mail address or a phone number and that the fast model was unsure of,
// or that mix letters O, l, I into digits, are read once more from their place on the page with
// the accurate model. That is a few tenths of a second on a first page instead of reading it all twice.
import type { OcrBox, OcrEngine, OcrPageResult, OcrWord } from './ocr.ts';

/** A contact word the fast model gives less confidence than this is read again. */
export const RECHECK_CONFIDENCE = 85;
/** At most this many words of one page are read again (a page of tables would otherwise be read word by word). */
export const MAX_RECHECKS_PER_PAGE = 6;

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

/** The word's box with some margin: the model reads a line better with a little paper around it. */
export function recheckArea(box: OcrBox): OcrBox {
  const across = Math.round(box.height * 0.25);
  const down = Math.round(box.height * 0.3);
  const left = Math.max(0, box.left - across);
  const top = Math.max(0, box.top - down);
  return { left, top, width: box.left + box.width + across - left, height: box.top + box.height + down - top };
}

/**
 * The accurate model's reading of the word, when it should replace the fast one: a word of the
 * same kind (an address stays a whole address) that differs, and either is as sure as the fast
 * reading was or settles digits the fast model had read as letters. Null keeps the fast reading.
 */
export function betterReading(fast: OcrWord, again: readonly OcrWord[]): OcrWord | null {
  const kind = contactWordKind(fast.text);
  const accurate = again.find((word) => contactWordKind(word.text) === kind && (kind !== 'email' || isWholeEmail(word.text)));
  if (!accurate || accurate.text === fast.text) return null;
  const settlesDigits = hasLetterAmongDigits(fast.text) && !hasLetterAmongDigits(accurate.text);
  return accurate.confidence >= fast.confidence || settlesDigits ? { ...accurate, box: fast.box } : null;
}

/**
 * The page's reading with its doubtful contact words read again by the accurate model from the
 * same image (the one the reading came from), e-mail addresses first. The text takes the new
 * spelling wherever the old one stood.
 */
export async function recheckContactWords(engine: OcrEngine, image: Uint8Array, reading: OcrPageResult): Promise<OcrPageResult> {
  const doubtful = reading.words
    .map((word, index) => ({ word, index }))
    .filter(({ word }) => isDoubtfulContactWord(word))
    .sort((a, b) => Number(contactWordKind(b.word.text) === 'email') - Number(contactWordKind(a.word.text) === 'email'))
    .slice(0, MAX_RECHECKS_PER_PAGE);
  if (doubtful.length === 0) return reading;
  let { text } = reading;
  const words = [...reading.words];
  for (const { word, index } of doubtful) {
    const again = await engine.recognize(image, { model: 'accurate', area: recheckArea(word.box) });
    const better = betterReading(word, again.words);
    if (!better) continue;
    text = text.replaceAll(word.text, better.text);
    words[index] = better;
  }
  return { text, words };
}
