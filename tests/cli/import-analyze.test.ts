import { afterAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { runCli } from '../../main/cli/main.ts';
import type { CliIo } from '../../main/cli/command.ts';
import { makeTempDir, pngBytes } from '../import/fixtures.ts';

const samples = fileURLToPath(new URL('../../resources/samples/', import.meta.url));
const dir = makeTempDir('shipped-cli-');
afterAll(() => dir.remove());
const db = join(dir.path, 'cli.db');

interface Captured {
  code: number;
  out: string;
  err: string;
}

async function cli(...argv: string[]): Promise<Captured> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (text) => out.push(text), err: (text) => err.push(text), isInteractive: false };
  const code = await runCli(argv, io, { SHIPPED_DB: join(dir.path, 'never-used.db') });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('shipped import', () => {
  it('imports the sample resumes and prints the JSON summary', async () => {
    const result = await cli('import', samples, '--db', db, '--json');
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.out) as Record<string, unknown>;
    expect(summary).toMatchObject({ imported: 6, duplicates: 0, failed: [] });
    expect(summary.candidateIds).toEqual([1, 2, 3, 4, 5, 6]);
    expect(Object.keys(summary).slice(0, 4)).toEqual(['imported', 'duplicates', 'failed', 'candidateIds']);
  });

  it('reports a second import of the same folder as duplicates', async () => {
    const result = await cli('import', samples, '--db', db, '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toMatchObject({ imported: 0, duplicates: 6, failed: [], candidateIds: [] });
  });

  it('lists only the strongest candidates with --top, in the full list\'s order, and refuses a bad count', async () => {
    const all = JSON.parse((await cli('list', '--db', db, '--json')).out) as Array<{ id: number }>;
    const top = await cli('list', '--top', '2', '--db', db, '--json');
    expect(top.code).toBe(0);
    expect((JSON.parse(top.out) as Array<{ id: number }>).map((item) => item.id)).toEqual(all.slice(0, 2).map((item) => item.id));
    expect((await cli('list', '--top', '2', '--db', db)).out).toContain('the strongest 2 of 6 candidates');
    expect((await cli('list', '--top', '10', '--db', db)).out).toMatch(/\n6 candidates$/m);
    const refused = await cli('list', '--top', '0', '--db', db);
    expect(refused.code).not.toBe(0);
    expect(refused.err).toContain('--top takes a whole number from 1 to 1000');
  });

  it('lists and shows the imported candidates', async () => {
    const list = await cli('list', '--db', db, '--json');
    expect(list.code).toBe(0);
    const candidates = JSON.parse(list.out) as Array<{ id: number; name: string; subRole: string; evidenceLevel: string }>;
    expect(candidates).toHaveLength(6);
    expect(candidates.map((candidate) => candidate.name)).toContain('Maya Lindqvist');
    expect(candidates.every((candidate) => candidate.subRole && candidate.evidenceLevel)).toBe(true);

    const table = await cli('list', '--db', db);
    expect(table.out).toMatch(/Keiko Brennan\s+keiko\.brennan@example\.com\s+1/);
    expect(table.out).toContain('6 candidates');

    const maya = candidates.find((candidate) => candidate.name === 'Maya Lindqvist');
    const show = await cli('show', String(maya?.id), '--db', db);
    expect(show.code).toBe(0);
    expect(show.out).toContain('Maya Lindqvist');
    expect(show.out).toContain('01-maya-lindqvist-applied-mlops.pdf');
    const detail = JSON.parse((await cli('show', String(maya?.id), '--db', db, '--json')).out) as { resumeText: string; files: unknown[] };
    expect(detail.resumeText).toContain('Ridgeline Insurance');
    expect(detail.files).toHaveLength(1);
  });

  it('prints a human summary listing every failed file with its reason', async () => {
    const folder = join(dir.path, 'mixed');
    dir.file('mixed/scan.pdf', pngBytes);
    dir.file('mixed/empty.txt', '');
    dir.file('mixed/ok.txt', 'Sam Example\nsam.example@example.com\nMLOps Engineer\nKubernetes, MLflow');
    const result = await cli('import', folder, '--db', db);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/Import finished: 1 resume imported, 0 duplicates skipped, 2 failed \(3 files in \d+\.\d s\)\./);
    expect(result.out).toContain(`${join(folder, 'scan.pdf')}\n      Shipped read this image by OCR and found no text in it`);
    expect(result.out).toContain(`${join(folder, 'empty.txt')}\n      The file is empty (0 bytes).`);
  });

  it('never prints a terminal escape sequence from a file name: the human summary drops it, the JSON keeps it escaped', async () => {
    const folder = join(dir.path, 'hostile');
    // Retitles the window (OSC), clears the screen (CSI), and an 8-bit CSI; plus a right-to-left override.
    const name = 'cv\u001b]0;pwned\u0007\u001b[2J\u009b31m\u202egpj.txt';
    dir.file(`hostile/${name}`, '');
    const human = await cli('import', folder, '--db', db);
    expect(human.code).toBe(0);
    expect(human.out).not.toMatch(/[\u001b\u0007\u009b\u202e]/);
    expect(human.out).toContain(`${join(folder, 'cv')}gpj.txt\n      The file is empty (0 bytes).`);

    const json = await cli('import', folder, '--db', db, '--json');
    expect(json.out).not.toMatch(/[\u001b\u0007\u009b\u202e]/);
    expect((JSON.parse(json.out) as { failed: Array<{ file: string }> }).failed[0]?.file).toBe(join(folder, name));
  });

  it('refuses bad paths, unknown flags and missing arguments with exit code 2', async () => {
    const badPath = await cli('import', '/no/such/folder', '--db', db);
    expect(badPath.code).toBe(2);
    expect(badPath.err.split('\n')).toHaveLength(1);
    expect(badPath.err).toContain('"/no/such/folder" does not exist');

    const unknownFlag = await cli('import', samples, '--db', db, '--frobnicate');
    expect(unknownFlag.code).toBe(2);
    expect(unknownFlag.err).toMatch(/^shipped import: .*frobnicate/);
    expect(unknownFlag.err.split('\n')).toHaveLength(1);

    expect((await cli('import', '--db', db)).code).toBe(2);
  });

  it('has help', async () => {
    const help = await cli('import', '--help');
    expect(help.code).toBe(0);
    expect(help.out).toContain('Usage: shipped import <file-or-folder>...');
  });
});

