// The import pipeline, in named steps (importIntoRun):
//   scan          walk the folders: paths and sizes only, booting the workers meanwhile;
//   file step     read + hash (main thread) → skip known content → extract + analyse (worker threads);
//   batch writer  write outcomes on the main thread, one transaction per batch with the run's counts.
// Between the file step and the writer a bounded number of files are in flight, so memory stays flat.
// Every file ends in exactly one outcome: imported, duplicate or failed.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { ServiceContext } from '../services/context.ts';
import type { ResumeAnalysis } from '../../contract/analysis.ts';
import type { AnalyzedFile, AnalyzeFailure, ImportFailure, ImportProgress, ImportSkip, ImportSummary, ResumeReading } from '../../contract/types.ts';
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
import { isEmailSuppressed, isFileSuppressed } from '../../db/queries/suppression.ts';
import { UnsavedBatchError } from '../data/sqlite-errors.ts';

/** What the import says about a file it skips because its person was deleted with "don't import again". */
export const suppressedReason = 'Not imported: this person was deleted from Shipped and marked "don\'t import again".';
import { errnoCode } from '../errno.ts';

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
  | { kind: 'imported'; entry: FileEntry; sha256: string; detectedType: string; text: string; layoutJson?: string; reading: ResumeReading; analysis: ResumeAnalysis }
  | { kind: 'duplicate'; entry: FileEntry; sha256: string }
  | { kind: 'suppressed'; entry: FileEntry }
  | { kind: 'failed'; entry: WalkEntry; sha256: string; detectedType: string; failure: FailureInfo };

