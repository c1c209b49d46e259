// One mechanism for every worker thread of the app (the import's extraction workers, the PDF
// brief writer): a pool of threads running an entry script that calls serveTasks()
// (serve.ts).
//
// - Each task has a time limit, which what the task reports while it runs can raise
//   (extraTimeMs). A task that exceeds it is reported as a timeout, and its
//   worker is terminated and replaced; an answer that arrives after the limit (the main
//   thread was too busy to see the timer first) is a timeout too, but the worker stays.
// - A worker that crashes fails only the task it was running; the tasks it held behind it go
//   back to the front of the queue, with their inputs, for another worker.
// - A worker can hold more than one task (`tasksPerWorker`), so it never waits for the main
//   thread between tasks: it runs them one at a time, in order.
// - Workers start on the first task (or start()), keep the process alive only while there is
//   work, and stop after an idle spell. A script that dies before it is ready three times in
//   a row fails every waiting task with a WorkerStartError instead of being retried forever.
// - `pickTask`, `toRequest` and `nextStep` let a caller route tasks (which queued task a
//   given worker gets, and as what request) and run a task in steps on different workers
//   (`lastStepResult` completes the last step's answer from what the task carried);
//   the import uses them to have one worker analyse what the others read (import/pool.ts).
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { createLogger } from '../logger.ts';
import type { TaskRequest, WorkerMessage } from './serve.ts';

const log = createLogger('workers.pool');

/** Why a worker was replaced: its task ran out of time, or the thread died. */
type WorkerLoss = { ok: false; failure: 'timeout'; timeLimitMs: number } | { ok: false; failure: 'crashed'; cause: Error };

export type TaskOutcome<Result> =
  | { ok: true; result: Result }
  | WorkerLoss
  /** The worker's handler threw (serve.ts); the worker itself goes on. */
  | { ok: false; failure: 'internal-error'; details: string };

/** A worker as the routing hooks see it. */
export interface WorkerView {
  /** 0 for the longest-running worker of the pool, 1 for the next, and so on. */
  rank: number;
  /** Tasks it holds now (running or waiting in it). */
  held: number;
  /** Workers of the pool, started or starting. */
  liveWorkers: number;
}

export interface WorkerPoolOptions<Task, Result, Request> {
  workerUrl: URL;
  /** Names the workers in logs and errors ("extraction worker"). */
  name: string;
  size: number;
  /** Tasks a worker holds: the one it runs and the ones it has ready behind it. Default 1. */
  tasksPerWorker?: number;
  resourceLimits?: ResourceLimits;
  /** Workers are stopped after this long without work and restarted on the next task. */
  idleShutdownMs?: number;
  /** Index of the queued task to send to this worker, or -1 for none now. Default: the first. */
  pickTask?(queue: readonly Task[], worker: WorkerView): number;
  /** The request the worker receives for a task. Default: the task itself. */
  toRequest?(task: Task, worker: WorkerView): Request;
  /**
   * The step that follows this answer, queued again under the same promise (with a fresh
   * time limit once a worker takes it), or null when the answer is final.
   */
  nextStep?(task: Task, result: Result): Task | null;
  /**
   * What the caller receives for the answer to a task's last step. Default: the answer itself; a
   * step may answer with less than the caller needs when the task already carries the rest.
   */
  lastStepResult?(task: Task, result: Result): Result;
}

export interface RunOptions<Progress> {
  timeLimitMs: number;
  /** Called with what the worker reports while the task runs. */
  onProgress?(progress: Progress): void;
  /**
   * Extra time (ms) the running task gets for what it reported, added to its time limit; for
   * work whose size only the worker finds out (the pages an import reads by OCR).
   */
  extraTimeMs?(progress: Progress): number;
}

export interface WorkerPool<Task, Result, Progress = never> {
  readonly size: number;
  /** Worker threads running now: none before the first task (or start()) and after an idle spell. */
  readonly liveWorkers: number;
  /** Starts the workers ahead of the first task; without work they stop after the idle time. */
  start(): void;
  /** Resolves with the worker's answer or why there is none; rejects only if the pool is closed or its script cannot start. */
  run(task: Task, options: RunOptions<Progress>): Promise<TaskOutcome<Result>>;
  close(): Promise<void>;
}

export const defaultIdleShutdownMs = 60_000;

export class WorkerPoolClosedError extends Error {
  constructor(name: string) {
    super(`The ${name} pool was closed.`);
    this.name = 'WorkerPoolClosedError';
  }
}

