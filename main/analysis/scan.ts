import { allMatches, emptyLists } from './lines.ts';
import { ruleRegex } from './taxonomy.ts';

/**
 * Many rule patterns scanned over one text. Most rule patterns are alternations of `\b` + words ("\bKubeflow\b|
 * \bmodel registry\b"), so they can only match where a word with one of a few beginnings starts. One scan finds
 * those words for all patterns at once; each pattern is then tried (sticky) only where it can start. Patterns that
 * may start elsewhere are scanned as before.
 */
export function multiPatternScan(sources: readonly string[], flags: string): (text: string) => number[][] {
  const patterns = sources.map((source) => {
    const global = ruleRegex(source, `${flags}g`);
    const prefixes = global.unicode ? null : leadingWordPrefixes(source);
    return { global, sticky: prefixes ? ruleRegex(source, `${flags}y`) : null, prefixes };
  });
  const prefixTree = newPrefixNode();
  patterns.forEach(({ prefixes }, index) => {
    for (const prefix of prefixes ?? []) addPrefix(prefixTree, prefix, index);
  });
  const allPrefixes = patterns.flatMap(({ prefixes }) => prefixes ?? []);
  // A whole word (\w is [A-Za-z0-9_] without the unicode flag) that begins with one of the prefixes.
  const wordWithPrefix = allPrefixes.length > 0 ? new RegExp(`(?<!\\w)(?=${[...new Set(allPrefixes)].join('|')})\\w+`, 'gi') : null;

  return (text) => {
    const candidates = emptyLists<number>(patterns.length);
    for (const match of wordWithPrefix ? allMatches(wordWithPrefix, text) : []) {
      // Walks the word's letters down the tree of prefixes: each node passed is a prefix the word starts with.
      const word = match[0].toLowerCase();
      let node: PrefixNode | undefined = prefixTree;
      for (let length = 0; length < word.length; length++) {
        node = node.next.get(word[length] ?? '');
        if (!node) break;
        for (const index of node.patterns) {
          const offsets = candidates[index] ?? [];
          if (offsets[offsets.length - 1] !== match.index) offsets.push(match.index);
        }
      }
    }
    return patterns.map(({ global, sticky }, index) => (sticky ? stickyMatchStarts(sticky, text, candidates[index] ?? []) : allMatches(global, text).map((match) => match.index)));
  };
}

/** Word beginnings, one letter per level; `patterns`: the patterns that may start with the letters down to this node. */
interface PrefixNode {
  next: Map<string, PrefixNode>;
  patterns: number[];
}

function newPrefixNode(): PrefixNode {
  return { next: new Map(), patterns: [] };
}

function addPrefix(tree: PrefixNode, prefix: string, pattern: number): void {
  let node = tree;
  for (const letter of prefix) {
    let child = node.next.get(letter);
    if (!child) {
      child = newPrefixNode();
      node.next.set(letter, child);
    }
    node = child;
  }
  if (!node.patterns.includes(pattern)) node.patterns.push(pattern);
}

/** Match starts of a global scan, found by trying the sticky pattern at the ascending offsets where it can start. */
function stickyMatchStarts(sticky: RegExp, text: string, candidates: readonly number[]): number[] {
  const starts: number[] = [];
  let scannedTo = 0;
  for (const candidate of candidates) {
    if (candidate < scannedTo) continue;
    sticky.lastIndex = candidate;
    if (!sticky.test(text)) continue;
    starts.push(candidate);
    scannedTo = sticky.lastIndex;
  }
  return starts;
}

/**
 * Lower-cased word beginnings such that every match of the pattern starts with one of them at the start of a word:
 * each alternative must begin (after any lookarounds, which consume nothing) with `\b` and a word character. Null
 * when some alternative does not, or is too varied to list. The beginnings are the literal word characters that
 * every match of the alternative starts with, branching into groups of alternatives.
 */
