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

function hasText(line: string): boolean {
  const visible = line.replace(invisible, '').trim();
  return visible.length > 0 && !pageMarker.test(visible);
}

/**
 * The styles of the raw text's lines, moved onto the lines of its normalised text: normalising
 * keeps every line with text, in order, and only drops or merges blank ones.
 */
export function alignLineStyles<T>(raw: string, rawStyles: readonly (T | null)[], normalised: string): (T | null)[] {
  const kept: (T | null)[] = [];
  raw.replace(/\r\n?/g, '\n').split('\n').forEach((line, index) => {
    if (hasText(line)) kept.push(rawStyles[index] ?? null);
  });
  let next = 0;
  return normalised.split('\n').map((line) => (line.trim().length > 0 ? (kept[next++] ?? null) : null));
}
