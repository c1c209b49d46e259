// The worker-thread side of every worker pool (main/workers/pool.ts): an entry script calls
// serveTasks(handler) once. Requests are numbered; each answer, and any progress sent while
// a request runs, carries the number of the request it belongs to.
// Runs inside worker threads: it must import nothing that needs the main thread.
import { parentPort } from 'node:worker_threads';

export interface TaskRequest<Task> {
  id: number;
  task: Task;
}

export type WorkerMessage<Result, Progress> =
  /** Sent once, when the entry script's modules are loaded and it can take requests. */
  | { ready: true }
  | { id: number; progress: Progress }
  | { id: number; result: Result }
  /** The handler threw: a bug, not a property of the task's input. The pool logs it. */
  | { id: number; internalError: string };

export type TaskHandler<Task, Result, Progress> = (task: Task, progress: (value: Progress) => void) => Result | Promise<Result>;

/**
 * Answers the pool's requests strictly one after another and in order: the pool may send
 * the next request while one runs (so the worker never waits for the main thread between
 * tasks), and its time limit applies to the request being run.
 */
export function serveTasks<Task, Result, Progress = never>(handle: TaskHandler<Task, Result, Progress>): void {
  const port = parentPort;
  if (!port) throw new Error('a worker entry script must run as a worker thread');
  const send = (message: WorkerMessage<Result, Progress>) => port.postMessage(message);
  let previous = Promise.resolve();
  port.on('message', ({ id, task }: TaskRequest<Task>) => {
    previous = previous.then(async () => {
      try {
        send({ id, result: await handle(task, (progress) => send({ id, progress })) });
      } catch (error) {
        send({ id, internalError: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      }
    });
  });
  send({ ready: true });
}
