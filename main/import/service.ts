// The import pipeline: walk → read + hash (main thread, async I/O) → skip known content →
// extract + analyse (worker threads) → write (main thread, one transaction per batch).
// Every file ends in exactly one outcome: imported, duplicate or failed.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { ServiceContext } from '../services/context.ts';
import type { ResumeAnalysis } from '../../contract/analysis.ts';
import type { AnalyzedFile, AnalyzeFailure, ImportFailure, ImportProgress, ImportSummary, ResumeReading } from '../../contract/types.ts';
import { UserFacingError } from '../api/errors.ts';
import { createLogger } from '../logger.ts';
import { createExtractPool, defaultTimeLimitMs, type ExtractPool } from './pool.ts';
import { failures, type FailureInfo } from './failures.ts';
import { walkFiles, type WalkEntry } from './walk.ts';
import { identityKey, profileFrom } from './identity.ts';
import { abandonedRuns, HEARTBEAT_INTERVAL_MS } from './run-owner.ts';
import { findCandidateIdByIdentity, insertCandidate, setLatestResume } from '../../db/queries/candidates.ts';
import { replaceCandidateTools, saveAnalysis } from '../../db/queries/analyses.ts';
import {
  deleteFailedRowsAt,
  insertFailedFile,
  insertImportedFile,
  isImportedSha,
  latestResumeMtime,
  listFailedPaths,
} from '../../db/queries/resume-files.ts';
import {
  createImportRun,
  finishImportRun,
  listRunningImports,
  markRunInterrupted,
  markRunsInterrupted,
  touchImportRun,
  updateImportRunCounts,
  type ImportRunCounts,
} from '../../db/queries/imports.ts';

const log = createLogger('import');

export const defaultMaxFileBytes = 20 * 1024 * 1024;

// Reading through fs/promises costs ~0.25 ms of CPU per file (open, stat, read and close
// each a round trip through libuv's thread pool), five times a synchronous read, and a
// resume of a few hundred KB is read synchronously in well under a millisecond. Larger
// files are read asynchronously so the main thread never stalls on one.
const SYNC_READ_MAX_BYTES = 1024 * 1024;

export interface ExtractLimits {
  /** Files above this size fail as too large without being read. */
  maxFileBytes?: number;
  /** Per-file limit for extraction plus analysis; the worker is replaced when it is exceeded. */
  timeLimitMs?: number;
  /** Share a long-lived pool; otherwise one is started for the call and closed after it. */
  pool?: ExtractPool;
  workerCount?: number;
}

export interface ImportOptions extends ExtractLimits {
  signal?: AbortSignal;
  /** Files written per transaction (a transaction also closes after ~250 ms). */
  batchSize?: number;
  /** Minimum gap between progress events (the final event is always sent). */
  progressIntervalMs?: number;
}

type FileEntry = Extract<WalkEntry, { kind: 'file' }>;

type Outcome =
  | { kind: 'imported'; entry: FileEntry; sha256: string; detectedType: string; text: string; reading: ResumeReading; analysis: ResumeAnalysis }
  | { kind: 'duplicate'; entry: FileEntry; sha256: string }
  | { kind: 'failed'; entry: WalkEntry; sha256: string; detectedType: string; failure: FailureInfo };

/** Fails with a message naming the first path that does not exist. */
export async function checkPathsExist(paths: readonly string[]): Promise<string[]> {
  const resolved: string[] = [];
  for (const path of paths) {
    const absolute = resolve(path);
    try {
      await stat(absolute);
    } catch (error) {
      const code = error instanceof Error && 'code' in error ? error.code : '';
      throw new UserFacingError(
        code === 'EACCES' || code === 'EPERM'
          ? `"${path}" cannot be opened (permission denied).`
          : `"${path}" does not exist. Check the path and try again.`,
      );
    }
    resolved.push(absolute);
  }
  return resolved;
}

function errnoOf(error: unknown): string {
  return error instanceof Error && 'code' in error ? String(error.code) : '';
}

function failureForFsError(error: unknown): FailureInfo {
  const code = errnoOf(error);
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'ELOOP' ? failures.vanished() : failures.unreadable();
}

function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

interface ReadResult {
  bytes?: Uint8Array;
  sha256: string;
  failure?: FailureInfo;
  detectedType?: string;
}

