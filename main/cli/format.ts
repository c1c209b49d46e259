/** Pads columns to their widest cell; the last column is left ragged. */
export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function shortDate(iso: string): string {
  return iso.slice(0, 10);
}

export function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

// Terminal escape sequences: CSI (ESC [ … final byte, or the 8-bit CSI U+009B), OSC
// (ESC ] … ended by BEL or ESC \, or U+009D), DCS/SOS/PM/APC strings (ESC P/X/^/_ … ESC \),
// and the two-byte ESC sequences. A resume or a file name carrying one could retitle the
// window, rewrite earlier lines, or plant a clickable link in the recruiter's terminal.
const escapeSequences =
  /(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]|(?:\u001b\]|\u009d)[^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)?|(?:\u001b[PX^_]|[\u0090\u0098\u009e\u009f])[^\u001b\u009c]*(?:\u001b\\|\u009c)?|\u001b[\u0020-\u007e]?/g;
// What is left of control characters (C0 but tab and newline, DEL, C1), and the bidi
// controls that reorder what a terminal shows (U+202E makes "gpj.exe" read "exe.jpg").
const controlsAndBidi = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Text safe to print to a terminal: escape sequences and control characters removed, newlines and tabs kept. */
export function terminalSafe(text: string): string {
  return text.replace(escapeSequences, '').replace(controlsAndBidi, '');
}

/** JSON for a terminal: the same data, with the characters terminalSafe removes written as \uXXXX escapes. */
export function terminalJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(
    /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
