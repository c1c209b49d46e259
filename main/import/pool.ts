// The import's extraction workers: the app's worker pool (main/workers/pool.ts), one worker
// per core, each holding the next file ready so it never waits for the main thread (which
// also writes the store) between files.
//
// With two or more workers, the first analyses and the others mostly read: a worker spends
// ~0.5 s of CPU warming up the analysis engine before it runs at full speed, a large part
// of what a cold 1,000-file import costs over a warm one, so only one pays it in full. The
// others hand their texts to the first, and take texts to analyse whenever no file waits
// to be read. The import keeps only a few files in flight (two per worker and two more;
// service.ts), so that happens as soon as the first falls behind, not only at the end of
// a folder: in a folder of plain text, where reading costs nothing, every worker analyses.
import { availableParallelism } from 'node:os';
import { createLogger } from '../logger.ts';
import { createWorkerPool, type TaskOutcome, type WorkerView } from '../workers/pool.ts';
import { ocrImageFormat } from './detect.ts';
import { failures } from './failures.ts';
import type { ResumeReading } from '../../contract/types.ts';
import type { ExtractFailure, ExtractProgress, ExtractSuccess, WorkerAnswer, WorkerRequest } from './protocol.ts';

const log = createLogger('import.pool');

export const defaultTimeLimitMs = 30_000;
/** Extra time a file gets for each page it reads by OCR (a 300-dpi page takes 1–10 s of one core). */
export const ocrTimePerPageMs = 20_000;

export interface ExtractJob {
  bytes: Uint8Array;
  fileName: string;
  nowMs: number;
  timeLimitMs?: number;
  /** What the worker is doing inside this file ("reading scanned page 2 of 3"). */
  onDetail?: (detail: string) => void;
}

export type PoolResponse = ExtractSuccess | ExtractFailure;

export interface ExtractPool {
  readonly size: number;
  /** Worker threads running now: none before the first file (or start()) and after an idle spell. */
  readonly liveWorkers: number;
  /**
   * Starts the workers before the first file, so they boot while the caller is still busy
   * (walking a folder). Without work they stop after the idle time, like any idle worker.
   */
  start(): void;
  /** Resolves with the worker's answer, or a failure for timeouts and crashes; rejects only if the pool is closed or cannot start. */
  run(job: ExtractJob): Promise<PoolResponse>;
  close(): Promise<void>;
}

export interface PoolOptions {
  workerUrl: URL;
  size?: number;
  /** Memory cap of each worker's JS heap, so one hostile file cannot exhaust the machine. */
  maxHeapMb?: number;
  /** Extra time a file gets per page it reads by OCR; ocrTimePerPageMs unless a test says otherwise. */
  ocrTimePerPageMs?: number;
  /** Workers are stopped after this long without work (they hold ~100 MB each) and restarted on the next file. */
  idleShutdownMs?: number;
}

/** A file to read, or the text of a file another worker read, to analyse. */
export type ExtractTask =
  /** `isImage`: read by OCR for seconds, so it waits for a free worker rather than queue behind another file in one. */
  | { step: 'read'; bytes: Uint8Array; fileName: string; nowMs: number; isImage: boolean }
  | { step: 'analyse'; text: string; layoutJson: string | undefined; detectedType: string; reading: ResumeReading; nowMs: number };

/**
 * Each worker's young generation, fixed rather than left to V8: Node 24's V8 lets an isolate's semi-spaces grow
 * to 32 MB, which took a 10,000-file import from ~340 MB of peak RSS (Node 22) to ~405 MB. At 24 MB (8 MB
 * semi-spaces) the same import peaks at ~315 MB and costs no more CPU (bench/README.md, "Peak RSS").
 */
const WORKER_YOUNG_GENERATION_MB = 24;

const isAnalyser = (worker: WorkerView) => worker.rank === 0;

/**
 * The first worker takes texts to analyse, and a file only when it holds nothing (or is the only worker); the others read files first.
 * An image goes only to a worker that holds nothing: held behind another file, it could wait there
 * while another worker runs out of work (OCR takes seconds, so a worker gains nothing from having it ready).
 */
export function pickTask(queue: readonly ExtractTask[], worker: WorkerView): number {
  const firstText = queue.findIndex((task) => task.step === 'analyse');
  const firstFile = queue.findIndex((task) => task.step === 'read' && (!task.isImage || worker.held === 0));
  if (!isAnalyser(worker)) return firstFile >= 0 ? firstFile : firstText;
  if (firstText >= 0) return firstText;
  return worker.held === 0 || worker.liveWorkers === 1 ? firstFile : -1;
}

