import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, symlinkSync, writeFileSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createExtractPool, type ExtractPool } from '../../main/import/pool.ts';
import { analyzePaths, importPaths } from '../../main/import/service.ts';
import { normaliseText } from '../../main/import/normalise.ts';
import { listCandidates } from '../../db/queries/candidates.ts';
import { getResumeLayout } from '../../db/queries/resume-files.ts';
import { UserFacingError } from '../../main/api/errors.ts';
import { repoRoot, sourceExtractWorkerUrl } from '../../main/services/source-layout.ts';
import type { ImportProgress } from '../../contract/types.ts';
import {
  isRoot,
  makeLegacyDoc,
  makePlainZip,
  makeResumeDocx,
  makeResumePdf,
  makeShapesOnlyPdf,
  makeTempDir,
  pngBytes,
  resumeToText,
  rtfResume,
  syntheticResume,
  type ResumeSpec,
  type TempDir,
} from './fixtures.ts';
import { makeContext, rows } from './helpers.ts';

const cliEntry = fileURLToPath(new URL('bin/shipped.mjs', repoRoot));

let pool: ExtractPool;
const dirs: TempDir[] = [];
const tempDir = () => {
  const dir = makeTempDir();
  dirs.push(dir);
  return dir;
};

beforeAll(() => {
  pool = createExtractPool({ workerUrl: sourceExtractWorkerUrl, size: 2 });
});
afterAll(async () => {
  await pool.close();
  for (const dir of dirs) dir.remove();
});

function twoColumn(spec: ResumeSpec): ResumeSpec {
  const skills = spec.sections.find((section) => section.heading === 'Skills');
  return {
    ...spec,
    sidebar: skills ? [skills] : [],
    sections: spec.sections.filter((section) => section !== skills),
  };
}

interface FileRow {
  path: string;
  status: string;
  text: string | null;
  detected_type: string;
  candidate_id: number | null;
  error_code: string | null;
  error_reason: string | null;
}

async function buildGoodFolder(dir: TempDir) {
  const specs = [0, 1, 2, 3, 4].map(syntheticResume);
  const [one, two, three, four, five] = specs as [ResumeSpec, ResumeSpec, ResumeSpec, ResumeSpec, ResumeSpec];
  dir.file('one-column.pdf', await makeResumePdf(one));
  dir.file('nested/two-column.pdf', await makeResumePdf(twoColumn(two)));
  dir.file('nested/deeper/resume.docx', await makeResumeDocx(three));
  dir.file('plain.txt', resumeToText(four));
  dir.file('notes.md', `# ${five.name}\n\r\n${resumeToText(five).replace(/\n/g, '\r\n')}`);
  // Junk that must be skipped silently.
  dir.file('.DS_Store', Buffer.from([0, 0, 0, 1, 0x42, 0x75, 0x64, 0x31]));
  dir.file('Thumbs.db', makeLegacyDoc());
  dir.file('~$resume.docx', Buffer.from([0x05, 0x4a, 0x00, 0x00]));
  dir.file('.git/objects/ab/cdef', 'blob');
  dir.file('.hidden/resume.txt', resumeToText(syntheticResume(99)));
  return specs;
}

