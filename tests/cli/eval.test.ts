import { afterAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../main/cli/main.ts';
import type { CliIo } from '../../main/cli/command.ts';
import type { EvalReport } from '../../main/eval/service.ts';
import { makeTempDir } from '../import/fixtures.ts';

const fixtures = fileURLToPath(new URL('../fixtures/eval/', import.meta.url));
const labels = join(fixtures, 'labels.jsonl');
const dir = makeTempDir('shipped-eval-');
afterAll(() => dir.remove());

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (text) => out.push(text), err: (text) => err.push(text), isInteractive: false };
  const code = await runCli(argv, io, { SHIPPED_DB: join(dir.path, 'never-used.db') });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('shipped eval', () => {
  it('scores the labelled files next to the labels file and prints the tables', async () => {
    const result = await cli('eval', labels);
    expect(result.code).toBe(0);
    expect(result.out).toContain('2 labelled, 2 scored');
    expect(result.out).toMatch(/sub-role\s+\d+\.\d%\s+\(\d\/2\)/);
    expect(result.out).toMatch(/evidence within one\s+\d+\.\d%/);
    expect(result.out).toMatch(/padding\s+P /);
    expect(result.out).toMatch(/tools with evidence\s+P /);
    expect(result.out).toContain('Evidence (rows: label, columns: engine)');
    for (const field of ['name', 'email', 'phone', 'location']) expect(result.out).toMatch(new RegExp(`\\n${field}\\s+\\d`));
  });

  it('prints the same measures as JSON with --json', async () => {
    const result = await cli('eval', labels, '--json');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.out) as EvalReport;
    expect(report).toMatchObject({ labelled: 2, scored: 2, failed: [] });
    expect(report.evidence?.n).toBe(2);
    expect(report.contact.email).toMatchObject({ n: 2 });
    expect(report.disagreements.every((found) => found.reason.length > 0)).toBe(true);
  });

  it('reads the files from --files DIR and reports a file that is not there', async () => {
    const moved = join(dir.path, 'labels-elsewhere.jsonl');
    writeFileSync(moved, '{"file": "e01-applied.txt", "email": "rosalind.ob@example.com"}\n{"file": "gone.pdf", "name": "Nobody"}\n');
    const result = await cli('eval', moved, '--files', fixtures, '--json');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.out) as EvalReport;
    expect(report.scored).toBe(1);
    expect(report.contact.email).toEqual({ n: 1, correct: 1, accuracy: 1 });
    expect(report.contact.name).toBeNull();
    expect(report.failed).toHaveLength(1);
    expect(report.failed[0]?.reason).toContain('no such file');
  });

  it('reads PDF and Word files through the import\'s extraction', async () => {
    const samples = fileURLToPath(new URL('../../resources/samples/', import.meta.url));
    const labelsFile = join(dir.path, 'samples.jsonl');
    writeFileSync(
      labelsFile,
      [
        '{"file": "01-maya-lindqvist-applied-mlops.pdf", "name": "Maya Lindqvist", "email": "maya.lindqvist@example.com"}',
        '{"file": "03-keiko-brennan-ml-infra.docx", "name": "KEIKO  BRENNAN", "email": "keiko.brennan@example.com"}',
      ].join('\n'),
    );
    const result = await cli('eval', labelsFile, '--files', samples, '--json');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.out) as EvalReport;
    expect(report).toMatchObject({ scored: 2, failed: [] });
    expect(report.contact.name).toEqual({ n: 2, correct: 2, accuracy: 1 });
    expect(report.contact.email).toEqual({ n: 2, correct: 2, accuracy: 1 });
  });

  it('stops with a usage error naming the problem for a missing labels file or a bad line', async () => {
    const missing = await cli('eval', join(dir.path, 'nope.jsonl'));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('no labels file at');
    const bad = join(dir.path, 'bad.jsonl');
    writeFileSync(bad, '{"file": "e01-applied.txt"}\n{"file": "e02-padded.txt", "subRole": "wizard"}\n');
    const badLine = await cli('eval', bad, '--files', fixtures);
    expect(badLine.code).toBe(2);
    expect(badLine.err).toContain('line 2: subRole');
    const noArgs = await cli('eval');
    expect(noArgs.code).toBe(2);
    expect(noArgs.err).toContain('missing a labels file');
  });
});
