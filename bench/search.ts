// Search and list benchmarks on a store of many candidates, built directly
// (not through the import) from analyses of generated resume texts.
import Fuse, { type IFuseOptions } from 'fuse.js';
import { performance } from 'node:perf_hooks';
import { openDatabase, type Db } from '../db/open.ts';
import { insertCandidate, listCandidates, setLatestResume } from '../db/queries/candidates.ts';
import { replaceCandidateTools, saveAnalysis } from '../db/queries/analyses.ts';
import { analyzeResume } from '../main/analysis/index.ts';
import type { ResumeAnalysis } from '../main/analysis/types.ts';
import type { CandidateFilter } from '../main/api/contract.ts';
import type { CandidateListItem } from '../main/api/types.ts';
import { generateResume, resumeToText } from './resume-model.ts';
import { percentile } from './stats.ts';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { matchesFilters, sortCandidates, emptyFilters, type ListFilters } from '../renderer/list-view.ts';

const taxonomy = JSON.parse(readFileSync(new URL('../resources/taxonomy.json', import.meta.url), 'utf8')) as {
  tools: Array<{ id: string; name: string }>;
};
const toolNames = new Map(taxonomy.tools.map((tool) => [tool.id, tool.name]));
/** Same as renderer/format.ts toolName (that module imports JSON the bundler's way, which plain Node does not load). */
const toolName = (id: string): string => toolNames.get(id) ?? id;

/** The document the renderer indexes for each candidate (renderer/screens/CandidatesScreen.tsx). */
export interface SearchDoc {
  item: CandidateListItem;
  name: string;
  title: string;
  employers: string[];
  tools: string[];
  location: string;
}

export function searchDocs(items: readonly CandidateListItem[]): SearchDoc[] {
  return items.map((item) => ({
    item,
    name: item.name ?? '',
    title: item.currentTitle ?? '',
    employers: item.employers,
    tools: [...item.toolsShipped, ...item.toolsListed].map(toolName),
    location: item.location ?? '',
  }));
}

/** Mirrors the Fuse options in renderer/screens/CandidatesScreen.tsx; keep the two in step. */
export const fuseOptions: IFuseOptions<SearchDoc> = {
  keys: [
    { name: 'name', weight: 3 },
    { name: 'title', weight: 2 },
    { name: 'employers', weight: 1.5 },
    { name: 'tools', weight: 1 },
    { name: 'location', weight: 1 },
  ],
  threshold: 0.32,
  ignoreLocation: true,
  minMatchCharLength: 2,
};
export const rendererFuseSource = 'options and keys of renderer/screens/CandidatesScreen.tsx';

export interface StoreBuild {
  candidates: number;
  distinctAnalyses: number;
  analyzeMs: number;
  insertMs: number;
}

/**
 * Fills a fresh database with `count` candidates in one transaction: each gets a
 * generated profile (unique name/email), a resume_files row with its text, and the
 * analysis of one of `distinct` generated texts (cycled).
 */
export function buildCandidateStore(db: Db, count: number, seed: number, distinct = Math.min(count, 1000)): StoreBuild {
  const analyzeStarted = performance.now();
  const analyses: Array<{ text: string; analysis: ResumeAnalysis }> = [];
  for (let index = 0; index < distinct; index++) {
    const text = resumeToText(generateResume(seed, index));
    analyses.push({ text, analysis: analyzeResume(text) });
  }
  const analyzeMs = performance.now() - analyzeStarted;

  const insertFile = db.prepare(
    `INSERT INTO resume_files (candidate_id, path, file_name, sha256, size_bytes, mtime_ms, detected_type, text, status, imported_at)
     VALUES (@candidateId, @path, @fileName, @sha256, @sizeBytes, 0, 'txt', @text, 'imported', @now)`,
  );
  const insertStarted = performance.now();
  db.transaction(() => {
    for (let index = 0; index < count; index++) {
      const source = analyses[index % distinct];
      if (!source) throw new Error('no analyses to cycle');
      const resume = generateResume(seed, index);
      const now = new Date(Date.UTC(2026, 0, 1) + index * 60_000).toISOString();
      const employers = [...new Set(resume.roles.map((role) => role.employer))].slice(0, 4);
      const profile = {
        name: resume.name,
        email: resume.email,
        phone: resume.phone,
        location: resume.location,
        currentTitle: resume.roles[0]?.title ?? null,
        employers,
      };
      const candidateId = insertCandidate(db, `email:${resume.email}`, profile, now);
      const fileName = `${String(index).padStart(5, '0')}.txt`;
      const fileId = Number(
        insertFile.run({
          candidateId,
          path: `/bench/${fileName}`,
          fileName,
          sha256: createHash('sha256').update(`${seed}:${index}`).digest('hex'),
          sizeBytes: source.text.length,
          text: source.text,
          now,
        }).lastInsertRowid,
      );
      saveAnalysis(db, fileId, candidateId, source.analysis, now);
      replaceCandidateTools(db, candidateId, source.analysis);
      setLatestResume(db, candidateId, fileId, profile, now);
    }
  })();
  db.pragma('optimize');
  return { candidates: count, distinctAnalyses: distinct, analyzeMs, insertMs: performance.now() - insertStarted };
}

