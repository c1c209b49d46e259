import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { temporaryPathBeside, writeAtomically } from '../../main/briefs/output.ts';
import { jane, janeResume, longCandidate, unanalysed } from './fixtures.ts';
import { createTestStore, readPdf, seedCandidate, seedScreening, squash, type TestStore } from './helpers.ts';
import { writeSetting } from '../../db/queries/settings.ts';

let store: TestStore;
beforeEach(() => {
  store = createTestStore();
  writeSetting(store.ctx.db, 'settings', { recruiterName: 'Riley Recruiter', pageSize: 'a4' });
});
afterEach(() => store.close());

function mediaBoxes(path: string): string[] {
  return [...readFileSync(path).toString('latin1').matchAll(/\/MediaBox \[([^\]]*)\]/g)].map((match) => (match[1] ?? '').trim());
}

function seedScreened(): number {
  const id = seedCandidate(store.ctx, jane, 'advanced');
  seedScreening(store.ctx, id, {
    label: 'Old call',
    isFinished: true,
    startedAt: '2026-11-01T10:00:00Z',
    recommendation: 'decline',
    answers: [{ questionId: 'incident', rating: 1, notes: 'OLD-SCREENING-NOTE' }],
  });
  seedScreening(store.ctx, id, {
    label: 'Phone screen',
    isFinished: true,
    startedAt: '2026-11-21T10:00:00Z',
    recommendation: 'advance',
    summaryNotes: 'Jane Doe explained the Acme Robotics canary gates well; call her on +1 (512) 555-0142.',
    answers: [
      { questionId: 'monitoring-strategy', rating: 4, tickedGood: ['three-layers', 'drift-tests'], notes: 'PSI thresholds from her Globex days.' },
      { questionId: 'incident', rating: 2, tickedRed: ['blames-others'], notes: 'Blamed the platform team at Acme Robotics.' },
    ],
  });
  seedScreening(store.ctx, id, {
    label: 'Follow-up in progress',
    isFinished: false,
    startedAt: '2026-11-25T10:00:00Z',
    answers: [{ questionId: 'llm-serving', rating: 3, notes: 'IN-PROGRESS-NOTE' }],
  });
  return id;
}

