/** True when `word` occurs in `text` with no letter or digit touching either end (both lowercase). */
export function containsWord(text: string, word: string): boolean {
  let from = 0;
  for (;;) {
    const at = text.indexOf(word, from);
    if (at < 0) return false;
    const before = at === 0 ? ' ' : text[at - 1]!;
    const after = at + word.length >= text.length ? ' ' : text[at + word.length]!;
    if (!/[a-z0-9]/.test(before) && !/[a-z0-9]/.test(after)) return true;
    from = at + 1;
  }
}