describe('shipped analyze', () => {
  it('prints one JSON object per file with the full analysis contract', async () => {
    const folder = join(dir.path, 'analyze');
    dir.file('analyze/photo.pdf', pngBytes);
    const result = await cli('analyze', samples, folder, '--json');
    expect(result.code).toBe(0);
    const files = JSON.parse(result.out) as Array<Record<string, unknown>>;
    expect(files).toHaveLength(7);
    const nullable = (type: string) => (value: unknown) => value === null || typeof value === type;
    for (const file of files.slice(0, 6)) {
      expect(file).toMatchObject({
        file: expect.stringContaining(samples),
        contact: { name: expect.any(String), email: expect.stringMatching(/@example\.com$/), phone: expect.stringContaining('555'), links: expect.any(Array) },
        seniority: expect.any(String),
        subRole: { id: expect.any(String), confidence: expect.any(Number), reasons: expect.any(Array) },
        evidence: { level: expect.any(String), score: expect.any(Number) },
        padding: { detected: expect.any(Boolean), score: expect.any(Number), reasons: expect.any(Array) },
        tools: expect.any(Array),
        signals: { postmortemAuthored: expect.any(Boolean), onCall: expect.any(Boolean), llmServing: expect.any(Boolean), clearance: expect.any(Boolean) },
        flags: expect.any(Array),
        probes: expect.any(Array),
      });
      const contact = file.contact as Record<string, unknown>;
      const signals = file.signals as Record<string, unknown>;
      expect(nullable('string')(contact.location)).toBe(true);
      expect(nullable('number')(file.yearsExperience)).toBe(true);
      expect(nullable('number')(signals.modelsInProduction)).toBe(true);
      for (const tool of file.tools as Array<Record<string, unknown>>) {
        expect(tool).toMatchObject({ id: expect.any(String), name: expect.any(String), status: expect.stringMatching(/^(evidence|listed)$/), lines: expect.any(Array) });
      }
      for (const flag of file.flags as Array<Record<string, unknown>>) {
        expect(flag).toMatchObject({ kind: expect.any(String), code: expect.any(String), message: expect.any(String), line: expect.any(Number), excerpt: expect.any(String) });
      }
      for (const probe of file.probes as Array<Record<string, unknown>>) {
        expect(probe).toMatchObject({ text: expect.any(String), because: expect.any(String) });
        expect(nullable('string')(probe.questionId)).toBe(true);
      }
    }
    expect(files[6]).toEqual({ file: join(folder, 'photo.pdf'), error: { code: 'no-text', reason: expect.stringMatching(/image by OCR and found no text/) } });
  });

  it('prints a compact human summary per file', async () => {
    const result = await cli('analyze', join(samples, '03-keiko-brennan-ml-infra.docx'));
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/Keiko Brennan <keiko\.brennan@example\.com>/);
    expect(result.out).toMatch(/ml-infra \(\d+%\)/);
    expect(result.out).toContain('shipped with:');
  });

  it('refuses bad paths and unknown flags with exit code 2, and has help', async () => {
    const badPath = await cli('analyze', '/no/such/resume.pdf');
    expect(badPath.code).toBe(2);
    expect(badPath.err).toContain('"/no/such/resume.pdf" does not exist');
    expect((await cli('analyze', samples, '--nope')).code).toBe(2);
    expect((await cli('analyze')).code).toBe(2);
    const help = await cli('analyze', '--help');
    expect(help.code).toBe(0);
    expect(help.out).toContain('Usage: shipped analyze');
  });
});