export interface SearchResult {
  listLoadMs: number;
  indexBuildMs: number;
  keystrokes: number;
  searchMsP50: number;
  searchMsP95: number;
  searchMsMax: number;
  perQuery: Array<{ query: string; p50: number; p95: number; max: number; hitsAtEnd: number }>;
  /** The same Fuse options over each distinct field value once, mapped back to candidates. */
  distinctValues: { vocabulary: number; indexBuildMs: number; p50: number; p95: number; sameHitSets: number; queries: number };
}

type Search = (query: string) => number[];

function timeKeystrokes(queries: readonly string[], search: Search, rounds: number) {
  for (const query of queries) search(query.slice(0, 3)); // warm-up: JIT, not the first keystroke
  const all: number[] = [];
  const perQuery: SearchResult['perQuery'] = [];
  const finalHits = new Map<string, number[]>();
  for (const query of queries) {
    const times: number[] = [];
    for (let round = 0; round < rounds; round++) {
      for (let length = 1; length <= query.length; length++) {
        const prefix = query.slice(0, length);
        if (prefix.trim() === '') continue; // the renderer searches the trimmed query
        const started = performance.now();
        const hits = search(prefix.trim());
        times.push(performance.now() - started);
        if (length === query.length) finalHits.set(query, hits);
      }
    }
    all.push(...times);
    perQuery.push({ query, p50: percentile(times, 50), p95: percentile(times, 95), max: Math.max(...times), hitsAtEnd: finalHits.get(query)?.length ?? 0 });
  }
  return { all, perQuery, finalHits };
}

/**
 * Times fuse.js over the full candidate list, one search per keystroke of each
 * query, as the renderer runs it; then the same options over an index of distinct
 * field values (tools, employers, titles and places repeat across thousands of
 * candidates), as a measured alternative.
 */
export function benchSearch(db: Db, queries: readonly string[], rounds = 3): SearchResult {
  const loadStarted = performance.now();
  const list = listCandidates(db, { limit: 100_000 });
  const listLoadMs = performance.now() - loadStarted;
  const buildStarted = performance.now();
  const fuse = new Fuse(searchDocs(list), fuseOptions);
  const indexBuildMs = performance.now() - buildStarted;
  const renderer = timeKeystrokes(queries, (query) => fuse.search(query).map((result) => result.item.item.id), rounds);

  const distinctStarted = performance.now();
  const postings = new Map<string, Set<number>>();
  for (const doc of searchDocs(list)) {
    for (const value of [doc.name, doc.title, ...doc.employers, ...doc.tools, doc.location]) {
      if (!value) continue;
      let ids = postings.get(value);
      if (!ids) postings.set(value, (ids = new Set()));
      ids.add(doc.item.id);
    }
  }
  const vocabulary = [...postings.keys()];
  const { keys: _keys, ...valueOptions } = fuseOptions;
  const valueFuse = new Fuse(vocabulary, { ...valueOptions, includeScore: true } as IFuseOptions<string>);
  const distinctBuildMs = performance.now() - distinctStarted;
  const distinct = timeKeystrokes(
    queries,
    (query) => {
      const best = new Map<number, number>();
      for (const result of valueFuse.search(query)) {
        for (const id of postings.get(result.item) ?? []) {
          const score = result.score ?? 1;
          if (score < (best.get(id) ?? Infinity)) best.set(id, score);
        }
      }
      return [...best.entries()].sort((a, b) => a[1] - b[1]).map(([id]) => id);
    },
    rounds,
  );
  let sameHitSets = 0;
  for (const query of queries) {
    const a = new Set(renderer.finalHits.get(query) ?? []);
    const b = distinct.finalHits.get(query) ?? [];
    if (a.size === b.length && b.every((id) => a.has(id))) sameHitSets += 1;
  }

  return {
    listLoadMs,
    indexBuildMs,
    keystrokes: renderer.all.length,
    searchMsP50: percentile(renderer.all, 50),
    searchMsP95: percentile(renderer.all, 95),
    searchMsMax: Math.max(...renderer.all),
    perQuery: renderer.perQuery,
    distinctValues: {
      vocabulary: vocabulary.length,
      indexBuildMs: distinctBuildMs,
      p50: percentile(distinct.all, 50),
      p95: percentile(distinct.all, 95),
      sameHitSets,
      queries: queries.length,
    },
  };
}

