// Search over the loaded candidate list, answered on every keystroke.
//
// Fuzzy-matching every field of every candidate costs about 35 Fuse matches per
// candidate per keystroke (over a second at 10,000 candidates). Names, employers,
// titles, tools and places are made of far fewer distinct words than that, so the
// index holds each distinct word once with the candidates (and fields) it occurs
// in: a query word is matched by prefix (binary search over the sorted words) and,
// for typos, by Fuse over the distinct words, then mapped back to candidates.
// Several query words must all match ("mlflow berlin").
import Fuse from 'fuse.js';
import type { CandidateListItem } from '../contract/types.ts';

export interface SearchField {
  values(item: CandidateListItem): readonly (string | null)[];
  /** How much a match in this field counts against a match elsewhere. */
  weight: number;
}

interface Posting {
  candidate: number;
  weight: number;
}

export interface CandidateSearchIndex {
  items: readonly CandidateListItem[];
  /** Distinct words, sorted, for prefix look-ups. */
  words: string[];
  postings: Map<string, Posting[]>;
  /** Each candidate's words with their field weight, to narrow a match that is already small. */
  wordsByCandidate: Array<Map<string, number>>;
  averageWordsPerCandidate: number;
  fuzzy: Fuse<string>;
}

/** Below this many characters a query word is matched by prefix only: fuzzy matches of short words are noise. */
const minFuzzyLength = 4;
const fuzzyLimit = 40;
/** A typo adds, drops or swaps a character; a word two characters longer or shorter is usually another word (berlin, berliner). */
const maxFuzzyLengthDifference = 1;
const exactQuality = 1;
const prefixQuality = 0.85;
const fuzzyQuality = 0.6;

export function searchWords(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase()
    .split(/[^\p{L}\p{N}+#]+/u)
    .filter((word) => word.length > 0);
}

export function buildSearchIndex(items: readonly CandidateListItem[], fields: readonly SearchField[]): CandidateSearchIndex {
  const postings = new Map<string, Posting[]>();
  const wordsByCandidate: Array<Map<string, number>> = [];
  // Most values recur (tool names, places, titles, employers): each distinct one is split into words once.
  const wordsOfValue = new Map<string, string[]>();
  items.forEach((item, candidate) => {
    const best = new Map<string, number>();
    wordsByCandidate.push(best);
    for (const field of fields) {
      for (const value of field.values(item)) {
        if (!value) continue;
        let words = wordsOfValue.get(value);
        if (!words) wordsOfValue.set(value, (words = searchWords(value)));
        for (const word of words) best.set(word, Math.max(best.get(word) ?? 0, field.weight));
      }
    }
    for (const [word, weight] of best) {
      let list = postings.get(word);
      if (!list) postings.set(word, (list = []));
      list.push({ candidate, weight });
    }
  });
  const words = [...postings.keys()].sort();
  const fuzzy = new Fuse(words, { threshold: 0.34, ignoreLocation: true, includeScore: true, minMatchCharLength: 2 });
  const wordCount = wordsByCandidate.reduce((sum, candidateWords) => sum + candidateWords.size, 0);
  const averageWordsPerCandidate = items.length === 0 ? 0 : wordCount / items.length;
  return { items, words, postings, wordsByCandidate, averageWordsPerCandidate, fuzzy };
}

function firstAtOrAfter(words: readonly string[], prefix: string): number {
  let low = 0;
  let high = words.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((words[middle] ?? '') < prefix) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Words of the index matching one query word, with how good each match is (0..1]. */
function matchingWords(index: CandidateSearchIndex, queryWord: string): Map<string, number> {
  const matches = new Map<string, number>();
  for (let at = firstAtOrAfter(index.words, queryWord); at < index.words.length; at++) {
    const word = index.words[at] ?? '';
    if (!word.startsWith(queryWord)) break;
    matches.set(word, word === queryWord ? exactQuality : prefixQuality);
  }
  if (queryWord.length >= minFuzzyLength) {
    for (const result of index.fuzzy.search(queryWord, { limit: fuzzyLimit })) {
      if (Math.abs(result.item.length - queryWord.length) > maxFuzzyLengthDifference) continue;
      const quality = fuzzyQuality * (1 - (result.score ?? 1));
      if (quality > (matches.get(result.item) ?? 0)) matches.set(result.item, quality);
    }
  }
  return matches;
}

/** Candidates matching every word of the query, best first; null when the query has no words. */
export function searchCandidates(index: CandidateSearchIndex, query: string): CandidateListItem[] | null {
  const queryWords = [...new Set(searchWords(query))];
  if (queryWords.length === 0) return null;
  let totals: Map<number, number> | null = null;
  for (const queryWord of queryWords) {
    const scores = new Map<number, number>();
    const matches = matchingWords(index, queryWord);
    const record = (candidate: number, quality: number, weight: number) => {
      const score = quality * weight;
      if (score > (scores.get(candidate) ?? 0)) scores.set(candidate, score);
    };
    // A later word of the query only narrows the candidates the earlier words left: when reading
    // their words is cheaper than walking every posting of the matched words, do that instead.
    let postingCount = 0;
    for (const word of matches.keys()) postingCount += index.postings.get(word)?.length ?? 0;
    if (totals !== null && totals.size * index.averageWordsPerCandidate < postingCount) {
      for (const candidate of totals.keys()) {
        for (const [word, weight] of index.wordsByCandidate[candidate] ?? []) {
          const quality = matches.get(word);
          if (quality !== undefined) record(candidate, quality, weight);
        }
      }
    } else {
      for (const [word, quality] of matches) {
        for (const { candidate, weight } of index.postings.get(word) ?? []) {
          if (totals === null || totals.has(candidate)) record(candidate, quality, weight);
        }
      }
    }
    if (totals !== null) for (const [candidate, score] of scores) scores.set(candidate, score + (totals.get(candidate) ?? 0));
    totals = scores;
    if (totals.size === 0) break;
  }
  return [...(totals ?? new Map<number, number>()).entries()]
    .sort(([candidateA, scoreA], [candidateB, scoreB]) => scoreB - scoreA || candidateA - candidateB)
    .flatMap(([candidate]) => {
      const item = index.items[candidate];
      return item ? [item] : [];
    });
}

/** The fields the candidate list searches, best-weighted first. */
export function candidateSearchFields(toolName: (id: string) => string): SearchField[] {
  return [
    { weight: 3, values: (item) => [item.name] },
    { weight: 2, values: (item) => [item.currentTitle] },
    { weight: 1.5, values: (item) => item.employers },
    { weight: 1, values: (item) => [...item.toolsShipped, ...item.toolsListed].map(toolName) },
    { weight: 1, values: (item) => [item.location] },
  ];
}