describe('import of real PDF, DOCX, TXT and MD files', () => {
  it('imports every resume once, stores normalised text, candidates and analyses, and skips junk', async () => {
    const dir = tempDir();
    const specs = await buildGoodFolder(dir);
    const { ctx, events } = makeContext();
    const summary = await importPaths(ctx, [dir.path], { pool });

    expect(summary).toMatchObject({ status: 'completed', total: 5, imported: 5, duplicates: 0, failed: [] });
    expect(summary.candidateIds).toHaveLength(5);

    const files = rows<FileRow>(ctx, `SELECT * FROM resume_files ORDER BY path`);
    expect(files.map((file) => [file.path.slice(dir.path.length + 1), file.detected_type, file.status])).toEqual([
      ['nested/deeper/resume.docx', 'docx', 'imported'],
      ['nested/two-column.pdf', 'pdf', 'imported'],
      ['notes.md', 'md', 'imported'],
      ['one-column.pdf', 'pdf', 'imported'],
      ['plain.txt', 'txt', 'imported'],
    ]);
    for (const file of files) {
      expect(file.text).toBeTruthy();
      expect(file.text).not.toMatch(/-- \d+ of \d+ --/);
      expect(file.text).not.toMatch(/\r|[ \t]+\n|\n{4}/);
      expect(file.text).not.toContain('\u0000');
    }
    const byName = (name: string) => files.find((file) => file.path.endsWith(name));
    expect(byName('plain.txt')?.text).toBe(normaliseText(resumeToText(specs[3] as ResumeSpec)));
    expect(byName('notes.md')?.text).not.toContain('\r');
    expect(byName('one-column.pdf')?.text).toContain('Operate 3 models in production on Kubernetes');
    expect(byName('two-column.pdf')?.text).toContain(specs[1]?.name);
    expect(byName('resume.docx')?.text).toContain('Migrated 4 forecasting models');

    // PDF and Word files keep a style per line of the stored text (the name's is the largest on page 1); plain text has none.
    const stored = files.map((file) => ({
      type: file.detected_type,
      lines: file.text?.split('\n') ?? [],
      layout: getResumeLayout(ctx.db, rows<{ id: number }>(ctx, 'SELECT id FROM resume_files WHERE path = ?', file.path)[0]?.id ?? 0),
    }));
    expect(stored.filter(({ type }) => type === 'txt' || type === 'md').map(({ layout }) => layout)).toEqual([undefined, undefined]);
    const styled = stored.filter(({ type }) => type === 'pdf' || type === 'docx');
    expect(styled).toHaveLength(3);
    for (const { lines, layout } of styled) {
      expect(layout?.lines).toHaveLength(lines.length);
      lines.forEach((line, index) => expect(layout?.lines[index] === null).toBe(line.trim() === ''));
    }
    const onePdf = getResumeLayout(ctx.db, rows<{ id: number }>(ctx, `SELECT id FROM resume_files WHERE path LIKE '%one-column.pdf'`)[0]?.id ?? 0);
    const nameLine = byName('one-column.pdf')?.text?.split('\n').indexOf(specs[0]?.name ?? '') ?? -1;
    const largest = Math.max(...(onePdf?.lines.map((style) => style?.size ?? 0) ?? []));
    expect(onePdf?.lines[nameLine]).toMatchObject({ page: 1, size: largest });

    // One analysis per imported file, and line numbers index the stored text.
    const analyses = rows<{ resume_file_id: number; result_json: string }>(ctx, 'SELECT resume_file_id, result_json FROM analysis_results');
    expect(analyses).toHaveLength(5);
    for (const analysis of analyses) {
      const result = JSON.parse(analysis.result_json) as { tools: Array<{ name: string; lines: number[] }> };
      const text = files.find((file) => rows<{ id: number }>(ctx, 'SELECT id FROM resume_files WHERE path = ?', file.path)[0]?.id === analysis.resume_file_id)?.text ?? '';
      const lines = text.split('\n');
      const kubernetes = result.tools.find((tool) => tool.name === 'Kubernetes');
      expect(kubernetes?.lines.length).toBeGreaterThan(0);
      for (const line of kubernetes?.lines ?? []) expect(lines[line - 1]).toMatch(/kubernetes/i);
    }

    const candidates = listCandidates(ctx.db);
    expect(candidates.map((candidate) => candidate.name).sort()).toEqual(specs.map((spec) => spec.name).sort());
    for (const candidate of candidates) {
      expect(candidate.email).toMatch(/@example\.com$/);
      expect(candidate.fileCount).toBe(1);
      expect(candidate.subRole).not.toBeNull();
      expect(candidate.evidenceLevel).not.toBeNull();
    }

    const run = rows<{ status: string; total_files: number; imported_count: number }>(ctx, 'SELECT * FROM import_runs')[0];
    expect(run).toMatchObject({ status: 'completed', total_files: 5, imported_count: 5 });

    const progress = events.filter((event) => event.event === 'import.progress').map((event) => event.payload as ImportProgress);
    expect(progress[0]?.phase).toBe('scanning');
    expect(progress.some((event) => event.phase === 'importing')).toBe(true);
    expect(progress.at(-1)).toMatchObject({ phase: 'done', filesDone: 5, filesTotal: 5, imported: 5, currentFile: null });
    ctx.db.close();
  });

  it('adds nothing when the same folder is imported twice, and makes an edited resume a new version', async () => {
    const dir = tempDir();
    const specs = await buildGoodFolder(dir);
    const { ctx } = makeContext();
    const first = await importPaths(ctx, [dir.path], { pool });
    expect(first.imported).toBe(5);

    const again = await importPaths(ctx, [dir.path], { pool });
    expect(again).toMatchObject({ imported: 0, duplicates: 5, failed: [], candidateIds: [] });
    expect(rows(ctx, 'SELECT id FROM candidates')).toHaveLength(5);
    expect(rows(ctx, 'SELECT id FROM resume_files')).toHaveLength(5);

    // Same person (same email), edited content: a second version of the same candidate.
    const spec = specs[3] as ResumeSpec;
    const edited = resumeToText(spec).replace('SUMMARY', 'SUMMARY\nNow also running the LLM serving stack with vLLM.');
    const path = join(dir.path, 'plain.txt');
    writeFileSync(path, edited);
    const later = new Date(Date.now() + 60_000);
    utimesSync(path, later, later);
    const before = listCandidates(ctx.db).find((candidate) => candidate.name === spec.name);
    const third = await importPaths(ctx, [dir.path], { pool });
    expect(third).toMatchObject({ imported: 1, duplicates: 4, failed: [] });
    expect(third.candidateIds).toEqual([before?.id]);

    const after = listCandidates(ctx.db).find((candidate) => candidate.name === spec.name);
    expect(after?.id).toBe(before?.id);
    expect(after?.fileCount).toBe(2);
    expect(rows(ctx, 'SELECT id FROM candidates')).toHaveLength(5);
    const latest = rows<{ text: string }>(
      ctx,
      'SELECT f.text FROM candidates c JOIN resume_files f ON f.id = c.latest_resume_file_id WHERE c.id = ?',
      after?.id,
    )[0];
    expect(latest?.text).toContain('LLM serving stack with vLLM');
    expect(after?.toolsShipped.length ?? 0).toBeGreaterThan(0);
    ctx.db.close();
  });

  it('treats two copies of the same file in one run as one import and one duplicate', async () => {
    const dir = tempDir();
    const pdf = await makeResumePdf(syntheticResume(7));
    dir.file('a/resume.pdf', pdf);
    dir.file('b/resume copy.pdf', pdf);
    const { ctx } = makeContext();
    const summary = await importPaths(ctx, [dir.path], { pool });
    expect(summary).toMatchObject({ total: 2, imported: 1, duplicates: 1, failed: [] });
    ctx.db.close();
  });
});

