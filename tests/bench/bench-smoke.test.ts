// Smoke test for `npm run bench`: it runs end to end on a tiny corpus and its last
// line is the JSON summary. No timing thresholds here: timing is the bench's job.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));

const positiveKeys = [
  'filesPerSecond',
  'pdftotextFilesPerSecond',
  'ratioVsPdftotext',
  'warmRatioVsPdftotext',
  'analyzeMsP50',
  'analyzeMsP95',
  'searchMsP50',
  'searchMsP95',
  'listQueryMsP95',
  'startupMs',
  'peakRssMb',
  'n',
] as const;

describe('npm run bench', () => {
  it('runs on 20 files and ends with one JSON line of finite, positive figures', async () => {
    const { stdout } = await run(
      process.execPath,
      ['bench/run.ts', '--n', '20', '--seed', '1', '--search-n', '300', '--startup-runs', '1'],
      { cwd: root, maxBuffer: 16 * 1024 * 1024, timeout: 170_000 },
    );
    const lastLine = stdout.trim().split('\n').at(-1) ?? '';
    const figures = JSON.parse(lastLine) as Record<string, unknown>;
    for (const key of positiveKeys) {
      const value = figures[key];
      expect(typeof value, key).toBe('number');
      expect(Number.isFinite(value), key).toBe(true);
      expect(value as number, key).toBeGreaterThan(0);
    }
    expect(figures.n).toBe(20);
    expect(figures.importFailed).toBe(0);
    expect(stdout).toContain('ratio Shipped / pdftotext');
  }, 180_000);
});
