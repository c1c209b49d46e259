// Word helpers for sentences the app, the CLI and the briefs show. Pure and free of
// imports, so every side can use them.

/** "1 file", "3 files". `shown` is how the count is written: a screen passes it formatted for the reader's locale. */
export function plural(count: number, one: string, many = `${one}s`, shown = String(count)): string {
  return `${shown} ${count === 1 ? one : many}`;
}

/** "strong no" → "Strong no". */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
