import { afterEach, describe, expect, it, vi } from 'vitest';
import { createExtractPool, type ExtractPool, type PoolResponse } from '../../main/import/pool.ts';

const scriptedWorker = new URL('./scripted-worker.ts', import.meta.url);
let pool: ExtractPool | undefined;

afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

const job = (fileName: string, timeLimitMs = 10_000) => ({ bytes: new Uint8Array(fileName.length * 100), fileName, nowMs: 0, timeLimitMs });
const outcome = (response: PoolResponse) => (response.ok ? response.text : response.code);
/** What the scripted worker answers for a file it reads: its name and size. */
const echoed = (fileName: string) => `${fileName}:${job(fileName).bytes.length}`;

describe('the extraction pool', () => {
  it('holds the next file ready in each worker and still answers every file in order', async () => {
    pool = createExtractPool({ workerUrl: scriptedWorker, size: 2 });
    const names = Array.from({ length: 9 }, (_, index) => `file${index}`);
    const responses = await Promise.all(names.map((name) => pool!.run(job(name))));
    expect(responses.map(outcome)).toEqual(names.map((name) => `${name}:500`));
  });

  it('fails only the file a crashed worker was reading; the file it held goes to a new worker with its bytes', async () => {
    pool = createExtractPool({ workerUrl: scriptedWorker, size: 1 });
    const responses = await Promise.all(['crash', 'held', 'later'].map((name) => pool!.run(job(name))));
    expect(responses.map(outcome)).toEqual(['corrupt', 'held:400', 'later:500']);
    expect(responses[0]).toMatchObject({ reason: expect.stringMatching(/crashed the text reader/) });
  });

  it('fails a file whose reading threw (a bug) as an internal error, logged, and keeps the worker', async () => {
    pool = createExtractPool({ workerUrl: scriptedWorker, size: 1 });
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const responses = await Promise.all(['before', 'throw', 'after'].map((name) => pool!.run(job(name))));
    const logged = stderr.mock.calls.map(([text]) => String(text)).join('');
    stderr.mockRestore();
    expect(responses.map(outcome)).toEqual(['before:600', 'corrupt', 'after:500']);
    expect(responses[1]).toMatchObject({ detectedType: 'unknown', reason: expect.stringMatching(/internal error \(details are in the log\)/) });
    expect(logged).toMatch(/extracting throw failed inside the worker.*a scripted bug reading throw/s);
    expect(new Set([responses[0]?.detectedType, responses[2]?.detectedType]).size).toBe(1);
  });

  it('times out only the file being read; the file held behind it is read by the replacement worker', async () => {
    pool = createExtractPool({ workerUrl: scriptedWorker, size: 1 });
    const responses = await Promise.all([pool.run(job('hang', 300)), pool.run(job('held'))]);
    expect(responses.map(outcome)).toEqual(['timeout', 'held:400']);
  });

  it('gives a file read by OCR more time per page, passes on its progress, and says so when the time runs out', async () => {
    pool = createExtractPool({ workerUrl: scriptedWorker, size: 1, ocrTimePerPageMs: 100 });
    const details: string[] = [];
    const response = await pool.run({ ...job('ocr-hang', 50), onDetail: (detail) => details.push(detail) });
    expect(details).toEqual(['reading scanned page 1 of 2']);
    // 50 ms for the file and 100 ms for each of its 2 scanned pages.
    expect(response).toMatchObject({ ok: false, code: 'timeout', reason: expect.stringMatching(/by OCR \(2 scanned pages\) took longer than 250 ms, the time allowed for that many pages/) });
  });
});