describe('failures', () => {
  it('gives every bad file its own reason and never stops the good ones', async () => {
    const dir = tempDir();
    const good = await makeResumePdf(syntheticResume(11));
    dir.file('00-good.pdf', good);
    dir.file('truncated.pdf', good.subarray(0, Math.floor(good.length / 2)));
    dir.file('encrypted.pdf', await makeResumePdf(syntheticResume(12), { userPassword: 'hunter2' }));
    dir.file('empty.pdf', Buffer.alloc(0));
    dir.file('photo.pdf', pngBytes);
    dir.file('archive.docx', makePlainZip());
    dir.file('scan.pdf', await makeShapesOnlyPdf());
    dir.file('old.doc', makeLegacyDoc());
    dir.file('letter.rtf', rtfResume);
    dir.file('photo.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0]));
    dir.file('program.bin', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0]));
    dir.file('zz-good.docx', await makeResumeDocx(syntheticResume(13)));
    dir.file('zz-good.txt', resumeToText(syntheticResume(14)));

    const { ctx } = makeContext();
    const summary = await importPaths(ctx, [dir.path], { pool });
    expect(summary.total).toBe(13);
    // The three good files and the RTF letter.
    expect(summary.imported).toBe(4);
    expect(summary.imported + summary.duplicates + summary.failed.length).toBe(summary.total);

    const reasonOf = (name: string) => summary.failed.find((failure) => failure.file.endsWith(`/${name}`));
    expect(reasonOf('truncated.pdf')).toMatchObject({ code: 'corrupt', reason: expect.stringMatching(/PDF is damaged or incomplete/) });
    expect(reasonOf('encrypted.pdf')).toMatchObject({ code: 'encrypted', reason: expect.stringMatching(/password-protected/) });
    expect(reasonOf('empty.pdf')).toMatchObject({ code: 'empty-file', reason: 'The file is empty (0 bytes).' });
    expect(reasonOf('photo.pdf')).toMatchObject({ code: 'no-text', reason: expect.stringMatching(/read this image by OCR and found no text in it/) });
    expect(reasonOf('photo.jpg')).toMatchObject({ code: 'corrupt', reason: expect.stringMatching(/JPEG image is damaged/) });
    expect(reasonOf('archive.docx')).toMatchObject({ code: 'unsupported-type', reason: expect.stringMatching(/zip archive.*not a Word document/) });
    expect(reasonOf('scan.pdf')).toMatchObject({ code: 'no-text', reason: expect.stringMatching(/no text layer and OCR found no text on its pages/) });
    expect(reasonOf('old.doc')).toMatchObject({ code: 'corrupt', reason: expect.stringMatching(/Word document is damaged/) });
    expect(reasonOf('letter.rtf')).toBeUndefined();
    expect(reasonOf('program.bin')).toMatchObject({ code: 'unsupported-type', reason: expect.stringMatching(/binary data/) });

    // Failed files are kept with their reason and no candidate.
    const failedRows = rows<FileRow>(ctx, `SELECT * FROM resume_files WHERE status = 'failed'`);
    expect(failedRows).toHaveLength(9);
    for (const row of failedRows) {
      expect(row.candidate_id).toBeNull();
      expect(row.text).toBeNull();
      expect(row.error_reason).toBe(summary.failed.find((failure) => failure.file === row.path)?.reason);
    }
    expect(rows(ctx, `SELECT * FROM import_runs WHERE failed_count = 9 AND imported_count = 4`)).toHaveLength(1);

    // Importing the same folder again records each failure once, not twice.
    const again = await importPaths(ctx, [dir.path], { pool });
    expect(again).toMatchObject({ imported: 0, duplicates: 4 });
    expect(again.failed).toHaveLength(9);
    expect(rows(ctx, `SELECT * FROM resume_files WHERE status = 'failed'`)).toHaveLength(9);
    ctx.db.close();
  });

  it('refuses files above the size limit without reading them', async () => {
    const dir = tempDir();
    dir.file('big.pdf', await makeResumePdf(syntheticResume(20)));
    dir.file('small.txt', 'Jane Small\njane.small@example.com\nMLOps Engineer');
    const { ctx } = makeContext();
    const summary = await importPaths(ctx, [dir.path], { pool, maxFileBytes: 1000 });
    expect(summary.imported).toBe(1);
    expect(summary.failed).toEqual([
      {
        file: join(dir.path, 'big.pdf'),
        code: 'too-large',
        reason: expect.stringMatching(/^The file is \d\.\d MB; Shipped reads files up to 0\.0 MB/),
      },
    ]);
    ctx.db.close();
  });

  it('gives up on a file that takes longer than the time limit, restarts the worker, and retries it later', async () => {
    const dir = tempDir();
    dir.file('slow.pdf', await makeResumePdf(syntheticResume(21)));
    const { ctx } = makeContext();
    const summary = await importPaths(ctx, [dir.path], { pool, timeLimitMs: 1 });
    expect(summary.failed).toEqual([
      { file: join(dir.path, 'slow.pdf'), code: 'timeout', reason: expect.stringMatching(/took longer than 1 ms, so Shipped gave up/) },
    ]);
    expect(rows(ctx, `SELECT * FROM resume_files WHERE status = 'failed'`)).toHaveLength(1);

    // The restarted worker works, and a successful import of the same content replaces the failed row.
    const retry = await importPaths(ctx, [dir.path], { pool });
    expect(retry).toMatchObject({ imported: 1, failed: [] });
    expect(rows<FileRow>(ctx, 'SELECT * FROM resume_files').map((row) => row.status)).toEqual(['imported']);
    ctx.db.close();
  });

  it.skipIf(isRoot)('reports a file it is not allowed to read', async () => {
    const dir = tempDir();
    const path = dir.file('locked.pdf', await makeResumePdf(syntheticResume(22)));
    dir.file('open.txt', resumeToText(syntheticResume(23)));
    chmodSync(path, 0o000);
    try {
      const { ctx } = makeContext();
      const summary = await importPaths(ctx, [dir.path], { pool });
      expect(summary.imported).toBe(1);
      expect(summary.failed).toEqual([
        { file: path, code: 'unreadable', reason: expect.stringMatching(/not allowed to read this file \(permissions\)/) },
      ]);
      ctx.db.close();
    } finally {
      chmodSync(path, 0o644);
    }
  });

  // Root reads any file, so as root the same check runs the CLI as root without the capabilities
  // that let it ignore file permissions (setpriv, from util-linux): it then reads only what the
  // file's owner may, whoever owns the checkout.
  it.runIf(isRoot)('reports a file it is not allowed to read (checked as root without its permission override)', async () => {
    const dir = tempDir();
    const storeDir = tempDir();
    const path = dir.file('locked.pdf', await makeResumePdf(syntheticResume(22)));
    dir.file('open.txt', resumeToText(syntheticResume(23)));
    chmodSync(path, 0o000);
    const result = spawnSync(
      'setpriv',
      ['--bounding-set=-dac_override,-dac_read_search', process.execPath, cliEntry, 'import', dir.path, '--db', join(storeDir.path, 'store.db'), '--json'],
      { cwd: storeDir.path, env: { PATH: process.env.PATH, HOME: storeDir.path }, encoding: 'utf8' },
    );
    expect(result.stderr).toBe('');
    const summary = JSON.parse(result.stdout) as { imported: number; failed: Array<{ file: string; reason: string }> };
    expect(summary.imported).toBe(1);
    expect(summary.failed).toEqual([
      expect.objectContaining({ file: path, reason: expect.stringMatching(/not allowed to read this file \(permissions\)/) }),
    ]);
    expect(result.status).toBe(0);
  });

  it('names a path that does not exist', async () => {
    const { ctx } = makeContext();
    await expect(importPaths(ctx, ['/no/such/folder'], { pool })).rejects.toThrow(UserFacingError);
    await expect(importPaths(ctx, ['/no/such/folder'], { pool })).rejects.toThrow(/"\/no\/such\/folder" does not exist/);
    expect(rows(ctx, 'SELECT * FROM import_runs')).toHaveLength(0);
    ctx.db.close();
  });
});

