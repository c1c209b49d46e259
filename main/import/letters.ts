// Letter counts decide whether a page has a text layer at all and whether it reads as language;
// they run on every page the import reads, so they look at character codes and ask the Unicode
// letter class only for what is not ASCII.

export const isAsciiLetter = (code: number): boolean => (code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a;

const LETTER = /\p{L}/u;
/** Whether a code point is a letter of any script. */
export const isLetter = (codePoint: number): boolean => LETTER.test(String.fromCodePoint(codePoint));

/** The letters of a text (Unicode letters, by code point), counted without copying it. */
export function countLetters(text: string): number {
  let letters = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x80) {
      if (isAsciiLetter(code)) letters += 1;
    } else {
      const codePoint = text.codePointAt(index) ?? code;
      if (codePoint > 0xffff) index += 1;
      if (isLetter(codePoint)) letters += 1;
    }
  }
  return letters;
}
