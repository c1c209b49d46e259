// Search and list benchmarks on a store of many candidates, built directly
// (not through the import) from analyses of generated resume texts.
import { performance } from 'node:perf_hooks';
import type { Db } from '../db/open.ts';
import { insertCandidate, listCandidates, setLatestResume } from '../db/queries/candidates.ts';
import { replaceCandidateTools, saveAnalysis } from '../db/queries/analyses.ts';
import { analyzeResume } from '../main/analysis/index.ts';
import type { ResumeAnalysis } from '../contract/analysis.ts';
import { generateResume, resumeToText } from './resume-model.ts';
import { percentile } from './stats.ts';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { buildSearchIndex, candidateSearchFields, searchCandidates } from '../renderer/candidate-search.ts';
import { emptyFilters, filterAndSort, type ListFilters } from '../contract/candidate-list.ts';

const taxonomy = JSON.parse(readFileSync(new URL('../resources/taxonomy.json', import.meta.url), 'utf8')) as {
  tools: Array<{ id: string; name: string }>;
};
const toolNames = new Map(taxonomy.tools.map((tool) => [tool.id, tool.name]));
/** Same as renderer/format.ts toolName (that module imports JSON the bundler's way, which plain Node does not load). */
const toolName = (id: string): string => toolNames.get(id) ?? id;

export const rendererSearchSource = 'renderer/candidate-search.ts, as the Candidates screen builds it';

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
  /** Distinct words in the index (what each keystroke's prefix and fuzzy look-ups run over). */
  vocabulary: number;
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
 * Times the renderer's own search (renderer/candidate-search.ts) over the full
 * candidate list, one search per keystroke of each query, as a user types it.
 */
export function benchSearch(db: Db, queries: readonly string[], rounds = 3): SearchResult {
  const loadStarted = performance.now();
  const list = listCandidates(db);
  const listLoadMs = performance.now() - loadStarted;
  const buildStarted = performance.now();
  const index = buildSearchIndex(list, candidateSearchFields(toolName));
  const indexBuildMs = performance.now() - buildStarted;
  const renderer = timeKeystrokes(queries, (query) => (searchCandidates(index, query) ?? []).map((item) => item.id), rounds);

  return {
    listLoadMs,
    indexBuildMs,
    keystrokes: renderer.all.length,
    searchMsP50: percentile(renderer.all, 50),
    searchMsP95: percentile(renderer.all, 95),
    searchMsMax: Math.max(...renderer.all),
    perQuery: renderer.perQuery,
    vocabulary: index.words.length,
  };
}

/** The renderer filters and sorts the loaded list in memory (contract/candidate-list.ts). */
export function benchClientFilterSort(db: Db, rounds = 7): { p50: number; p95: number } {
  const list = listCandidates(db);
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
      filterAndSort(list, filters, sort, direction);
      if (round > 0) times.push(performance.now() - started); // round 0 warms up
    }
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}