/** Reads and hashes one file, or says why it cannot be read; never throws. */
async function readEntry(entry: FileEntry, maxFileBytes: number): Promise<ReadResult> {
  if (entry.sizeBytes > maxFileBytes) {
    // Not read at all, so no hash: '' marks "content unknown".
    return { sha256: '', failure: failures.tooLarge(entry.sizeBytes, maxFileBytes), detectedType: 'unknown' };
  }
  let bytes: Buffer;
  try {
    bytes = entry.sizeBytes <= SYNC_READ_MAX_BYTES ? readFileSync(entry.path) : await readFile(entry.path);
  } catch (error) {
    return { sha256: '', failure: failureForFsError(error), detectedType: 'unknown' };
  }
  const sha256 = sha256Of(bytes);
  if (bytes.length === 0) return { sha256, failure: failures.emptyFile(), detectedType: 'empty' };
  if (bytes.length > maxFileBytes) return { sha256, failure: failures.tooLarge(bytes.length, maxFileBytes), detectedType: 'unknown' };
  return { bytes, sha256 };
}

function walkFailure(entry: Extract<WalkEntry, { kind: 'error' }>): FailureInfo {
  if (entry.isFolder) return entry.errorCode === 'EACCES' || entry.errorCode === 'EPERM' ? failures.unreadableFolder() : failures.vanished();
  return failureForFsError(Object.assign(new Error(entry.errorCode), { code: entry.errorCode }));
}

/** Waits until the promise settles or the signal aborts, whichever comes first. */
function untilAborted(signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return new Promise(() => {});
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}

async function withPool<T>(ctx: Pick<ServiceContext, 'extractWorkerUrl'>, options: ExtractLimits, work: (pool: ExtractPool) => Promise<T>): Promise<T> {
  if (options.pool) return work(options.pool);
  const pool = createExtractPool({ workerUrl: ctx.extractWorkerUrl, ...(options.workerCount ? { size: options.workerCount } : {}) });
  try {
    return await work(pool);
  } finally {
    await pool.close();
  }
}

export async function importPaths(ctx: ServiceContext, paths: readonly string[], options: ImportOptions = {}): Promise<ImportSummary> {
  const roots = await checkPathsExist(paths);
  return withPool(ctx, options, (pool) => runImport(ctx, roots, pool, options));
}

async function runImport(ctx: ServiceContext, roots: string[], pool: ExtractPool, options: ImportOptions): Promise<ImportSummary> {
  const { db } = ctx;
  const stamp = () => ctx.now().toISOString();
  markRunsInterrupted(db, abandonedRuns(listRunningImports(db), ctx.now()), stamp());
  const runId = createImportRun(db, roots, process.pid, stamp());
  // Between batches (a slow file, a long scan) the run still shows that its process is alive.
  const heartbeat = setInterval(() => touchImportRun(db, runId, stamp()), HEARTBEAT_INTERVAL_MS);
  heartbeat.unref();
  try {
    return await importIntoRun(ctx, runId, roots, pool, options);
  } finally {
    clearInterval(heartbeat);
  }
}

