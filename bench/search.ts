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

/**
 * The renderer's fuse.js setup. Mirrors renderer/ when it has one (see
 * rendererFuseSource below); these are the agreed defaults until then.
 */
export const fuseOptions: IFuseOptions<CandidateListItem> = {
  keys: ['name', 'currentTitle', 'employers', 'toolsShipped', 'toolsListed', 'location'],
  threshold: 0.35,
  ignoreLocation: true,
};
export const rendererFuseSource = 'bench defaults (no fuse setup found in renderer/)';

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
}

/** Times fuse.js over the full candidate list, one search per keystroke of each query. */
export function benchSearch(db: Db, queries: readonly string[], rounds = 3): SearchResult {
  const loadStarted = performance.now();
  const list = listCandidates(db, {});
  const listLoadMs = performance.now() - loadStarted;
  const buildStarted = performance.now();
  const fuse = new Fuse(list, fuseOptions);
  const indexBuildMs = performance.now() - buildStarted;

  // Warm-up so JIT compilation is not charged to the first keystroke of the first query.
  for (const query of queries) fuse.search(query.slice(0, 3));

  const all: number[] = [];
  const perQuery: SearchResult['perQuery'] = [];
  for (const query of queries) {
    const times: number[] = [];
    let hitsAtEnd = 0;
    for (let round = 0; round < rounds; round++) {
      for (let length = 1; length <= query.length; length++) {
        const prefix = query.slice(0, length);
        if (prefix.trim() === '') continue;
        const started = performance.now();
        const hits = fuse.search(prefix);
        times.push(performance.now() - started);
        if (length === query.length) hitsAtEnd = hits.length;
      }
    }
    all.push(...times);
    perQuery.push({ query, p50: percentile(times, 50), p95: percentile(times, 95), max: Math.max(...times), hitsAtEnd });
  }
  return {
    listLoadMs,
    indexBuildMs,
    keystrokes: all.length,
    searchMsP50: percentile(all, 50),
    searchMsP95: percentile(all, 95),
    searchMsMax: Math.max(...all),
    perQuery,
  };
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