describe('two workers', () => {
  const readBy = (response: PoolResponse) => response.detectedType;
  const scripted = (response: PoolResponse) => (response.ok ? (response.analysis as unknown as { analysedBy: string; asRead: boolean }) : null);
  const analysedBy = (response: PoolResponse) => scripted(response)?.analysedBy ?? null;

  /** While the second worker still starts, the first reads and analyses everything itself. */
  async function untilBothWorkersRead(twoWorkers: ExtractPool): Promise<void> {
    const readers = new Set<string>();
    for (let round = 0; readers.size < 2 && round < 300; round++) {
      const warmUps = await Promise.all(['one', 'two', 'three', 'four'].map((name) => twoWorkers.run(job(`warm-up ${name}`))));
      for (const response of warmUps) readers.add(readBy(response));
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(readers.size).toBe(2);
  }

  it('have one read files and the other analyse them, and answer every file once, in order', async () => {
    pool = createExtractPool({ workerUrl: scriptedWorker, size: 2 });
    await untilBothWorkersRead(pool);
    const names = Array.from({ length: 12 }, (_, index) => `file${index}`);
    const responses = await Promise.all(names.map((name) => pool!.run(job(name))));
    expect(responses.map(outcome)).toEqual(names.map(echoed));
    expect(responses.some((response) => readBy(response) !== analysedBy(response))).toBe(true);
  });

  it('have the reading worker analyse texts the other read once no file waits, while texts pile up', async () => {
    pool = createExtractPool({ workerUrl: scriptedWorker, size: 2 });
    await untilBothWorkersRead(pool);
    const names = Array.from({ length: 100 }, (_, index) => `slow-analyse${index}`);
    const responses = await Promise.all(names.map((name) => pool!.run(job(name))));
    expect(responses.map(outcome)).toEqual(names.map(echoed));
    const handedOver = responses.filter((response) => scripted(response)?.asRead === false);
    // Both workers analysed handed-over texts (the reading one once it had read every file)…
    expect(new Set(handedOver.map(analysedBy)).size).toBe(2);
    // …and the reading one never analysed a file as it read it: only the analysing one does so.
    expect(new Set(responses.filter((response) => scripted(response)?.asRead).map(readBy)).size).toBeLessThanOrEqual(1);
  });

  it('fail only the file whose text crashed the analysing worker; the texts it held are analysed by the new one', async () => {
    pool = createExtractPool({ workerUrl: scriptedWorker, size: 2 });
    const names = ['first', 'second', 'crash-on-analyse', 'third', 'fourth', 'fifth', 'sixth'];
    const responses = await Promise.all(names.map((name) => pool!.run(job(name))));
    expect(responses.map(outcome)).toEqual(names.map((name) => (name === 'crash-on-analyse' ? 'corrupt' : echoed(name))));
    expect(responses[2]).toMatchObject({ reason: expect.stringMatching(/crashed the text reader/) });
  });

  it('time out only the file whose analysis hangs', async () => {
    pool = createExtractPool({ workerUrl: scriptedWorker, size: 2 });
    const responses = await Promise.all([pool.run(job('before')), pool.run(job('hang-on-analyse', 300)), pool.run(job('after')), pool.run(job('last'))]);
    expect(responses.map(outcome)).toEqual([echoed('before'), 'timeout', echoed('after'), echoed('last')]);
  });
});

describe('a late answer', () => {
  it('is a timeout even when the main thread was too busy to fire the timer first', async () => {
    pool = createExtractPool({ workerUrl: scriptedWorker, size: 1 });
    await pool.run(job('warm-up'));
    const answer = pool.run(job('quick', 50));
    // The worker answers within a few milliseconds, while this thread is busy well past the limit.
    const busyUntil = performance.now() + 200;
    while (performance.now() < busyUntil);
    expect(outcome(await answer)).toBe('timeout');
    // The worker was not at fault: it keeps reading.
    expect(outcome(await pool.run(job('next')))).toBe('next:400');
  });
});

describe('an idle extraction pool', () => {
  it('stops its workers after the idle time and starts them again for the next file', async () => {
    pool = createExtractPool({ workerUrl: scriptedWorker, size: 2, idleShutdownMs: 100 });
    expect(pool.liveWorkers).toBe(0);
    expect(outcome(await pool.run(job('first')))).toBe('first:500');
    expect(pool.liveWorkers).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(pool.liveWorkers).toBe(0);
    expect(outcome(await pool.run(job('again')))).toBe('again:500');
    expect(pool.liveWorkers).toBe(2);
  });

  it('starts its workers ahead of the first file when asked, and stops them if no file comes', async () => {
    pool = createExtractPool({ workerUrl: scriptedWorker, size: 2, idleShutdownMs: 300 });
    pool.start();
    pool.start();
    expect(pool.liveWorkers).toBe(2);
    expect(outcome(await pool.run(job('first')))).toBe('first:500');
    expect(pool.liveWorkers).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(pool.liveWorkers).toBe(0);
    pool.start();
    expect(pool.liveWorkers).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(pool.liveWorkers).toBe(0);
  });

  it('keeps its workers while files keep coming', async () => {
    pool = createExtractPool({ workerUrl: scriptedWorker, size: 1, idleShutdownMs: 150 });
    const threads = new Set<string>();
    for (let round = 0; round < 5; round++) {
      const response = await pool.run(job(`file${round}`));
      expect(outcome(response)).toBe(`file${round}:500`);
      threads.add(response.detectedType);
      await new Promise((resolve) => setTimeout(resolve, 60));
    }
    expect(threads.size).toBe(1);
    expect(pool.liveWorkers).toBe(1);
  });
});

describe('a worker script that cannot start', () => {
  const missingWorker = new URL('file:///nonexistent/extract-worker.ts');

  it('fails each request with the reason, also after start() gave up before any file came', async () => {
    pool = createExtractPool({ workerUrl: missingWorker, size: 2 });
    pool.start();
    await expect.poll(() => pool!.liveWorkers, { timeout: 10_000 }).toBe(0);
    await expect(pool.run(job('first'))).rejects.toThrow(/could not start/);
    await expect(pool.run(job('second'))).rejects.toThrow(/could not start/);
    // No worker keeps retrying in the background.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(pool.liveWorkers).toBe(0);
  });
});