describe('walking folders', () => {
  it('follows links without looping and imports explicitly named files', async () => {
    const dir = tempDir();
    dir.file('a/resume.txt', resumeToText(syntheticResume(30)));
    symlinkSync(dir.path, join(dir.path, 'a', 'loop'));
    symlinkSync(join(dir.path, 'missing.pdf'), join(dir.path, 'dangling.pdf'));
    const single = dir.file('b/.hidden-but-named.txt', resumeToText(syntheticResume(31)));
    const { ctx } = makeContext();
    const summary = await importPaths(ctx, [dir.path, single], { pool });
    expect(summary.imported).toBe(2);
    expect(summary.failed).toEqual([{ file: join(dir.path, 'dangling.pdf'), code: 'unreadable', reason: expect.stringMatching(/no longer exists/) }]);
    ctx.db.close();
  });
});

describe('analyzePaths', () => {
  it('analyses without storing, one result per file in walk order', async () => {
    const dir = tempDir();
    dir.file('1.pdf', await makeResumePdf(syntheticResume(40)));
    dir.file('2.docx', await makeResumeDocx(syntheticResume(41)));
    dir.file('3.pdf', pngBytes);
    const results = await analyzePaths({ extractWorkerUrl: sourceExtractWorkerUrl, now: () => new Date() }, [dir.path], { pool });
    expect(results.map((result) => result.file)).toEqual(['1.pdf', '2.docx', '3.pdf'].map((name) => join(dir.path, name)));
    const [first, second, third] = results;
    expect(first && 'contact' in first ? first.contact.email : null).toMatch(/@example\.com$/);
    expect(second && 'subRole' in second ? second.subRole.id : null).toBeTruthy();
    expect(third).toEqual({ file: join(dir.path, '3.pdf'), error: { code: 'no-text', reason: expect.stringMatching(/image by OCR and found no text/) } });
  });
});