describe('briefs.export: one brief', () => {
  it('writes a readable PDF with every section, quoted lines as stored, date, recruiter and page numbers', async () => {
    const id = seedScreened();
    const path = join(store.dir, 'out', 'jane.pdf');
    const result = await store.api['briefs.export']({ candidateIds: [id], isBlind: false, target: { kind: 'file', path } });
    expect(result.files).toEqual([path]);
    const pdf = await readPdf(path);
    expect(pdf.pages).toBeGreaterThanOrEqual(1);
    expect(pdf.pages).toBeLessThanOrEqual(2);
    const text = squash(pdf.text);
    for (const heading of ['Evidence summary', 'Padding findings', 'Tool matrix', 'Production signals', 'Screening scorecard', 'Open questions to verify']) {
      expect(text).toContain(heading);
    }
    expect(text).toContain('Jane Q. Doe');
    expect(text).toContain('Senior MLOps Engineer · Austin, TX · 7.7 years of experience');
    expect(text).toContain('ML platform engineer (82% confidence)');
    expect(text).toContain('Prepared 2026-11-27 by Riley Recruiter');
    expect(text).toContain(`Page 1 of ${pdf.pages}`);
    expect(text).toMatch(/Confidential/);
    expect(text).toContain('(KORE1, May 2026)');
    // Evidence quotes: the stored line, verbatim, and where it came from.
    const stored = janeResume.split('\n')[11]?.replace(/^- /, '') ?? '';
    expect(text).toContain(`“${stored}”`);
    expect(text).toContain('line 12, Experience at Acme Robotics Inc.');
    // Scorecard: the latest finished screening, not the newer one in progress.
    expect(text).toContain('Phone screen (finished 2026-11-21)');
    expect(text).toContain("Recruiter's recommendation: Advance");
    expect(text).toContain('4 of 4 (strong yes)');
    expect(text).toContain('Red flag: Blames another team for the outage');
    expect(text).toContain('PSI thresholds from her Globex days.');
    expect(text).not.toContain('IN-PROGRESS-NOTE');
    expect(text).not.toContain('OLD-SCREENING-NOTE');
    expect(pdf.info.Title).toBe('Candidate brief: Jane Q. Doe');
    expect(pdf.info.Author).toBe('Riley Recruiter');
  });

  it('shows the screening in progress, marked as such, when none is finished', async () => {
    const id = seedCandidate(store.ctx, jane);
    seedScreening(store.ctx, id, { label: 'First call', isFinished: false, startedAt: '2026-11-25T10:00:00Z', answers: [{ questionId: 'incident', rating: 3, notes: 'Good timeline.' }] });
    const path = join(store.dir, 'progress.pdf');
    await store.api['briefs.export']({ candidateIds: [id], isBlind: false, target: { kind: 'file', path } });
    const text = squash((await readPdf(path)).text);
    expect(text).toContain('First call (IN PROGRESS, started 2026-11-25; not finished)');
    expect(text).toContain('Good timeline.');
  });

  it('says so when there is no screening or no analysis, instead of leaving empty boxes', async () => {
    const id = seedCandidate(store.ctx, unanalysed);
    const path = join(store.dir, 'sam.pdf');
    await store.api['briefs.export']({ candidateIds: [id], isBlind: false, target: { kind: 'file', path } });
    const pdf = await readPdf(path);
    const text = squash(pdf.text);
    expect(text).toContain('No screening call has been recorded for this candidate yet.');
    expect(text).toContain('This resume has not been analysed yet');
    expect(pdf.pages).toBe(1);
  });

  it('lays out a 34-tool matrix and a very long name, repeating headings across pages', async () => {
    const id = seedCandidate(store.ctx, longCandidate);
    const path = join(store.dir, 'long.pdf');
    await store.api['briefs.export']({ candidateIds: [id], isBlind: false, target: { kind: 'file', path } });
    const pdf = await readPdf(path);
    const text = squash(pdf.text);
    expect(longCandidate.analysis?.tools).toHaveLength(34);
    for (const tool of longCandidate.analysis?.tools ?? []) expect(text).toContain(tool.name);
    expect(text).toContain('Konstantinopoulou-Vanderbergh-Santísima');
    expect(text).toContain('Tool matrix (continued)');
    expect(text).toContain('Shipped: evidence in work history (18)');
    expect(text).toContain('Page 2 of 2');
  });

  it('uses A4 by default from the settings and Letter when asked', async () => {
    const id = seedCandidate(store.ctx, jane);
    const a4 = join(store.dir, 'a4.pdf');
    const letter = join(store.dir, 'letter.pdf');
    await store.api['briefs.export']({ candidateIds: [id], isBlind: false, target: { kind: 'file', path: a4 } });
    await store.api['briefs.export']({ candidateIds: [id], isBlind: false, pageSize: 'letter', target: { kind: 'file', path: letter } });
    expect(new Set(mediaBoxes(a4))).toEqual(new Set(['0 0 595.28 841.89']));
    expect(new Set(mediaBoxes(letter))).toEqual(new Set(['0 0 612 792']));
    writeSetting(store.ctx.db, 'settings', { recruiterName: '', pageSize: 'letter' });
    const fromSettings = join(store.dir, 'settings.pdf');
    await store.api['briefs.export']({ candidateIds: [id], isBlind: false, target: { kind: 'file', path: fromSettings } });
    expect(new Set(mediaBoxes(fromSettings))).toEqual(new Set(['0 0 612 792']));
  });
});