/** Fails with a message naming the first path that does not exist. */
export async function checkPathsExist(paths: readonly string[]): Promise<string[]> {
  const resolved: string[] = [];
  for (const path of paths) {
    const absolute = resolve(path);
    try {
      await stat(absolute);
    } catch (error) {
      const code = errnoCode(error);
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

function failureForFsError(error: unknown): FailureInfo {
  const code = errnoCode(error);
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'ELOOP' ? failures.vanished() : failures.unreadable();
}

function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

type ReadResult =
  | { ok: true; bytes: Uint8Array; sha256: string }
  /** sha256 is '' when the content is unknown (the file was not read). */
  | { ok: false; sha256: string; detectedType: string; failure: FailureInfo };

/** Reads and hashes one file, or says why it cannot be read; never throws. */
async function readEntry(entry: FileEntry, maxFileBytes: number): Promise<ReadResult> {
  if (entry.sizeBytes > maxFileBytes) {
    return { ok: false, sha256: '', detectedType: 'unknown', failure: failures.tooLarge(entry.sizeBytes, maxFileBytes) };
  }
  let bytes: Buffer;
  try {
    bytes = entry.sizeBytes <= SYNC_READ_MAX_BYTES ? readFileSync(entry.path) : await readFile(entry.path);
  } catch (error) {
    return { ok: false, sha256: '', detectedType: 'unknown', failure: failureForFsError(error) };
  }
  const sha256 = sha256Of(bytes);
  if (bytes.length === 0) return { ok: false, sha256, detectedType: 'empty', failure: failures.emptyFile() };
  if (bytes.length > maxFileBytes) return { ok: false, sha256, detectedType: 'unknown', failure: failures.tooLarge(bytes.length, maxFileBytes) };
  return { ok: true, bytes, sha256 };
}

function walkFailure(entry: Extract<WalkEntry, { kind: 'error' }>): FailureInfo {
  if (entry.isFolder) return entry.errorCode === 'EACCES' || entry.errorCode === 'EPERM' ? failures.unreadableFolder() : failures.vanished();
  return failureForFsError(Object.assign(new Error(entry.errorCode), { code: entry.errorCode }));
}

/** Files in flight between reading and writing: two per worker and two more, so no worker waits and memory stays flat. */
const maxInFlight = (pool: ExtractPool) => pool.size * 2 + 2;

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

/** What a run has done so far: what its progress events and its summary report. */
interface RunTally {
  phase: ImportProgress['phase'];
  counts: ImportRunCounts;
  filesDone: number;
  currentFile: string | null;
  /** What a slow file (read by OCR) is doing, and which file that is. */
  detail: { file: string; text: string } | null;
  failed: ImportFailure[];
  /** Files not imported on purpose (their person was deleted with "don't import again"). */
  skipped: ImportSkip[];
  candidateIds: Set<number>;
}

async function importIntoRun(ctx: ServiceContext, runId: number, roots: string[], pool: ExtractPool, options: ImportOptions): Promise<ImportSummary> {
  const { db } = ctx;
  const { signal } = options;
  const startedAt = Date.now();
  const stamp = () => ctx.now().toISOString();
  const tally: RunTally = {
    phase: 'scanning',
    counts: { totalFiles: 0, imported: 0, duplicates: 0, failed: 0 },
    filesDone: 0,
    currentFile: null,
    detail: null,
    failed: [],
    skipped: [],
    candidateIds: new Set(),
  };
  const progress = createProgressReporter(ctx, runId, tally, startedAt, options.progressIntervalMs ?? 50);

  progress(true);
  const entries = await scan(roots, pool, signal, (count) => {
    tally.counts.totalFiles = count;
    progress();
  });
  updateImportRunCounts(db, runId, tally.counts, stamp());
  tally.phase = 'importing';
  progress(true);

  const writer = createBatchWriter(db, runId, tally, options.batchSize ?? 16, stamp);
  const fileStep = createFileStep(db, pool, {
    maxFileBytes: options.maxFileBytes ?? defaultMaxFileBytes,
    timeLimitMs: options.timeLimitMs ?? defaultTimeLimitMs,
    nowMs: ctx.now().getTime(),
    onDetail: (file, text) => {
      tally.detail = { file, text };
      progress(true);
    },
  });
  try {
    await forEachInFlight(entries, maxInFlight(pool), signal, fileStep, (outcome) => {
      writer.add(outcome);
      progress();
    });
  } catch (error) {
    log.error(`import run ${runId} stopped`, error);
    // The first error is the one to report; recording the stop can fail the same way (a full disk).
    try {
      writer.flush();
      markRunInterrupted(db, runId, tally.counts, stamp());
    } catch (recordError) {
      log.error(`import run ${runId}: could not record the stop`, recordError);
    }
    throw error;
  }
  writer.flush();

  const status = signal?.aborted ? 'cancelled' : 'completed';
  finishImportRun(db, runId, status, tally.counts, stamp());
  tally.phase = 'done';
  tally.currentFile = null;
  progress(true);
  return {
    runId,
    status,
    total: tally.counts.totalFiles,
    imported: tally.counts.imported,
    duplicates: tally.counts.duplicates,
    failed: tally.failed,
    skipped: tally.skipped,
    candidateIds: [...tally.candidateIds].sort((a, b) => a - b),
    elapsedMs: Date.now() - startedAt,
  };
}

/** Sends `import.progress`, at most once per interval unless the event is final (a phase starts or ends). */
function createProgressReporter(ctx: ServiceContext, runId: number, tally: RunTally, startedAt: number, intervalMs: number) {
  let lastSentAt = 0;
  return (isFinal = false): void => {
    const now = Date.now();
    if (!isFinal && now - lastSentAt < intervalMs) return;
    lastSentAt = now;
    ctx.emit('import.progress', {
      runId,
      phase: tally.phase,
      filesDone: tally.filesDone,
      filesTotal: tally.counts.totalFiles,
      currentFile: tally.detail?.file ?? tally.currentFile,
      detail: tally.detail?.text ?? null,
      imported: tally.counts.imported,
      duplicates: tally.counts.duplicates,
      failed: tally.counts.failed,
      elapsedMs: now - startedAt,
    });
  };
}

/** Step 1: lists every file under the roots (paths and sizes only, never contents) until the signal aborts. */
async function scan(roots: string[], pool: ExtractPool, signal: AbortSignal | undefined, onEntry: (count: number) => void): Promise<WalkEntry[]> {
  const entries: WalkEntry[] = [];
  for await (const entry of walkFiles(roots)) {
    if (signal?.aborted) break;
    // The workers boot while the rest of the folder is walked (15-45 ms per 1,000 files). A
    // folder of files that are all imported already then starts them for nothing: ~0.15 s of
    // CPU, and they stop again after the pool's idle time.
    if (entry.kind === 'file') pool.start();
    entries.push(entry);
    onEntry(entries.length);
  }
  return entries;
}

interface FileStepLimits {
  maxFileBytes: number;
  timeLimitMs: number;
  /** The analysis clock, the same for every file of the run. */
  nowMs: number;
  /** What a worker is doing inside a slow file (reading it by OCR), for the progress events. */
  onDetail(file: string, detail: string): void;
}

/** How a file's content fared, shared by a later copy of the same content in the run: null when it was imported. */
type ContentFate = { detectedType: string; failure: FailureInfo } | null;

/**
 * Step 2: one walk entry to its outcome: read and hash it, skip content already stored or
 * already met in this run, and have a worker extract and analyse the rest.
 */
function createFileStep(db: ServiceContext['db'], pool: ExtractPool, limits: FileStepLimits): (entry: WalkEntry) => Promise<Outcome> {
  // Only a small verdict per hash is kept, never the texts.
  const seenInRun = new Map<string, Promise<ContentFate>>();
  return async (entry) => {
    if (entry.kind === 'error') return { kind: 'failed', entry, sha256: '', detectedType: 'unknown', failure: walkFailure(entry) };
    const read = await readEntry(entry, limits.maxFileBytes);
    if (!read.ok) return { kind: 'failed', entry, sha256: read.sha256, detectedType: read.detectedType, failure: read.failure };
    const { sha256, bytes } = read;
    if (isFileSuppressed(db, sha256)) return { kind: 'suppressed', entry };
    const earlier = seenInRun.get(sha256);
    if (earlier) {
      // Same content twice in one run: the second copy shares the first one's fate.
      const fate = await earlier;
      return fate ? { kind: 'failed', entry, sha256, ...fate } : { kind: 'duplicate', entry, sha256 };
    }
    if (isImportedSha(db, sha256)) return { kind: 'duplicate', entry, sha256 };
    const onDetail = (detail: string) => limits.onDetail(entry.path, detail);
    const extracted = pool.run({ bytes, fileName: basename(entry.path), nowMs: limits.nowMs, timeLimitMs: limits.timeLimitMs, onDetail }).then(
      (response): Outcome =>
        response.ok
          ? {
              kind: 'imported',
              entry,
              sha256,
              detectedType: response.detectedType,
              text: response.text,
              layoutJson: response.layoutJson,
              reading: response.reading,
              analysis: response.analysis,
            }
          : { kind: 'failed', entry, sha256, detectedType: response.detectedType, failure: { code: response.code, reason: response.reason } },
    );
    seenInRun.set(
      sha256,
      extracted.then(
        (outcome): ContentFate => (outcome.kind === 'failed' ? { detectedType: outcome.detectedType, failure: outcome.failure } : null),
        () => null, // the pool itself failed; the import stops on that error elsewhere
      ),
    );
    return extracted;
  };
}

/**
 * Runs `step` over the items with at most `limit` in flight and hands each result to
 * `accept` as it comes. On abort it stops at once: results still in flight are dropped,
 * never accepted. The first error, from a step or from `accept`, stops it too and is thrown.
 */
async function forEachInFlight<T, R>(
  items: readonly T[],
  limit: number,
  signal: AbortSignal | undefined,
  step: (item: T) => Promise<R>,
  accept: (result: R) => void,
): Promise<void> {
  const inFlight = new Set<Promise<void>>();
  // Set from the tasks' callbacks, so TypeScript must not narrow it to its first value.
  let fatal = null as { error: unknown } | null;
  const isStopped = () => signal?.aborted === true || fatal !== null;
  const aborted = untilAborted(signal);
  for (const item of items) {
    while (inFlight.size >= limit && !isStopped()) await Promise.race([...inFlight, aborted]);
    if (isStopped()) break;
    const task: Promise<void> = step(item)
      .then((result) => {
        if (!isStopped()) accept(result);
      })
      .catch((error: unknown) => {
        fatal ??= { error };
      })
      .finally(() => inFlight.delete(task));
    inFlight.add(task);
  }
  if (!signal?.aborted) await Promise.all(inFlight);
  if (fatal) throw fatal.error;
}

/** Waits until the signal aborts (forever without one). */
function untilAborted(signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return new Promise(() => {});
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}

/**
 * Step 3: the one writer, on this thread. Outcomes are written in batches (`batchSize` files,
 * or whatever came within ~250 ms), each one transaction that also saves the run's counts.
 */
function createBatchWriter(db: ServiceContext['db'], runId: number, tally: RunTally, batchSize: number, stamp: () => string) {
  // Paths with a failed row from an earlier run: a file there that imports or fails again replaces it.
  const failedPaths = new Set(listFailedPaths(db));
  const replaceFailedRowsAt = (path: string) => {
    if (failedPaths.delete(path)) deleteFailedRowsAt(db, path);
  };

  const writeOutcome = (outcome: Outcome, now: string) => {
    switch (outcome.kind) {
      case 'imported': {
        const stored = storeImported(db, runId, outcome, now, replaceFailedRowsAt);
        if (stored === 'duplicate') {
          tally.counts.duplicates += 1;
        } else if (stored === 'suppressed') {
          tally.skipped.push({ file: outcome.entry.path, reason: suppressedReason });
        } else {
          tally.counts.imported += 1;
          tally.candidateIds.add(stored.candidateId);
        }
        return;
      }
      case 'suppressed':
        // Nothing about the file is stored, not even a failed row: its path may name the person.
        tally.skipped.push({ file: outcome.entry.path, reason: suppressedReason });
        return;
      case 'duplicate':
        tally.counts.duplicates += 1;
        return;
      case 'failed': {
        const { entry, failure } = outcome;
        replaceFailedRowsAt(entry.path);
        storeFailed(db, runId, outcome, now);
        failedPaths.add(entry.path);
        tally.counts.failed += 1;
        tally.failed.push({ file: entry.path, code: failure.code, reason: failure.reason });
        return;
      }
      default: {
        const unexpected: never = outcome;
        throw new Error(`unknown outcome ${JSON.stringify(unexpected)}`);
      }
    }
  };

  const writeBatch = db.transaction((outcomes: Outcome[], now: string) => {
    for (const outcome of outcomes) writeOutcome(outcome, now);
    updateImportRunCounts(db, runId, tally.counts, now);
  });

  let batch: Outcome[] = [];
  let lastFlushAt = Date.now();

  const flush = () => {
    lastFlushAt = Date.now();
    if (batch.length === 0) return;
    const outcomes = batch;
    batch = [];
    // Counts are rolled back with the transaction if it fails.
    const saved = { ...tally.counts };
    const failedLength = tally.failed.length;
    const skippedLength = tally.skipped.length;
    try {
      // IMMEDIATE: the batch reads (is this content stored? who is this person?) before it writes.
      writeBatch.immediate(outcomes, stamp());
    } catch (error) {
      Object.assign(tally.counts, saved);
      tally.failed.length = failedLength;
      tally.skipped.length = skippedLength;
      throw new UnsavedBatchError(outcomes.length, tally.counts.imported, error);
    }
  };

  return {
    /** Takes one file's outcome; writes the batch once it is full or ~250 ms old. */
    add(outcome: Outcome): void {
      batch.push(outcome);
      tally.filesDone += 1;
      tally.currentFile = outcome.entry.path;
      if (tally.detail?.file === outcome.entry.path) tally.detail = null;
      if (batch.length >= batchSize || Date.now() - lastFlushAt >= 250) flush();
    },
    flush,
  };
}

/**
 * Stores an extracted file under its candidate (found by identity, or new). 'duplicate' when
 * another process stored the content meanwhile; 'suppressed' when its email belongs to a person
 * deleted with "don't import again".
 */
function storeImported(
  db: ServiceContext['db'],
  runId: number,
  outcome: Extract<Outcome, { kind: 'imported' }>,
  now: string,
  replaceFailedRowsAt: (path: string) => void,
): { candidateId: number } | 'duplicate' | 'suppressed' {
  // Another process (the app and the CLI share the store) may have stored this content meanwhile.
  if (isImportedSha(db, outcome.sha256)) return 'duplicate';
  const { entry, analysis } = outcome;
  // The email is known only once the text is read: a new resume of a suppressed person stops here.
  if (isEmailSuppressed(db, analysis.contact.email)) return 'suppressed';
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
    layoutJson: outcome.layoutJson,
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
  return { candidateId };
}

function storeFailed(db: ServiceContext['db'], runId: number, outcome: Extract<Outcome, { kind: 'failed' }>, now: string): void {
  const { entry, failure } = outcome;
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
  const failure = (file: string, info: FailureInfo): AnalyzeFailure => ({ file, error: { code: info.code, reason: info.reason } });
  return withPool(ctx, options, async (pool) => {
    const analyse = async (entry: WalkEntry): Promise<AnalyzedFile | AnalyzeFailure> => {
      if (entry.kind === 'error') return failure(entry.path, walkFailure(entry));
      const read = await readEntry(entry, maxFileBytes);
      if (!read.ok) return failure(entry.path, read.failure);
      const response = await pool.run({ bytes: read.bytes, fileName: basename(entry.path), nowMs, timeLimitMs });
      return response.ok ? { file: entry.path, ...response.analysis } : failure(entry.path, response);
    };
    const results: Array<Promise<AnalyzedFile | AnalyzeFailure>> = [];
    const inFlight = new Set<Promise<unknown>>();
    for await (const entry of walkFiles(roots)) {
      while (inFlight.size >= maxInFlight(pool)) await Promise.race(inFlight);
      const result = analyse(entry);
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
