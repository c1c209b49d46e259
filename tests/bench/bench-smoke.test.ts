// Smoke test for `npm run bench`: it runs end to end on a tiny corpus and its last
// line is the JSON summary. No timing thresholds here: timing is the bench's job.
import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
  'listShownMs',
  'listReloadMsP95',
  'rankMsP95',
  'startupMs',
  'peakRssMb',
  'n',
] as const;

interface BenchExit {
  code: number;
  stdout: string;
  stderr: string;
}

function runBench(args: readonly string[]): Promise<BenchExit> {
  return run(process.execPath, ['bench/run.ts', ...args], { cwd: root }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: BenchExit) => error,
  );
}

/** Runs the bench with --node pointing at a shell script that stands in for a Node executable. */
async function benchWithStandInNode(script: string): Promise<BenchExit> {
  const folder = mkdtempSync(join(tmpdir(), 'shipped-stand-in-node-'));
  try {
    const standIn = join(folder, 'node');
    writeFileSync(standIn, `#!/bin/sh\n${script}\n`);
    chmodSync(standIn, 0o755);
    return await runBench(['--node', standIn]);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

describe('npm run bench', () => {
  it('runs on 20 files and ends with one JSON line of finite, positive figures', async () => {
    const { stdout } = await run(
      process.execPath,
      ['bench/run.ts', '--n', '20', '--seed', '1', '--search-n', '300', '--startup-runs', '1', '--node', process.execPath, '--skip-ocr'],
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
    expect(figures.childNode).toBe(process.version);
    expect(figures.childV8).toBe(process.versions.v8);
  }, 180_000);

  it('refuses a --node that does not run, before doing any work', async () => {
    const failure = await runBench(['--node', join(tmpdir(), 'no-such-node', 'node')]);
    expect(failure).toMatchObject({ code: 2, stdout: '' });
    expect(failure.stderr).toMatch(/--node .*no-such-node.* does not run/);
  });

  it('refuses a --node that is not Node at all', async () => {
    const failure = await benchWithStandInNode('echo hello');
    expect(failure).toMatchObject({ code: 2, stdout: '' });
    expect(failure.stderr).toContain('ran, but not as Node: it printed "hello\\n"');
  });

  it('refuses a --node too old to run the TypeScript children', async () => {
    const failure = await benchWithStandInNode(`echo '{"node":"v20.20.2","v8":"11.3.244.8","typescript":false}'`);
    expect(failure).toMatchObject({ code: 2, stdout: '' });
    expect(failure.stderr).toContain('is Node v20.20.2, which does not run TypeScript files');
  });
});