describe('briefs.export: blind mode', () => {
  const secrets = ['Jane', 'Doe', 'jane.doe', 'example.com', '555', '512', 'janedoe', 'linkedin', 'github', 'Acme', 'Globex', 'Austin', 'Rice', 'Texas'];

  it('leaks no name, contact, city, employer or school in text, metadata or file name', async () => {
    const id = seedScreened();
    const dir = join(store.dir, 'blind');
    const result = await store.api['briefs.export']({ candidateIds: [id], isBlind: true, target: { kind: 'folder', dir } });
    expect(result.files).toEqual([join(dir, `candidate-${id}.pdf`)]);
    expect(readdirSync(dir)).toEqual([`candidate-${id}.pdf`]);
    const path = result.files[0] ?? '';
    const pdf = await readPdf(path);
    const text = pdf.text;
    for (const secret of secrets) expect(text.toLowerCase()).not.toContain(secret.toLowerCase());
    const metadata = JSON.stringify(pdf.info);
    for (const secret of secrets) expect(metadata.toLowerCase()).not.toContain(secret.toLowerCase());
    // Nothing identifying anywhere in the raw file either (fonts are subset; strings are hex-encoded glyph ids).
    const raw = readFileSync(path).toString('latin1');
    for (const secret of ['Jane', 'Acme', 'Globex', 'Austin']) expect(raw).not.toContain(secret);
    expect(squash(text)).toContain(`Candidate ${id}`);
    expect(squash(text)).toContain('Employer A');
    expect(squash(text)).toContain('Senior MLOps Engineer · TX');
    expect(squash(text)).toContain('Blamed the platform team at Employer A.');
    expect(pdf.info.Title).toBe(`Candidate brief: Candidate ${id}`);
    expect(pdf.info.Author).toBe('Shipped');
    expect(pdf.info.Creator).toBe('Shipped');
  });

  it('blind combined PDFs leak nothing and have neutral metadata', async () => {
    const ids = [seedCandidate(store.ctx, jane), seedCandidate(store.ctx, longCandidate)];
    const path = join(store.dir, 'blind-all.pdf');
    await store.api['briefs.export']({ candidateIds: ids, isBlind: true, target: { kind: 'combined', path } });
    const pdf = await readPdf(path);
    for (const secret of [...secrets, 'Maximiliana', 'Initech', 'Lisbon']) {
      expect(pdf.text.toLowerCase()).not.toContain(secret.toLowerCase());
      expect(JSON.stringify(pdf.info).toLowerCase()).not.toContain(secret.toLowerCase());
    }
    expect(pdf.info.Title).toBe('Blind candidate briefs (2 candidates)');
  });
});

describe('briefs.export: batches', () => {
  it('writes one file per candidate named after them, and reports progress', async () => {
    const ids = [seedCandidate(store.ctx, jane), seedCandidate(store.ctx, longCandidate), seedCandidate(store.ctx, unanalysed)];
    const dir = join(store.dir, 'new', 'folder');
    const result = await store.api['briefs.export']({ candidateIds: ids, isBlind: false, target: { kind: 'folder', dir } });
    expect(result.files.map((file) => file.slice(dir.length + 1))).toEqual([
      `jane-q-doe-${ids[0]}.pdf`,
      expect.stringMatching(new RegExp(`^maximiliana-alexandrina-.*-${ids[1]}\\.pdf$`)),
      `sam-okafor-${ids[2]}.pdf`,
    ]);
    expect(store.events[0]).toEqual({ done: 0, total: 3, currentCandidateId: null });
    expect(store.events.at(-1)).toEqual({ done: 3, total: 3, currentCandidateId: ids[2] });
    expect(store.events.map((event) => event.done)).toEqual([0, 1, 2, 3]);
  });

  it('puts every candidate in one combined PDF, each numbered on its own', async () => {
    const ids = [seedCandidate(store.ctx, jane), seedCandidate(store.ctx, longCandidate), seedCandidate(store.ctx, unanalysed)];
    const path = join(store.dir, 'all.pdf');
    const result = await store.api['briefs.export']({ candidateIds: ids, isBlind: false, target: { kind: 'combined', path } });
    expect(result.files).toEqual([path]);
    const pdf = await readPdf(path);
    const text = squash(pdf.text);
    for (const name of ['Jane Q. Doe', 'Maximiliana Alexandrina', 'Sam Okafor']) expect(text).toContain(name);
    expect(pdf.pages).toBe(5);
    expect(text.match(/Page 1 of/g)).toHaveLength(3);
    expect(pdf.info.Title).toBe('Candidate briefs (3 candidates)');
  });
});

