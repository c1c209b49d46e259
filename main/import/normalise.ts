// Extracted text is normalised once, before it is stored and analysed: the analysis
// reports 1-based line numbers into exactly this string.

// pdf-parse separates pages with lines such as "-- 1 of 2 --".
const pageMarker = /^-- \d+ of \d+ --$/;

// Characters that change how text looks or sorts without being part of what it says.
// Removing them keeps the words: the text is stored in logical order, so dropping a
// right-to-left override (U+202E) shows the characters as written instead of reversed.
// - Bidi controls: LRM, RLM, ALM, the embeddings/overrides U+202A-202E, the isolates U+2066-2069.
//   Arabic or Hebrew text keeps its direction (the renderer lays it out by its letters).
// - Zero-width space, word joiner, invisible math operators U+2061-2064, the deprecated
//   formatting U+206A-206F, BOM / zero-width no-break space, interlinear annotation
//   U+FFF9-FFFB, Mongolian vowel separator, soft hyphen: they split words invisibly
//   ("Kuber<ZWSP>netes") or carry nothing.
// - C0 and C1 control characters other than tab and newline (NUL, ESC and terminal
//   sequences' other parts, DEL); a vertical tab or form feed is a line break.
const invisibleFormatting =
  /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/g;
const lineBreakControls = /[\u000b\u000c]/g;

// Zero-width joiner and non-joiner mean something in two places, where they stay:
// - between emoji, joining them into one (👩‍💻 is woman + ZWJ + laptop);
// - after a letter or mark of a script whose letters join or conjoin (Arabic, Persian, the
//   Indic scripts, Sinhala, Myanmar, Khmer, Mongolian...), where they choose a letter's form.
// Anywhere else (between Latin letters, say) they only hide a split word, and go.
const joinerScripts = String.raw`\p{sc=Arab}\p{sc=Syrc}\p{sc=Thaa}\p{sc=Nkoo}\p{sc=Mong}\p{sc=Deva}\p{sc=Beng}\p{sc=Guru}\p{sc=Gujr}\p{sc=Orya}\p{sc=Taml}\p{sc=Telu}\p{sc=Knda}\p{sc=Mlym}\p{sc=Sinh}\p{sc=Mymr}\p{sc=Khmr}\p{sc=Tibt}`;
const emojiPart = String.raw`\p{Extended_Pictographic}\u{FE0F}\u{1F3FB}-\u{1F3FF}`;
const strayJoiner = new RegExp(
  String.raw`(?<![${joinerScripts}])[\u200c\u200d](?![${emojiPart}])|(?<![${joinerScripts}${emojiPart}])[\u200c\u200d]`,
  'gu',
);
// Tag characters: only meaningful inside an emoji tag sequence (the flag of England is
// black flag + tags + cancel tag); elsewhere they are invisible ASCII look-alikes.
const strayTag = /(?<!\u{1F3F4}[\u{E0020}-\u{E007E}]*)[\u{E0001}\u{E0020}-\u{E007F}]/gu;

/** Removes invisible formatting that changes how text displays or splits words, keeping what it says. */
export function stripInvisibleFormatting(text: string): string {
  return text.replace(lineBreakControls, '\n').replace(invisibleFormatting, '').replace(strayJoiner, '').replace(strayTag, '');
}

export function normaliseText(raw: string): string {
  const lines = stripInvisibleFormatting(raw)
    .replace(/\r\n?/g, '\n')
    .replace(/\u2028|\u2029/g, '\n')
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

/** Printable ASCII and tabs: what most lines are, and what normalising leaves as it is. */
const PLAIN_LINE = /^[\t\x20-\x7e]*$/;

function hasText(line: string): boolean {
  const visible = (PLAIN_LINE.test(line) ? line : stripInvisibleFormatting(line)).trim();
  return visible.length > 0 && !pageMarker.test(visible);
}

/**
 * The styles of the raw text's lines, moved onto the lines of its normalised text: normalising
 * keeps every line with text, in order, and only drops or merges blank ones.
 */
export function alignLineStyles<T>(raw: string, rawStyles: readonly (T | null)[], normalised: string): (T | null)[] {
  const kept: (T | null)[] = [];
  raw.replace(/\r\n?/g, '\n').split('\n').forEach((line, index) => {
    // A line break inside a raw line (vertical tab, form feed, U+2028) splits it in the normalised text; each part keeps its style.
    for (const part of line.split(/[\u000b\u000c\u2028\u2029]/)) if (hasText(part)) kept.push(rawStyles[index] ?? null);
  });
  let next = 0;
  return normalised.split('\n').map((line) => (line.trim().length > 0 ? (kept[next++] ?? null) : null));
}