export function leadingWordPrefixes(source: string): string[] | null {
  const found = new Set<string>();
  for (const alternative of splitAlternatives(source)) {
    let index = 0;
    while (index >= 0 && LOOKAROUND.test(alternative.slice(index))) index = groupEnd(alternative, index);
    if (index < 0 || !alternative.startsWith('\\b', index)) return null;
    const prefixes = literalStart(alternative.slice(index + 2)).prefixes;
    if (prefixes.length === 0 || prefixes.includes('')) return null;
    for (const prefix of prefixes) found.add(prefix.toLowerCase());
  }
  return [...found];
}

const WORD_CHARACTER = /^[A-Za-z0-9_]$/;
const LOOKAROUND = /^\(\?<?[=!]/;
const MAX_PREFIXES = 64;

/**
 * The literal word characters every match of the pattern sequence starts with (several strings where it starts with
 * a group of alternatives), and whether the sequence is nothing but those characters.
 */
function literalStart(sequence: string): { prefixes: string[]; complete: boolean } {
  let prefixes = [''];
  let index = 0;
  while (index < sequence.length) {
    const character = sequence[index] ?? '';
    if (character === '(' && !LOOKAROUND.test(sequence.slice(index))) {
      const end = groupEnd(sequence, index);
      if (end < 0) return { prefixes, complete: false };
      const repeat = quantifierAt(sequence, end);
      if (repeat === 'optional') return { prefixes, complete: false };
      const bodyStart = sequence.startsWith('(?:', index) ? index + 3 : sequence.startsWith('(?<', index) ? sequence.indexOf('>', index) + 1 : index + 1;
      const branches = splitAlternatives(sequence.slice(bodyStart, end - 1)).map(literalStart);
      const joined = prefixes.flatMap((prefix) => branches.flatMap((branch) => branch.prefixes.map((tail) => prefix + tail)));
      if (joined.length > MAX_PREFIXES) return { prefixes, complete: false };
      prefixes = joined;
      if (repeat === 'repeated' || branches.some((branch) => !branch.complete)) return { prefixes, complete: false };
      index = end;
      continue;
    }
    if (!WORD_CHARACTER.test(character)) return { prefixes, complete: false };
    const repeat = quantifierAt(sequence, index + 1);
    if (repeat === 'optional') return { prefixes, complete: false };
    prefixes = prefixes.map((prefix) => prefix + character);
    if (repeat === 'repeated') return { prefixes, complete: false };
    index++;
  }
  return { prefixes, complete: true };
}

/** How the quantifier at `index` (if any) repeats the atom before it: once, maybe never, or at least once. */
function quantifierAt(source: string, index: number): 'once' | 'optional' | 'repeated' {
  const character = source[index];
  if (character === '?' || character === '*') return 'optional';
  if (character === '+') return 'repeated';
  const minimum = character === '{' ? /^\{(\d+)/.exec(source.slice(index))?.[1] : undefined;
  if (minimum === undefined) return 'once';
  return Number(minimum) === 0 ? 'optional' : 'repeated';
}

/** Top-level alternatives of a pattern (not those inside groups or character classes). */
function splitAlternatives(source: string): string[] {
  const alternatives: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let index = 0; index < source.length; index++) {
    const character = source[index];
    if (character === '\\') index++;
    else if (inClass) inClass = character !== ']';
    else if (character === '[') inClass = true;
    else if (character === '(') depth++;
    else if (character === ')') depth--;
    else if (character === '|' && depth === 0) {
      alternatives.push(source.slice(start, index));
      start = index + 1;
    }
  }
  alternatives.push(source.slice(start));
  return alternatives;
}

/** Index just after the group that opens at `start`, or -1 when it is not closed. */
function groupEnd(source: string, start: number): number {
  let depth = 0;
  let inClass = false;
  for (let index = start; index < source.length; index++) {
    const character = source[index];
    if (character === '\\') index++;
    else if (inClass) inClass = character !== ']';
    else if (character === '[') inClass = true;
    else if (character === '(') depth++;
    else if (character === ')' && --depth === 0) return index + 1;
  }
  return -1;
}
