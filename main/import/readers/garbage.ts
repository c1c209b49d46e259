// Tells a PDF text layer that is language from one that is not: fonts without a Unicode map give
// private-use code points, replacement characters or letters shifted to other letters; a font
// mapped with the wrong code page gives Latin-1 mojibake of another script (Cyrillic read as
// "Ðàáîòà"). Such a page is read by OCR instead, and the reason is kept.

import { isAsciiLetter, isLetter } from '../letters.ts';

/**
 * Common English words and words of any resume, and the function words of the other languages
 * resumes here come in (French, Spanish, Portuguese, Italian, German, Dutch): a page of language
 * uses many of them, a page of shifted glyphs none.
 */
const commonWords = new Set(
  (
    'the and for with from that this have has had are was were will been our your their its into over under about ' +
    'team teams work worked working data model models production system systems service services pipeline pipelines ' +
    'engineer engineering experience years year project projects using used build built design designed developed ' +
    'led lead manage managed support platform infrastructure cloud software skills education university summary ' +
    'company management development test testing deploy deployed deployment monitoring business customer customers ' +
    'time new high improved reduced performance across via per all more than also other based tools learning machine ' +
    'senior present through including within users user code application applications analysis research science ' +
    'computer technical end scale scalable real report reports process processes quality security network ' +
    'de la le les et en des du un une pour dans sur avec par est au aux que qui ' +
    'el los las y con para por del al una es su como ' +
    'do da dos das em com um uma os ' +
    'il di della che per nel con ' +
    'der die das und mit von zu im auf für ist ein eine bei ' +
    'het van een op voor met aan'
  ).split(' '),
);

export interface TextLayerVerdict {
  /** Null when the text reads as language (or is too short to judge). */
  problem: string | null;
}

const MIN_LETTERS = 80;
/** Fewer words than this are too few to say a text has no dictionary words. */
const MIN_WORDS = 30;
/** Language has at least this share of common words; shifted glyphs have almost none. */
const COMMON_WORD_SHARE = 0.02;
const ASCII_WORD = /[a-z]{2,}/gi;

/**
 * Whether the text's words (runs of two or more ASCII letters) include enough common ones to be
 * language. It stops once the answer cannot change: a text has at most half as many words as
 * letters, and real text passes within its first lines.
 */
function hasCommonWords(text: string, asciiLetters: number): boolean {
  const certainAt = (COMMON_WORD_SHARE * asciiLetters) / 2;
  let words = 0;
  let known = 0;
  for (const [word] of text.matchAll(ASCII_WORD)) {
    words += 1;
    if (commonWords.has(word.toLowerCase()) && ++known >= certainAt) return true;
  }
  return words < MIN_WORDS || known >= COMMON_WORD_SHARE * words;
}

export function judgeTextLayer(text: string): TextLayerVerdict {
  let letters = 0;
  let privateUse = 0;
  let replacement = 0;
  let latin1Letters = 0;
  let asciiLetters = 0;
  // Most resume text is ASCII: its letters are told by their codes, and only the rest asks the
  // Unicode letter class (this runs on every page the import reads).
  for (let index = 0; index < text.length; index++) {
    const code = text.codePointAt(index) ?? 0;
    if (code > 0xffff) index += 1;
    if (code < 0x80 && code >= 0x20) {
      if (isAsciiLetter(code)) {
        letters += 1;
        asciiLetters += 1;
      }
    } else if ((code >= 0xe000 && code <= 0xf8ff) || code >= 0xf0000) {
      privateUse += 1;
      letters += 1;
    } else if (code === 0xfffd || (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d)) {
      replacement += 1;
      letters += 1;
    } else if (isLetter(code)) {
      letters += 1;
      // Latin-1 Supplement letters and the symbols mojibake brings with them (Ã, Ð, ¾, ±…).
      if (code >= 0xa0 && code <= 0xff) latin1Letters += 1;
    }
  }
  if (letters < MIN_LETTERS) return { problem: null };
  if (privateUse / letters > 0.1) {
    return { problem: 'the text layer uses private-use characters (fonts without a Unicode map)' };
  }
  if (replacement / letters > 0.1) {
    return { problem: 'the text layer is mostly unmapped glyphs' };
  }
  // Accented Latin letters are a few percent of French, Spanish or German text; above a third it is
  // another script's bytes shown as Latin-1.
  if (latin1Letters / letters > 0.3) {
    return { problem: 'the text layer is Latin-1 mojibake (another script decoded with the wrong code page)' };
  }
  if (asciiLetters / letters > 0.8 && !hasCommonWords(text, asciiLetters)) {
    return { problem: 'the text layer has no dictionary words (glyphs mapped to the wrong letters)' };
  }
  return { problem: null };
}

const cyrillicDecoder = new TextDecoder('windows-1251');
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function isUtf8(bytes: Uint8Array): boolean {
  try {
    strictUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Undoes the commonest mojibake in resumes: Cyrillic text whose font maps Windows-1251 bytes to
 * the Latin-1 letters of the same byte values. Returns the repaired text when most of its
 * accented letters become Cyrillic letters, or null (then the page is read by OCR).
 */
export function repairLatin1Mojibake(text: string): string | null {
  let repairedLetters = 0;
  let latin1Letters = 0;
  const repaired = text.replace(/[\u00a0-\u00ff]+/g, (run) => {
    const bytes = Uint8Array.from(run, (char) => char.charCodeAt(0));
    for (const char of run) if (isLetter(char.codePointAt(0) ?? 0)) latin1Letters += 1;
    // UTF-8 shown as Latin-1 ("Ã©tÃ©") is another mojibake; this repair is not for it.
    if (isUtf8(bytes)) return run;
    const decoded = cyrillicDecoder.decode(bytes);
    for (const char of decoded) if (/\p{Script=Cyrillic}/u.test(char)) repairedLetters += 1;
    return decoded;
  });
  return latin1Letters > 0 && repairedLetters / latin1Letters > 0.9 ? repaired : null;
}