export class WorkerStartError extends Error {
  constructor(name: string, cause: Error) {
    super(`The ${name} could not start: ${cause.message}`, { cause });
    this.name = 'WorkerStartError';
  }
}

/** Deaths before "ready" in a row after which the entry script is taken as broken. */
const START_ATTEMPTS = 3;

interface Pending<Task, Result, Progress> {
  id: number;
  task: Task;
  options: RunOptions<Progress>;
  resolve(outcome: TaskOutcome<Result>): void;
  reject(error: Error): void;
}

interface Slot<Task, Result, Progress> {
  worker: Worker;
  isReady: boolean;
  /** Sent to the worker, in order: the first is the one it runs. */
  held: Array<Pending<Task, Result, Progress>>;
  /** The time limit of the first held task. */
  timer: NodeJS.Timeout | null;
  /** When the first held task's time is up (performance.now()). */
  deadline: number;
  /** Time the first held task was given beyond its limit (extraTimeMs). */
  extendedMs: number;
}

export function createWorkerPool<Task, Result, Progress = never, Request = Task>(
  options: WorkerPoolOptions<Task, Result, Request>,
): WorkerPool<Task, Result, Progress> {
  type P = Pending<Task, Result, Progress>;
  type S = Slot<Task, Result, Progress>;
  const size = Math.max(1, options.size);
  const tasksPerWorker = options.tasksPerWorker ?? 1;
  const queue: P[] = [];
  const slots = new Set<S>();
  let nextId = 1;
  let isClosed = false;
  let isStarted = false;
  let startFailures = 0;
  let idleTimer: NodeJS.Timeout | null = null;

  function spawn(): void {
    const worker = new Worker(options.workerUrl, { resourceLimits: options.resourceLimits ?? {}, stdout: false, stderr: false });
    const slot: S = { worker, isReady: false, held: [], timer: null, deadline: Number.POSITIVE_INFINITY, extendedMs: 0 };
    slots.add(slot);
    updateRefs();
    worker.on('message', (message: WorkerMessage<Result, Progress>) => onMessage(slot, message));
    worker.on('error', (error) => {
      log.warn(`${options.name} crashed`, error);
      replace(slot, { ok: false, failure: 'crashed', cause: error });
    });
    worker.on('exit', (code) => {
      if (slots.has(slot)) replace(slot, { ok: false, failure: 'crashed', cause: new Error(`worker exited with code ${code}`) });
    });
  }

  function onMessage(slot: S, message: WorkerMessage<Result, Progress>): void {
    if ('ready' in message) {
      slot.isReady = true;
      startFailures = 0;
      pump();
      return;
    }
    const pending = slot.held[0];
    if (!pending || pending.id !== message.id) return; // stale; cannot happen, a worker answers in order
    if ('progress' in message) {
      const extraMs = pending.options.extraTimeMs?.(message.progress) ?? 0;
      if (extraMs > 0) extendTimer(slot, extraMs);
      pending.options.onProgress?.(message.progress);
      return;
    }
    if ('internalError' in message) {
      finishHead(slot, { ok: false, failure: 'internal-error', details: message.internalError });
      return;
    }
    // An answer that was already late when it arrived (the main thread was busy when the
    // timer was due) is a timeout too, whichever of the two the event loop saw first.
    if (performance.now() > slot.deadline) {
      finishHead(slot, { ok: false, failure: 'timeout', timeLimitMs: pending.options.timeLimitMs + slot.extendedMs });
      return;
    }
    const next = options.nextStep?.(pending.task, message.result) ?? null;
    if (next === null) {
      finishHead(slot, { ok: true, result: options.lastStepResult?.(pending.task, message.result) ?? message.result });
      return;
    }
    pending.task = next;
    queue.push(pending);
    finishHead(slot, null);
  }

  /** The worker answered its first task (for good, or with a step left for any worker) and goes on to the next. */
  function finishHead(slot: S, outcome: TaskOutcome<Result> | null): void {
    const pending = slot.held.shift();
    if (outcome) pending?.resolve(outcome);
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    startTimer(slot);
    pump();
  }

  function startTimer(slot: S): void {
    const pending = slot.held[0];
    if (!pending) return;
    slot.extendedMs = 0;
    slot.deadline = performance.now() + pending.options.timeLimitMs;
    armTimer(slot, pending.options.timeLimitMs);
  }

  function armTimer(slot: S, delayMs: number): void {
    const pending = slot.held[0];
    if (!pending) return;
    slot.timer = setTimeout(() => replace(slot, { ok: false, failure: 'timeout', timeLimitMs: pending.options.timeLimitMs + slot.extendedMs }), delayMs);
  }

  /** The running task reported more work than its limit allows for: its deadline moves out. */
  function extendTimer(slot: S, extraMs: number): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.extendedMs += extraMs;
    slot.deadline += extraMs;
    armTimer(slot, Math.max(0, slot.deadline - performance.now()));
  }

  /** Drops a worker (timed out or crashed), answers its running task, and starts a fresh one. */
  function replace(slot: S, outcome: WorkerLoss): void {
    if (!slots.delete(slot)) return;
    if (slot.timer) clearTimeout(slot.timer);
    const [running, ...waiting] = slot.held;
    slot.held = [];
    // The worker never started these: they go first to another worker.
    queue.unshift(...waiting);
    void slot.worker.terminate();
    if (!slot.isReady && outcome.failure === 'crashed') {
      startFailures += 1;
      if (startFailures >= START_ATTEMPTS) {
        giveUpStarting(new WorkerStartError(options.name, outcome.cause), running);
        return;
      }
    }
    running?.resolve(outcome);
    if (!isClosed) spawn();
    pump();
  }

  /** The entry script itself is broken: fail everything waiting, and stop the workers still booting it. */
  function giveUpStarting(error: WorkerStartError, running: P | undefined): void {
    for (const pending of queue.splice(0)) pending.reject(error);
    running?.reject(error);
    for (const booting of [...slots].filter((other) => !other.isReady)) {
      slots.delete(booting);
      void booting.worker.terminate();
    }
    // With no worker left, the next task starts afresh instead of waiting for workers that never come.
    isStarted = slots.size > 0;
    startFailures = 0;
    updateRefs();
  }

  function pump(): void {
    assign();
    updateRefs();
  }

  function assign(): void {
    // One task to every idle worker first, then a second to each, and so on.
    for (let depth = 1; depth <= tasksPerWorker; depth += 1) {
      let rank = 0;
      for (const slot of slots) {
        if (queue.length === 0) return;
        if (slot.isReady && slot.held.length < depth) send(slot, { rank, held: slot.held.length, liveWorkers: slots.size });
        rank += 1;
      }
    }
  }

  function send(slot: S, view: WorkerView): void {
    const index = options.pickTask ? options.pickTask(queue.map((pending) => pending.task), view) : 0;
    const pending = index >= 0 ? queue.splice(index, 1)[0] : undefined;
    if (!pending) return;
    slot.held.push(pending);
    if (slot.held.length === 1) startTimer(slot);
    const task = options.toRequest ? options.toRequest(pending.task, view) : pending.task;
    // Copied, not transferred: a task the worker holds but never starts goes back to the
    // queue with its input if the worker dies.
    slot.worker.postMessage({ id: pending.id, task } satisfies TaskRequest<unknown>);
  }

  /** Workers keep the process alive only while there is work (idle ones must not hold a CLI open). */
  function updateRefs(): void {
    const isBusy = queue.length > 0 || [...slots].some((slot) => slot.held.length > 0);
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

  function start(): void {
    if (isStarted || isClosed) return;
    isStarted = true;
    for (let index = 0; index < size; index += 1) spawn();
  }

  return {
    size,
    get liveWorkers() {
      return slots.size;
    },
    start,
    run(task, runOptions) {
      if (isClosed) return Promise.reject(new WorkerPoolClosedError(options.name));
      start();
      return new Promise<TaskOutcome<Result>>((resolve, reject) => {
        queue.push({ id: nextId++, task, options: runOptions, resolve, reject });
        pump();
      });
    },
    async close() {
      if (isClosed) return;
      isClosed = true;
      if (idleTimer) clearTimeout(idleTimer);
      idleTimer = null;
      const error = new WorkerPoolClosedError(options.name);
      for (const pending of queue.splice(0)) pending.reject(error);
      const closing = [...slots];
      slots.clear();
      for (const slot of closing) {
        if (slot.timer) clearTimeout(slot.timer);
        for (const pending of slot.held.splice(0)) pending.reject(error);
      }
      await Promise.all(closing.map((slot) => slot.worker.terminate()));
    },
  };
}
