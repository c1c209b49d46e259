// The worker mechanism every worker thread of the app uses (main/workers/). Timeouts,
// crashes, held tasks, idle shutdown and a script that cannot start are covered through
// the import's pool (tests/import/pool.test.ts); these are the parts only other users need.
import { afterEach, describe, expect, it } from 'vitest';
import { createWorkerPool, WorkerPoolClosedError, type WorkerPool } from '../../main/workers/pool.ts';

const scriptedWorker = new URL('./scripted-task-worker.ts', import.meta.url);
let pool: WorkerPool<string, string, number> | undefined;

afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

const limits = { timeLimitMs: 10_000 };

describe('the worker pool', () => {
  it('hands what a worker reports while a task runs to that task, in order, before its answer', async () => {
    pool = createWorkerPool<string, string, number>({ workerUrl: scriptedWorker, name: 'test worker', size: 1 });
    const reported: Array<number | string> = [];
    const other: number[] = [];
    const [outcome] = await Promise.all([
      pool.run('progress 3', { ...limits, onProgress: (step) => reported.push(step) }).then((answer) => {
        reported.push('answered');
        return answer;
      }),
      pool.run('progress 2', { ...limits, onProgress: (step) => other.push(step) }),
    ]);
    expect(outcome).toEqual({ ok: true, result: 'reported 3' });
    expect(reported).toEqual([1, 2, 3, 'answered']);
    expect(other).toEqual([1, 2]);
  });

  it('raises a running task\'s time limit by what extraTimeMs grants for its reports, and says so when that runs out too', async () => {
    pool = createWorkerPool<string, string, number>({ workerUrl: scriptedWorker, name: 'test worker', size: 1 });
    // 50 ms, then 100 ms for report 1 and 200 ms for report 2; report 3 gets nothing.
    const outcome = await pool.run('progress 3 then hang', { timeLimitMs: 50, extraTimeMs: (step) => (step < 3 ? step * 100 : 0) });
    expect(outcome).toEqual({ ok: false, failure: 'timeout', timeLimitMs: 350 });
    const plain = await pool.run('progress 1 then hang', { timeLimitMs: 50 });
    expect(plain).toEqual({ ok: false, failure: 'timeout', timeLimitMs: 50 });
  });

  it('reports a task whose handler throws as an internal error, with the stack, and keeps the worker', async () => {
    pool = createWorkerPool<string, string, number>({ workerUrl: scriptedWorker, name: 'test worker', size: 1 });
    const before = await pool.run('before', limits);
    const thrown = await pool.run('throw', limits);
    const after = await pool.run('after', limits);
    expect(thrown).toMatchObject({ ok: false, failure: 'internal-error', details: expect.stringMatching(/Error: a scripted bug\n\s+at /) });
    const threadOf = (outcome: typeof before) => (outcome.ok ? outcome.result.split(' by ')[1] : null);
    expect(threadOf(after)).toBe(threadOf(before));
    expect(after).toMatchObject({ ok: true, result: expect.stringMatching(/^after by thread-\d+$/) });
  });

  it('rejects the tasks still waiting, and any later one, once closed', async () => {
    pool = createWorkerPool<string, string, number>({ workerUrl: scriptedWorker, name: 'test worker', size: 1 });
    const waiting = Promise.allSettled(Array.from({ length: 4 }, (_, index) => pool!.run(`task ${index}`, limits)));
    await pool.close();
    for (const task of await waiting) expect(task).toMatchObject({ status: 'rejected', reason: expect.any(WorkerPoolClosedError) });
    await expect(pool.run('late', limits)).rejects.toThrow('The test worker pool was closed.');
    expect(pool.liveWorkers).toBe(0);
  });
});
