// Extracted text is normalised once, before it is stored and analysed: the analysis
// reports 1-based line numbers into exactly this string.

// pdf-parse separates pages with lines such as "-- 1 of 2 --".
const pageMarker = /^-- \d+ of \d+ --$/;
// Zero-width space, non-joiner and joiner, word joiner, BOM / zero-width no-break space, soft hyphen
// (NUL goes too, with its own replace).
const invisible = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;

export function normaliseText(raw: string): string {
  const lines = raw
    .replace(/\r\n?/g, '\n')
    .replaceAll('\u0000', '')
    .replace(invisible, '')
    .split('\n')
    .filter((line) => !pageMarker.test(line.trim()))
    .map((line) => line.trimEnd());
  // More than two blank lines in a row become two; leading and trailing blank lines go.
  return lines
    .join('\n')
    .replace(/\n{4,}/g, '\n\n\n')
    .replace(/^\n+/, '')
    .replace(/\n+$/, '');
}