/** Only the analysing worker analyses a file as it reads it; the others answer with its text. */
function toRequest(task: ExtractTask, worker: WorkerView): WorkerRequest {
  if (task.step === 'analyse') return { text: task.text, layoutJson: task.layoutJson, detectedType: task.detectedType, reading: task.reading, nowMs: task.nowMs };
  return { bytes: task.bytes, fileName: task.fileName, nowMs: task.nowMs, analyze: isAnalyser(worker) };
}

function nextStep(task: ExtractTask, answer: WorkerAnswer): ExtractTask | null {
  return 'extractedOnly' in answer
    ? { step: 'analyse', text: answer.text, layoutJson: answer.layoutJson, detectedType: answer.detectedType, reading: answer.reading, nowMs: task.nowMs }
    : null;
}

/** An analysis of another worker's text comes back alone; the task still holds the text, layout and reading. */
function lastStepResult(task: ExtractTask, answer: WorkerAnswer): WorkerAnswer {
  if (!('analysedOnly' in answer)) return answer;
  if (task.step !== 'analyse') throw new Error('an analysis came back for a file that was not analysed');
  return { ok: true, detectedType: task.detectedType, text: task.text, layoutJson: task.layoutJson, reading: task.reading, analysis: answer.analysis };
}

/** `ocrPages`: the pages the file was given extra time for, when its time limit included them. */
function responseOf(outcome: TaskOutcome<WorkerAnswer>, fileName: string, ocrPages: number): PoolResponse {
  if (outcome.ok) {
    if ('extractedOnly' in outcome.result || 'analysedOnly' in outcome.result) throw new Error('a step\'s answer came back as the final answer');
    return outcome.result;
  }
  switch (outcome.failure) {
    case 'timeout':
      log.info(`${fileName} exceeded ${outcome.timeLimitMs} ms; its worker was restarted`);
      return { ok: false, detectedType: 'unknown', ...failures.timeout(outcome.timeLimitMs, ocrPages) };
    case 'crashed':
      return { ok: false, detectedType: 'unknown', ...failures.crashed() };
    case 'internal-error':
      log.error(`extracting ${fileName} failed inside the worker`, outcome.details);
      return {
        ok: false,
        detectedType: 'unknown',
        code: 'corrupt',
        reason: 'Shipped could not process this file because of an internal error (details are in the log).',
      };
  }
}

export function createExtractPool(options: PoolOptions): ExtractPool {
  const timePerOcrPageMs = options.ocrTimePerPageMs ?? ocrTimePerPageMs;
  const workers = createWorkerPool<ExtractTask, WorkerAnswer, ExtractProgress, WorkerRequest>({
    workerUrl: options.workerUrl,
    name: 'extraction worker',
    size: options.size ?? availableParallelism(),
    tasksPerWorker: 2,
    resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb ?? 1024, maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
    ...(options.idleShutdownMs === undefined ? {} : { idleShutdownMs: options.idleShutdownMs }),
    pickTask,
    toRequest,
    nextStep,
    lastStepResult,
  });
  return {
    size: workers.size,
    get liveWorkers() {
      return workers.liveWorkers;
    },
    start: () => workers.start(),
    async run({ bytes, fileName, nowMs, timeLimitMs = defaultTimeLimitMs, onDetail }) {
      let ocrPages = 0;
      const outcome = await workers.run(
        { step: 'read', bytes, fileName, nowMs, isImage: ocrImageFormat(bytes) !== null },
        {
          timeLimitMs,
          // The worker says once how many pages it reads by OCR; each gets its own time.
          extraTimeMs: (progress) => {
            if (!('ocrPages' in progress) || ocrPages > 0) return 0;
            ocrPages = progress.ocrPages;
            return ocrPages * timePerOcrPageMs;
          },
          onProgress: (progress) => {
            if ('detail' in progress) onDetail?.(progress.detail);
          },
        },
      );
      // Only the reading step has the OCR pages' time; an analysis that ran out of time says so plainly.
      const isOcrLimit = !outcome.ok && outcome.failure === 'timeout' && outcome.timeLimitMs > timeLimitMs;
      return responseOf(outcome, fileName, isOcrLimit ? ocrPages : 0);
    },
    close: () => workers.close(),
  };
}