describe('briefs.export: errors', () => {
  it('writes several candidates sent to one file target as one combined PDF', async () => {
    const ids = [seedCandidate(store.ctx, jane), seedCandidate(store.ctx, unanalysed)];
    const path = join(store.dir, 'two.pdf');
    expect(await store.api['briefs.export']({ candidateIds: ids, isBlind: false, target: { kind: 'file', path } })).toEqual({ files: [path] });
    expect((await readPdf(path)).pages).toBe(3);
  });

  it('says so when the fonts are missing', async () => {
    const { createBriefHandlers } = await import('../../main/briefs/handlers.ts');
    const handlers = createBriefHandlers({ ...store.ctx, fontsFolder: join(store.dir, 'no-fonts') });
    const id = seedCandidate(store.ctx, jane);
    await expect(
      handlers['briefs.export']({ candidateIds: [id], isBlind: false, target: { kind: 'file', path: join(store.dir, 'x.pdf') } }),
    ).rejects.toThrow('The fonts for PDF briefs are missing');
  });

  it('says so when the PDF writer dies or cannot start, instead of hanging', async () => {
    const { createBriefHandlers } = await import('../../main/briefs/handlers.ts');
    const id = seedCandidate(store.ctx, jane);
    const exportWith = (briefWorkerUrl: URL) =>
      createBriefHandlers({ ...store.ctx, briefWorkerUrl })['briefs.export']({
        candidateIds: [id],
        isBlind: false,
        target: { kind: 'file', path: join(store.dir, 'never.pdf') },
      });
    const stoppedUnexpectedly = { name: 'UserFacingError', message: 'The PDF generator stopped unexpectedly. Try again with fewer candidates.' };
    await expect(exportWith(new URL('./crashing-worker.ts', import.meta.url))).rejects.toMatchObject(stoppedUnexpectedly);
    await expect(exportWith(new URL('file:///nonexistent/brief-worker.ts'))).rejects.toMatchObject(stoppedUnexpectedly);
    expect(existsSync(join(store.dir, 'never.pdf'))).toBe(false);
  });

  it('refuses an unknown candidate before writing anything', async () => {
    const id = seedCandidate(store.ctx, jane);
    const dir = join(store.dir, 'unknown');
    await expect(store.api['briefs.export']({ candidateIds: [id, 999], isBlind: false, target: { kind: 'folder', dir } })).rejects.toThrow(
      'Candidate 999 does not exist',
    );
    expect(existsSync(dir)).toBe(false);
  });

  it('refuses to write over a folder', async () => {
    const id = seedCandidate(store.ctx, jane);
    const dir = join(store.dir, 'a-folder');
    mkdirSync(dir);
    await expect(store.api['briefs.export']({ candidateIds: [id], isBlind: false, target: { kind: 'file', path: dir } })).rejects.toMatchObject({
      name: 'UserFacingError',
      message: expect.stringContaining('is a folder'),
    });
  });

  it('explains unwritable paths', async () => {
    const id = seedCandidate(store.ctx, jane);
    const file = join(store.dir, 'plain-file');
    writeFileSync(file, 'x');
    await expect(
      store.api['briefs.export']({ candidateIds: [id], isBlind: false, target: { kind: 'file', path: join(file, 'brief.pdf') } }),
    ).rejects.toMatchObject({ name: 'UserFacingError', message: expect.stringContaining('part of that path is a file') });
    await expect(
      store.api['briefs.export']({ candidateIds: [id], isBlind: false, target: { kind: 'folder', dir: file } }),
    ).rejects.toMatchObject({ name: 'UserFacingError', message: expect.stringContaining('is a file, not a folder') });
    await expect(
      store.api['briefs.export']({ candidateIds: [id], isBlind: false, target: { kind: 'file', path: '/proc/shipped-briefs/brief.pdf' } }),
    ).rejects.toMatchObject({ name: 'UserFacingError', message: expect.stringContaining('Cannot create') });
  });

  it('writes through an unguessable temporary file beside the target, created exclusively and owner-only', async () => {
    const first = temporaryPathBeside('/briefs/jane.pdf');
    expect(dirname(first)).toBe('/briefs');
    expect(basename(first)).toMatch(/^\.jane\.pdf\.[0-9a-f]{24}\.partial$/);
    expect(temporaryPathBeside('/briefs/jane.pdf')).not.toBe(first);

    const folder = join(store.dir, 'atomic');
    mkdirSync(folder);
    const target = join(folder, 'brief.pdf');
    writeAtomically(target, Buffer.from('%PDF-1.7 test'));
    expect(readFileSync(target, 'utf8')).toBe('%PDF-1.7 test');
    expect(readdirSync(folder)).toEqual(['brief.pdf']); // no temporary left behind
    expect(statSync(target).mode & 0o777).toBe(0o600); // owner-only (POSIX modes; the suite runs on Linux)
  });
});