async function importIntoRun(ctx: ServiceContext, runId: number, roots: string[], pool: ExtractPool, options: ImportOptions): Promise<ImportSummary> {
  const { db, signal } = { db: ctx.db, signal: options.signal };
  const maxFileBytes = options.maxFileBytes ?? defaultMaxFileBytes;
  const timeLimitMs = options.timeLimitMs ?? defaultTimeLimitMs;
  const batchSize = options.batchSize ?? 16;
  const progressIntervalMs = options.progressIntervalMs ?? 50;
  const startedAt = Date.now();
  const stamp = () => ctx.now().toISOString();
  const nowMs = ctx.now().getTime();

  const counts: ImportRunCounts = { totalFiles: 0, imported: 0, duplicates: 0, failed: 0 };
  const failed: ImportFailure[] = [];
  const candidateIds = new Set<number>();
  let phase: ImportProgress['phase'] = 'scanning';
  let filesDone = 0;
  let currentFile: string | null = null;
  /** What a slow file (read by OCR) is doing, and which file that is. */
  let detail: { file: string; text: string } | null = null;
  let lastProgressAt = 0;

  const progress = (isFinal = false) => {
    const now = Date.now();
    if (!isFinal && now - lastProgressAt < progressIntervalMs) return;
    lastProgressAt = now;
    ctx.emit('import.progress', {
      runId,
      phase,
      filesDone,
      filesTotal: counts.totalFiles,
      currentFile: detail?.file ?? currentFile,
      detail: detail?.text ?? null,
      imported: counts.imported,
      duplicates: counts.duplicates,
      failed: counts.failed,
      elapsedMs: now - startedAt,
    });
  };

  // --- scanning: only paths and sizes are kept, never file contents ---
  progress(true);
  const entries: WalkEntry[] = [];
  for await (const entry of walkFiles(roots)) {
    if (signal?.aborted) break;
    // The workers boot while the rest of the folder is walked (15-45 ms per 1,000 files). A
    // folder of files that are all imported already then starts them for nothing: ~0.15 s of
    // CPU, and they stop again after the pool's idle time.
    if (entry.kind === 'file') pool.start();
    entries.push(entry);
    counts.totalFiles = entries.length;
    progress();
  }
  updateImportRunCounts(db, runId, counts, stamp());
  phase = 'importing';
  progress(true);

  // --- writing: one writer, on this thread; each batch is one transaction with the run's counts ---
  let batch: Outcome[] = [];
  // Paths with a failed row from an earlier run: a file there that imports or fails again replaces it.
  const failedPaths = new Set(listFailedPaths(db));
  const replaceFailedRowsAt = (path: string) => {
    if (failedPaths.delete(path)) deleteFailedRowsAt(db, path);
  };
  let lastFlushAt = Date.now();

  const storeImported = (outcome: Extract<Outcome, { kind: 'imported' }>, now: string): boolean => {
    // Another process (the app and the CLI share the store) may have stored this content meanwhile.
    if (isImportedSha(db, outcome.sha256)) return false;
    const { entry, analysis } = outcome;
    const profile = profileFrom(analysis);
    const key = identityKey(analysis.contact, outcome.sha256);
    replaceFailedRowsAt(entry.path);
    const existingId = findCandidateIdByIdentity(db, key);
    const candidateId = existingId ?? insertCandidate(db, key, profile, now);
    const fileId = insertImportedFile(db, {
      candidateId,
      importRunId: runId,
      path: entry.path,
      fileName: basename(entry.path),
      sha256: outcome.sha256,
      sizeBytes: entry.sizeBytes,
      mtimeMs: entry.mtimeMs,
      detectedType: outcome.detectedType,
      text: outcome.text,
      reading: outcome.reading,
      now,
    });
    saveAnalysis(db, fileId, candidateId, analysis, now);
    // The newest file (by modification time) is the candidate's current resume, whatever the import order.
    const latestMtime = existingId === null ? null : latestResumeMtime(db, candidateId);
    if (latestMtime === null || entry.mtimeMs >= latestMtime) {
      setLatestResume(db, candidateId, fileId, profile, now);
      replaceCandidateTools(db, candidateId, analysis);
    }
    candidateIds.add(candidateId);
    return true;
  };

  const writeBatch = db.transaction((outcomes: Outcome[], now: string) => {
    for (const outcome of outcomes) {
      switch (outcome.kind) {
        case 'imported':
          if (storeImported(outcome, now)) counts.imported += 1;
          else counts.duplicates += 1;
          break;
        case 'duplicate':
          counts.duplicates += 1;
          break;
        case 'failed': {
          const { entry, failure } = outcome;
          replaceFailedRowsAt(entry.path);
          insertFailedFile(db, {
            importRunId: runId,
            path: entry.path,
            fileName: basename(entry.path),
            sha256: outcome.sha256,
            sizeBytes: entry.kind === 'file' ? entry.sizeBytes : 0,
            mtimeMs: entry.kind === 'file' ? entry.mtimeMs : 0,
            detectedType: outcome.detectedType,
            errorCode: failure.code,
            errorReason: failure.reason,
            now,
          });
          failedPaths.add(entry.path);
          counts.failed += 1;
          failed.push({ file: entry.path, code: failure.code, reason: failure.reason });
          break;
        }
        default: {
          const unexpected: never = outcome;
          throw new Error(`unknown outcome ${JSON.stringify(unexpected)}`);
        }
      }
    }
    updateImportRunCounts(db, runId, counts, now);
  });

  const flush = () => {
    lastFlushAt = Date.now();
    if (batch.length === 0) return;
    const outcomes = batch;
    batch = [];
    // Counts are rolled back with the transaction if it fails.
    const saved = { ...counts };
    const failedLength = failed.length;
    try {
      writeBatch(outcomes, stamp());
    } catch (error) {
      Object.assign(counts, saved);
      failed.length = failedLength;
      throw error;
    }
  };

  const accept = (outcome: Outcome) => {
    batch.push(outcome);
    filesDone += 1;
    currentFile = outcome.entry.path;
    if (detail?.file === currentFile) detail = null;
    if (batch.length >= batchSize || Date.now() - lastFlushAt >= 250) flush();
    progress();
  };

  // --- reading and extraction: a bounded number of files in flight, so memory stays flat ---
  // Only a small verdict per hash is kept, never the texts.
  const seenInRun = new Map<string, Promise<{ detectedType: string; failure: FailureInfo } | null>>();

  const processEntry = async (entry: WalkEntry): Promise<Outcome> => {
    if (entry.kind === 'error') return { kind: 'failed', entry, sha256: '', detectedType: 'unknown', failure: walkFailure(entry) };
    const read = await readEntry(entry, maxFileBytes);
    if (read.failure || !read.bytes) {
      return { kind: 'failed', entry, sha256: read.sha256, detectedType: read.detectedType ?? 'unknown', failure: read.failure ?? failures.unreadable() };
    }
    const { sha256, bytes } = read;
    const earlier = seenInRun.get(sha256);
    if (earlier) {
      // Same content twice in one run: the second copy shares the first one's fate.
      const firstFailure = await earlier;
      return firstFailure
        ? { kind: 'failed', entry, sha256, ...firstFailure }
        : { kind: 'duplicate', entry, sha256 };
    }
    if (isImportedSha(db, sha256)) return { kind: 'duplicate', entry, sha256 };
    const onDetail = (text: string) => {
      detail = { file: entry.path, text };
      progress(true);
    };
    const pending = pool.run({ bytes, fileName: basename(entry.path), nowMs, timeLimitMs, onDetail }).then(
      (response): Outcome =>
        response.ok
          ? { kind: 'imported', entry, sha256, detectedType: response.detectedType, text: response.text, reading: response.reading, analysis: response.analysis }
          : { kind: 'failed', entry, sha256, detectedType: response.detectedType, failure: { code: response.code, reason: response.reason } },
    );
    seenInRun.set(
      sha256,
      pending.then(
        (outcome) => (outcome.kind === 'failed' ? { detectedType: outcome.detectedType, failure: outcome.failure } : null),
        () => null, // the pool itself failed; the import stops on that error elsewhere
      ),
    );
    return pending;
  };

  const maxInFlight = pool.size * 2 + 2;
  const inFlight = new Set<Promise<void>>();
  let fatal: unknown = null;
  const aborted = untilAborted(signal);

  for (const entry of entries) {
    if (signal?.aborted || fatal) break;
    while (inFlight.size >= maxInFlight && !signal?.aborted && !fatal) await Promise.race([...inFlight, aborted]);
    if (signal?.aborted || fatal) break;
    const task: Promise<void> = processEntry(entry)
      .then((outcome) => {
        if (!signal?.aborted && !fatal) accept(outcome);
      })
      .catch((error: unknown) => {
        fatal ??= error;
      })
      .finally(() => inFlight.delete(task));
    inFlight.add(task);
  }
  // On cancel, files still being read are dropped: their results are never written.
  if (!signal?.aborted) await Promise.all(inFlight);
  if (fatal) {
    log.error(`import run ${runId} stopped`, fatal);
    flush();
    markRunInterrupted(db, runId, counts, stamp());
    throw fatal;
  }
  flush();

  const isCancelled = signal?.aborted === true;
  finishImportRun(db, runId, isCancelled ? 'cancelled' : 'completed', counts, stamp());
  phase = 'done';
  currentFile = null;
  progress(true);
  return {
    runId,
    status: isCancelled ? 'cancelled' : 'completed',
    total: counts.totalFiles,
    imported: counts.imported,
    duplicates: counts.duplicates,
    failed,
    candidateIds: [...candidateIds].sort((a, b) => a - b),
    elapsedMs: Date.now() - startedAt,
  };
}

