import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../main/cli/main.ts';
import { jane, longCandidate, unanalysed } from './fixtures.ts';
import { createTestStore, readPdf, seedCandidate, squash, type TestStore } from './helpers.ts';

let store: TestStore;
let janeId = 0;
let longId = 0;
let samId = 0;
beforeAll(() => {
  store = createTestStore();
  janeId = seedCandidate(store.ctx, jane, 'advanced');
  longId = seedCandidate(store.ctx, longCandidate, 'advanced');
  samId = seedCandidate(store.ctx, unanalysed, 'new');
});
afterAll(() => store.close());

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli([...args, '--db', store.ctx.databasePath], {
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    isInteractive: false,
  }, {});
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('shipped brief', () => {
  it('writes one brief with --out and --page-size', async () => {
    const path = join(store.dir, 'cli', 'one.pdf');
    const result = await run('brief', String(janeId), '--out', path, '--page-size', 'letter');
    expect(result).toMatchObject({ code: 0, out: `Wrote 1 brief to ${path}` });
    expect(readFileSync(path).toString('latin1')).toContain('/MediaBox [0 0 612 792]');
    expect(squash((await readPdf(path)).text)).toContain('Jane Q. Doe');
  });

  it('writes blind briefs for a status to a folder with neutral names', async () => {
    const dir = join(store.dir, 'cli', 'advanced');
    const result = await run('brief', '--status', 'advanced', '--out-dir', dir, '--blind', '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toEqual({ files: [join(dir, `candidate-${janeId}.pdf`), join(dir, `candidate-${longId}.pdf`)] });
    expect(readdirSync(dir).sort()).toEqual([`candidate-${janeId}.pdf`, `candidate-${longId}.pdf`].sort());
  });

  it('combines --ids into one PDF', async () => {
    const path = join(store.dir, 'cli', 'combined.pdf');
    const result = await run('brief', '--ids', `${janeId},${samId}`, '--combined', path);
    expect(result.code).toBe(0);
    const text = squash((await readPdf(path)).text);
    expect(text).toContain('Jane Q. Doe');
    expect(text).toContain('Sam Okafor');
  });

  it('--out and --combined refuse to replace an existing file unless --force is given', async () => {
    const path = join(store.dir, 'cli', 'existing.pdf');
    mkdirSync(join(store.dir, 'cli'), { recursive: true });
    writeFileSync(path, 'the recruiter\'s own file');
    const refused = await run('brief', String(janeId), '--out', path);
    expect(refused).toMatchObject({ code: 1, err: `shipped brief: "${path}" already exists. Add --force to replace it, or choose another file name.` });
    expect(readFileSync(path, 'utf8')).toBe('the recruiter\'s own file');
    expect((await run('brief', '--ids', String(janeId), '--combined', path)).code).toBe(1);
    expect(readFileSync(path, 'utf8')).toBe('the recruiter\'s own file');
    expect(await run('brief', String(janeId), '--out', path, '--force')).toMatchObject({ code: 0, out: `Wrote 1 brief to ${path}` });
    expect(readFileSync(path).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('reports usage mistakes with exit code 2', async () => {
    expect((await run('brief', String(janeId))).code).toBe(2);
    expect((await run('brief', '--ids', '1,2', '--out', 'x.pdf')).err).toContain('--out writes one brief');
    expect((await run('brief', String(janeId), '--out', 'x.pdf', '--page-size', 'a3')).err).toContain('--page-size must be a4 or letter');
    expect((await run('brief', '--status', 'hired', '--out-dir', 'x')).err).toContain('--status must be one of');
    expect((await run('brief', '--ids', '1,x', '--combined', 'x.pdf')).code).toBe(2);
    expect((await run('brief', String(janeId), '--out', 'a.pdf', '--out-dir', 'b')).code).toBe(2);
  });

  it('reports an unknown candidate, a folder as --out and an unwritable path with exit code 1', async () => {
    const missing = await run('brief', '999', '--out', join(store.dir, 'missing.pdf'));
    expect(missing).toMatchObject({ code: 1, err: 'shipped brief: Candidate 999 does not exist (it may have been deleted).' });
    expect(existsSync(join(store.dir, 'missing.pdf'))).toBe(false);
    const folder = join(store.dir, 'cli', 'is-a-folder');
    mkdirSync(folder, { recursive: true });
    const asFolder = await run('brief', String(janeId), '--out', folder);
    expect(asFolder.code).toBe(1);
    expect(asFolder.err).toContain('is a folder');
    const unwritable = await run('brief', String(janeId), '--out', '/proc/shipped/brief.pdf');
    expect(unwritable.code).toBe(1);
    expect(unwritable.err).toContain('Cannot create');
    const noneWithStatus = await run('brief', '--status', 'declined', '--out-dir', join(store.dir, 'none'));
    expect(noneWithStatus).toMatchObject({ code: 1, err: 'shipped brief: No candidates have the status "declined".' });
  });
});
