import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { numberedCandidate } from './fixtures.ts';
import { createTestStore, readPdf, seedCandidate, squash, type TestStore } from './helpers.ts';

let store: TestStore;
let ids: number[];
beforeAll(() => {
  store = createTestStore();
  ids = Array.from({ length: 200 }, (_, index) => seedCandidate(store.ctx, numberedCandidate(index + 1), 'advanced'));
});
afterAll(() => store.close());

// Each test renders 200 PDFs and reads them all back: on a 2-core machine under load that
// took over 180 s. The limit only stops a hang.
const batchTimeLimitMs = 600_000;

describe('batch of 200', () => {
  it('writes 200 valid PDFs to a folder without blocking the main thread', async () => {
    const dir = join(store.dir, 'batch');
    let ticks = 0;
    const timer = setInterval(() => {
      ticks += 1;
    }, 20);
    const started = Date.now();
    const result = await store.api['briefs.export']({ candidateIds: ids, isBlind: false, target: { kind: 'folder', dir } });
    clearInterval(timer);
    const elapsed = Date.now() - started;
    expect(result.files).toHaveLength(200);
    expect(readdirSync(dir)).toHaveLength(200);
    // The event loop kept turning while the worker rendered.
    expect(ticks).toBeGreaterThan(elapsed / 20 / 4);
    for (const [index, file] of result.files.entries()) {
      expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
      const pdf = await readPdf(file);
      expect(pdf.pages).toBeGreaterThanOrEqual(1);
      expect(squash(pdf.text)).toContain(`Test Person${index + 1}`);
    }
    expect(store.events.at(-1)).toEqual({ done: 200, total: 200, currentCandidateId: ids.at(-1) });
  }, batchTimeLimitMs);

  it('puts all 200 in one combined PDF', async () => {
    const path = join(store.dir, 'all.pdf');
    await store.api['briefs.export']({ candidateIds: ids, isBlind: true, target: { kind: 'combined', path } });
    const pdf = await readPdf(path);
    const text = squash(pdf.text);
    for (const id of ids) expect(text).toContain(`Candidate ${id} `);
    expect(text).not.toContain('Test Person');
    expect(text.match(/Page 1 of/g)).toHaveLength(200);
  }, batchTimeLimitMs);
});