/** The renderer filters and sorts the loaded list in memory (renderer/list-view.ts). */
export function benchClientFilterSort(db: Db, rounds = 7): { p50: number; p95: number } {
  const list = listCandidates(db, { limit: 100_000 });
  const cases: Array<{ filters: ListFilters; sort: 'evidence' | 'years' | 'name' | 'imported'; direction: 'asc' | 'desc' }> = [];
  for (const sort of ['evidence', 'years', 'name', 'imported'] as const) for (const direction of ['desc', 'asc'] as const) cases.push({ filters: emptyFilters, sort, direction });
  cases.push(
    { filters: { ...emptyFilters, subRole: 'ml-platform' }, sort: 'evidence', direction: 'desc' },
    { filters: { ...emptyFilters, tool: 'kubernetes', toolStatus: 'evidence' }, sort: 'years', direction: 'desc' },
    { filters: { ...emptyFilters, location: 'berlin', padding: 'clean' }, sort: 'name', direction: 'asc' },
  );
  const times: number[] = [];
  for (const { filters, sort, direction } of cases) {
    for (let round = 0; round <= rounds; round++) {
      const started = performance.now();
      sortCandidates(list.filter((item) => matchesFilters(item, filters)), sort, direction);
      if (round > 0) times.push(performance.now() - started); // round 0 warms up
    }
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

export interface ListQueryResult {
  label: string;
  rows: number;
  p50: number;
  p95: number;
}

export function listQueryCases(): Array<{ label: string; filter: CandidateFilter }> {
  const cases: Array<{ label: string; filter: CandidateFilter }> = [];
  for (const sort of ['evidence', 'years', 'name', 'imported'] as const) {
    for (const direction of ['desc', 'asc'] as const) cases.push({ label: `sort ${sort} ${direction}`, filter: { sort, direction } });
  }
  cases.push(
    { label: 'subRole=ml-platform', filter: { subRole: 'ml-platform' } },
    { label: 'evidence=strong, by years', filter: { evidenceLevel: 'strong', sort: 'years' } },
    { label: 'isPadded=true', filter: { isPadded: true } },
    { label: 'tool=kubernetes shipped', filter: { tool: 'kubernetes', toolStatus: 'evidence' } },
    { label: 'tool=mlflow any, by name', filter: { tool: 'mlflow', sort: 'name', direction: 'asc' } },
    { label: 'location~Berlin', filter: { location: 'Berlin' } },
    { label: 'status=new, page 1', filter: { status: 'new', limit: 100 } },
    { label: 'first page (100)', filter: { limit: 100 } },
  );
  return cases;
}

export function benchListQueries(db: Db, rounds = 7): { cases: ListQueryResult[]; p50: number; p95: number } {
  const all: number[] = [];
  const cases: ListQueryResult[] = [];
  for (const { label, filter } of listQueryCases()) {
    listCandidates(db, filter); // warm the page cache and the statement
    const times: number[] = [];
    let rows = 0;
    for (let round = 0; round < rounds; round++) {
      const started = performance.now();
      rows = listCandidates(db, filter).length;
      times.push(performance.now() - started);
    }
    all.push(...times);
    cases.push({ label, rows, p50: percentile(times, 50), p95: percentile(times, 95) });
  }
  return { cases, p50: percentile(all, 50), p95: percentile(all, 95) };
}

export function openFreshStore(path: string): Db {
  return openDatabase(path);
}
