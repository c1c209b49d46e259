// A small pool of extraction worker threads (one per core). Each worker reads one numbered
// request at a time and holds the next one ready, so it never waits for the main thread
// (which also writes the store) between files. A request that exceeds its time limit gets
// its worker terminated and replaced, and a worker that crashes fails only the file it was
// reading: the request it held goes back to the queue.
//
// With two or more workers, the first analyses and the others mostly read: a worker spends
// ~0.5 s of CPU warming up the analysis engine before it runs at full speed, a large part
// of what a cold 1,000-file import costs over a warm one, so only one pays it in full. The
// others hand their texts to the first, and take texts to analyse whenever no file waits
// to be read. The import keeps only a few files in flight (two per worker and two more;
// service.ts), so that happens as soon as the first falls behind, not only at the end of
// a folder: in a folder of plain text, where reading costs nothing, every worker analyses.
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { createLogger } from '../logger.ts';
import { failures } from './failures.ts';
import type { ResumeReading } from '../../contract/types.ts';
import type { ExtractFailure, ExtractSuccess, WorkerMessage, WorkerRequest } from './protocol.ts';

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

export type PoolResponse = Omit<ExtractSuccess, 'id'> | Omit<ExtractFailure, 'id'>;

export interface ExtractPool {
  readonly size: number;
  /** Worker threads running now: none before the first file (or start()) and after an idle spell. */
  readonly liveWorkers: number;
  /**
   * Starts the workers before the first file, so they boot while the caller is still busy
   * (walking a folder). Without work they stop after the idle time, like any idle worker.
   */
  start(): void;
  /** Resolves with the worker's answer, or a failure for timeouts and crashes; rejects only if the pool is closed. */
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

export const defaultIdleShutdownMs = 60_000;

export class PoolClosedError extends Error {
  constructor() {
    super('The extraction pool was closed.');
    this.name = 'PoolClosedError';
  }
}

interface Task {
  id: number;
  job: ExtractJob;
  /** Set once a worker has read the file without analysing it: what is left is analysing this text. */
  extracted: { text: string; detectedType: string; reading: ResumeReading } | null;
  /** Pages the worker said it reads by OCR: they raise the time limit. */
  ocrPages: number;
  resolve(response: PoolResponse): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  isReady: boolean;
  /** Sent to the worker, in order: the first is the one it is reading. */
  tasks: Task[];
  /** The time limit of the first task. */
  timer: NodeJS.Timeout | null;
  /** When the first task's time is up (performance.now()). */
  deadline: number;
}


/** Requests a worker holds: the one it reads and the next. */
const TASKS_PER_WORKER = 2;

/**
 * Each worker's young generation, fixed rather than left to V8: Node 24's V8 lets an isolate's semi-spaces grow
 * to 32 MB, which took a 10,000-file import from ~340 MB of peak RSS (Node 22) to ~405 MB. At 24 MB (8 MB
 * semi-spaces) the same import peaks at ~315 MB and costs no more CPU (bench/README.md, "Peak RSS").
 */
const WORKER_YOUNG_GENERATION_MB = 24;

export function createExtractPool(options: PoolOptions): ExtractPool {
  const size = Math.max(1, options.size ?? availableParallelism());
  /** Files not yet read. */
  const queue: Task[] = [];
  /** Files read by a worker that did not analyse them, waiting for a worker to do so. */
  const analysisQueue: Task[] = [];
  const slots = new Set<Slot>();
  let nextId = 1;
  let isClosed = false;
  let startupFailures = 0;
  const timePerOcrPageMs = options.ocrTimePerPageMs ?? ocrTimePerPageMs;
  const timeLimitOf = (task: Task): number => (task.job.timeLimitMs ?? defaultTimeLimitMs) + task.ocrPages * timePerOcrPageMs;

  function spawn(): void {
    const worker = new Worker(options.workerUrl, {
      resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb ?? 1024, maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
      stdout: false,
      stderr: false,
    });
    const slot: Slot = { worker, isReady: false, tasks: [], timer: null, deadline: Number.POSITIVE_INFINITY };
    slots.add(slot);
    updateRefs();

    worker.on('message', (message: WorkerMessage) => {
      if ('ready' in message) {
        slot.isReady = true;
        startupFailures = 0;
        pump();
        return;
      }
      const task = slot.tasks[0];
      if (!task || task.id !== message.id) return; // a stale answer; cannot happen, the worker answers in order
      if ('progress' in message) {
        if (message.ocrPages !== undefined && task.ocrPages === 0) {
          task.ocrPages = message.ocrPages;
          extendTimer(slot);
        }
        if (message.detail !== undefined) task.job.onDetail?.(message.detail);
        return;
      }
      if ('internalError' in message) {
        log.error(`extracting ${task.job.fileName} failed inside the worker`, message.internalError);
        finish(slot, {
          ok: false,
          detectedType: 'unknown',
          code: 'corrupt',
          reason: 'Shipped could not process this file because of an internal error (details are in the log).',
        });
        return;
      }
      // An answer that was already late when it arrived (the main thread was busy when the
      // timer was due) is a timeout too, whichever of the two the event loop saw first.
      if (performance.now() > slot.deadline) {
        finish(slot, { ok: false, detectedType: 'unknown', ...failures.timeout(timeLimitOf(task), task.ocrPages) });
        return;
      }
      if ('extractedOnly' in message) {
        task.extracted = { text: message.text, detectedType: message.detectedType, reading: message.reading };
        analysisQueue.push(task);
        finishStep(slot);
        return;
      }
      const { id: _id, ...response } = message;
      finish(slot, response);
    });

    worker.on('error', (error) => {
      log.warn('extraction worker crashed', error);
      replace(slot, { ok: false, detectedType: 'unknown', ...failures.crashed() }, error);
    });
    worker.on('exit', (code) => {
      if (slots.has(slot)) replace(slot, { ok: false, detectedType: 'unknown', ...failures.crashed() }, new Error(`worker exited with code ${code}`));
    });
  }

  function finish(slot: Slot, response: PoolResponse): void {
    slot.tasks[0]?.resolve(response);
    finishStep(slot);
  }

  /** The worker answered its first task (for good, or with a text to analyse elsewhere) and went on to the next. */
  function finishStep(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.tasks.shift();
    startTimer(slot);
    pump();
  }

  function startTimer(slot: Slot): void {
    const task = slot.tasks[0];
    if (!task) return;
    const timeLimitMs = timeLimitOf(task);
    slot.deadline = performance.now() + timeLimitMs;
    armTimer(slot, task, timeLimitMs);
  }

  function armTimer(slot: Slot, task: Task, delayMs: number): void {
    slot.timer = setTimeout(() => {
      const timeLimitMs = timeLimitOf(task);
      log.info(`${task.job.fileName} exceeded ${timeLimitMs} ms; restarting its worker`);
      replace(slot, { ok: false, detectedType: 'unknown', ...failures.timeout(timeLimitMs, task.ocrPages) }, new Error('timeout'));
    }, delayMs);
  }

  /** The first task turned out to need OCR: its deadline moves out by the time its pages are allowed. */
  function extendTimer(slot: Slot): void {
    const task = slot.tasks[0];
    if (!task) return;
    if (slot.timer) clearTimeout(slot.timer);
    slot.deadline += task.ocrPages * timePerOcrPageMs;
    armTimer(slot, task, Math.max(0, slot.deadline - performance.now()));
  }

  /**
   * Workers keep the process alive only while there is work (idle ones must not hold a CLI
   * open), and are stopped after an idle spell (the desktop app keeps its pool for good).
   */
  function updateRefs(): void {
    const isBusy = queue.length > 0 || analysisQueue.length > 0 || [...slots].some((slot) => slot.tasks.length > 0);
    for (const slot of slots) {
      if (isBusy) slot.worker.ref();
      else slot.worker.unref();
    }
    if (isBusy) {
      if (idleTimer) clearTimeout(idleTimer);
      idleTimer = null;
    } else if (!idleTimer && slots.size > 0) {
      idleTimer = setTimeout(stopIdleWorkers, options.idleShutdownMs ?? defaultIdleShutdownMs);
      idleTimer.unref();
    }
  }

  function stopIdleWorkers(): void {
    idleTimer = null;
    const stopping = [...slots];
    // Out of the set first, so their exit is not taken for a crash.
    slots.clear();
    isStarted = false;
    for (const slot of stopping) void slot.worker.terminate();
  }

  /** Drops a worker (timed out or crashed), answers its task, and starts a fresh one. */
  function replace(slot: Slot, response: PoolResponse, cause: Error): void {
    if (!slots.delete(slot)) return;
    if (slot.timer) clearTimeout(slot.timer);
    const [task, ...waiting] = slot.tasks;
    slot.tasks = [];
    // The worker never started these: they go first to another worker.
    queue.unshift(...waiting.filter((held) => !held.extracted));
    analysisQueue.unshift(...waiting.filter((held) => held.extracted));
    void slot.worker.terminate();
    if (!slot.isReady) {
      // The worker died before it could take work: the entry script itself is broken.
      startupFailures += 1;
      if (startupFailures >= 3) {
        const error = new Error(`The extraction worker could not start: ${cause.message}`);
        for (const queued of takeQueued()) queued.reject(error);
        task?.reject(error);
        // Workers still booting run the same script: stop them too. With none left, the next
        // request starts afresh instead of waiting for workers that never come.
        for (const booting of [...slots].filter((other) => !other.isReady)) {
          slots.delete(booting);
          void booting.worker.terminate();
        }
        isStarted = slots.size > 0;
        startupFailures = 0;
        updateRefs();
        return;
      }
    }
    task?.resolve(response);
    if (!isClosed) spawn();
    pump();
  }

  /** Empties both queues: files not yet read and texts not yet analysed. */
  function takeQueued(): Task[] {
    return [...analysisQueue.splice(0), ...queue.splice(0)];
  }

  function pump(): void {
    assign();
    updateRefs();
  }

  function assign(): void {
    // One task to every idle worker first, then a second to each.
    for (let depth = 1; depth <= TASKS_PER_WORKER; depth += 1) {
      for (const slot of slots) {
        if (queue.length === 0 && analysisQueue.length === 0) return;
        if (slot.isReady && slot.tasks.length < depth) sendNextTask(slot);
      }
    }
  }

  /** The first worker analyses; it reads a file itself only when it holds nothing (or is the only worker). */
  function sendNextTask(slot: Slot): void {
    const isAnalyser = slot === slots.values().next().value;
    if (isAnalyser) {
      const text = analysisQueue.shift();
      if (text) send(slot, text, true);
      else if (slot.tasks.length === 0 || slots.size === 1) send(slot, queue.shift(), true);
      return;
    }
    const file = queue.shift();
    if (file) send(slot, file, false);
    else send(slot, analysisQueue.shift(), true);
  }

  /** Hands the worker a file to read (and to analyse as it reads it, if `analyze`) or a read file's text to analyse. */
  function send(slot: Slot, task: Task | undefined, analyze: boolean): void {
    if (!task) return;
    slot.tasks.push(task);
    if (slot.tasks.length === 1) startTimer(slot);
    const { job, extracted } = task;
    const request: WorkerRequest = extracted
      ? { id: task.id, text: extracted.text, detectedType: extracted.detectedType, reading: extracted.reading, nowMs: job.nowMs }
      : // Copied, not transferred: a task the worker holds but never starts goes back to the queue
        // with its bytes if the worker dies.
        { id: task.id, bytes: job.bytes, fileName: job.fileName, nowMs: job.nowMs, analyze };
    slot.worker.postMessage(request);
  }

  // Workers start on start() or the first request, never with the pool itself.
  let isStarted = false;
  let idleTimer: NodeJS.Timeout | null = null;

  function startWorkers(): void {
    if (isStarted || isClosed) return;
    isStarted = true;
    for (let index = 0; index < size; index += 1) spawn();
  }

  return {
    size,
    get liveWorkers() {
      return slots.size;
    },
    start: startWorkers,
    run(job) {
      if (isClosed) return Promise.reject(new PoolClosedError());
      startWorkers();
      return new Promise<PoolResponse>((resolve, reject) => {
        queue.push({ id: nextId++, job, extracted: null, ocrPages: 0, resolve, reject });
        pump();
      });
    },
    async close() {
      if (isClosed) return;
      isClosed = true;
      if (idleTimer) clearTimeout(idleTimer);
      idleTimer = null;
      const error = new PoolClosedError();
      for (const task of takeQueued()) task.reject(error);
      const closing = [...slots];
      slots.clear();
      for (const slot of closing) {
        if (slot.timer) clearTimeout(slot.timer);
        for (const task of slot.tasks.splice(0)) task.reject(error);
      }
      await Promise.all(closing.map((slot) => slot.worker.terminate()));
    },
  };
}