/** Extracts and analyses files without storing anything (`shipped analyze`). Results follow the walk order. */
export async function analyzePaths(
  ctx: Pick<ServiceContext, 'extractWorkerUrl' | 'now'>,
  paths: readonly string[],
  options: ExtractLimits = {},
): Promise<Array<AnalyzedFile | AnalyzeFailure>> {
  const roots = await checkPathsExist(paths);
  const maxFileBytes = options.maxFileBytes ?? defaultMaxFileBytes;
  const timeLimitMs = options.timeLimitMs ?? defaultTimeLimitMs;
  const nowMs = ctx.now().getTime();
  return withPool(ctx, options, async (pool) => {
    const results: Array<Promise<AnalyzedFile | AnalyzeFailure>> = [];
    const inFlight = new Set<Promise<unknown>>();
    const failure = (file: string, info: FailureInfo): AnalyzeFailure => ({ file, error: { code: info.code, reason: info.reason } });
    for await (const entry of walkFiles(roots)) {
      while (inFlight.size >= pool.size * 2 + 2) await Promise.race(inFlight);
      const result = (async (): Promise<AnalyzedFile | AnalyzeFailure> => {
        if (entry.kind === 'error') return failure(entry.path, walkFailure(entry));
        const read = await readEntry(entry, maxFileBytes);
        if (read.failure || !read.bytes) return failure(entry.path, read.failure ?? failures.unreadable());
        const response = await pool.run({ bytes: read.bytes, fileName: basename(entry.path), nowMs, timeLimitMs });
        return response.ok ? { file: entry.path, ...response.analysis } : failure(entry.path, response);
      })();
      const tracked: Promise<unknown> = result.then(
        () => inFlight.delete(tracked),
        () => inFlight.delete(tracked),
      );
      inFlight.add(tracked);
      results.push(result);
    }
    return Promise.all(results);
  });
}