describe('reading files', () => {
  it('reads a resume over 1 MB (read asynchronously) as well as small ones (read synchronously)', async () => {
    const dir = tempDir();
    const small = resumeToText(syntheticResume(31));
    // A long text resume: the same resume followed by 1.2 MB of project notes.
    const note = 'Maintained the internal wiki page for the batch scoring jobs and their owners.\n';
    dir.file('long.txt', resumeToText(syntheticResume(32)) + '\n' + note.repeat(Math.ceil(1_200_000 / note.length)));
    dir.file('short.txt', small);
    const { ctx } = makeContext();
    const summary = await importPaths(ctx, [dir.path], { pool });
    expect(summary).toMatchObject({ imported: 2, failed: [] });
    const sizes = rows<{ file_name: string; size_bytes: number; length: number }>(
      ctx,
      'SELECT file_name, size_bytes, length(text) AS length FROM resume_files ORDER BY file_name',
    );
    expect(sizes[0]).toMatchObject({ file_name: 'long.txt' });
    expect(sizes[0]!.size_bytes).toBeGreaterThan(1024 * 1024);
    expect(sizes[0]!.length).toBeGreaterThan(1_000_000);
    expect(sizes[1]).toMatchObject({ file_name: 'short.txt', length: normaliseText(small).length });
    ctx.db.close();
  });
});
