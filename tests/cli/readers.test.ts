// `shipped import` on a folder of every kind of file recruiters receive, then `shipped show` and
// `shipped review`: each file is read, by the reader it needs, and says which and how sure it is.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/main.ts';
import type { CliIo } from '../../main/cli/command.ts';
import { createHandlers } from '../../main/api/handlers.ts';
import { createServiceContext } from '../../main/services/create-context.ts';
import { closeOcrEngine } from '../../main/import/readers/scanned.ts';
import { makeTempDir } from '../import/fixtures.ts';
import { corpusFolder, requireCorpus, runsCorpusSuites } from '../import/corpus-folder.ts';
import { makeOdt, makeRtf, makeWordDoc } from '../fixtures/legacy-files.ts';
import { imagePdf, renderPage, scanLike, smallTextPdf, toJpeg, toPng } from '../fixtures/scanned.ts';

const dir = makeTempDir('shipped-readers-');
const db = join(dir.path, 'readers.db');
afterAll(async () => {
  await closeOcrEngine();
  dir.remove();
});

async function cli(...argv: string[]): Promise<{ code: number; out: string }> {
  const out: string[] = [];
  const io: CliIo = { out: (text) => out.push(text), err: () => {}, isInteractive: false };
  const code = await runCli(argv, io, { SHIPPED_DB: join(dir.path, 'never-used.db') });
  return { code, out: out.join('\n') };
}

const card = (name: string, email: string) => [name, 'Senior MLOps Engineer', email, 'Operate models in production on Kubernetes.'];
const mojibakeResume = join(corpusFolder, '036-alexey-belyakov-ru.pdf');

describe('a folder of scans, photos and legacy documents', () => {
  it('imports every file with the reader it needs; show and review say how each was read', async () => {
    const folder = join(dir.path, 'inbox');
    const scan = async (lines: string[], dpi: number, noise: number) =>
      scanLike(await renderPage(await smallTextPdf(lines), 0, dpi), { angleDegrees: 1.5, noise, seed: 9 });
    dir.file('inbox/scanned.pdf', await imagePdf([{ image: await scan(card('Avery Okafor', 'avery.okafor@example.com'), 200, 10), dpi: 200 }]));
    dir.file('inbox/photo.jpg', toJpeg(await scan(card('Jordan Lindqvist', 'jordan.lindqvist@example.com'), 200, 10)));
    // A photo at 65 dpi: letters about 11 pixels high, so OCR is unsure and this candidate goes to the review list.
    dir.file('inbox/grainy.png', toPng(await scan(card('Riley Tanaka', 'riley.tanaka@example.com'), 65, 8)));
    dir.file('inbox/old.doc', makeWordDoc(card('Morgan Brennan', 'morgan.brennan@example.com')));
    dir.file('inbox/letter.rtf', makeRtf(card('Casey Moreau', 'casey.moreau@example.com')));
    dir.file('inbox/cv.odt', await makeOdt(card('Quinn Castillo', 'quinn.castillo@example.com').join('\n\n')));

    const imported = await cli('import', folder, '--db', db, '--json');
    expect(imported.code).toBe(0);
    const summary = JSON.parse(imported.out) as { imported: number; failed: unknown[] };
    expect(summary).toMatchObject({ imported: 6, failed: [] });

    const list = JSON.parse((await cli('list', '--db', db, '--json')).out) as Array<{ id: number; email: string | null }>;
    const showOf = async (email: string) => (await cli('show', String(list.find((item) => item.email === email)?.id), '--db', db)).out;
    expect(await showOf('avery.okafor@example.com')).toMatch(/Resume read from a scanned image \(confidence \d+%\)\./);
    expect(await showOf('jordan.lindqvist@example.com')).toMatch(/Resume read from a scanned image \(confidence \d+%\)\./);
    expect(await showOf('morgan.brennan@example.com')).toContain('Resume read from an old Word .doc file.');
    expect(await showOf('casey.moreau@example.com')).toContain('Resume read from an RTF file.');
    expect(await showOf('quinn.castillo@example.com')).toContain('Resume read from an OpenDocument text file.');

    const review = await cli('review', '--db', db, '--json');
    const items = JSON.parse(review.out) as Array<{ fileName: string; resumeFileId: number; reading: { ocrConfidence: number } }>;
    expect(items.map((item) => item.fileName)).toEqual(['grainy.png']);
    expect(items[0]?.reading.ocrConfidence).toBeLessThan(80);
    expect((await cli('review', '--db', db)).out).toMatch(/^1 candidate read by OCR with a confidence under 80%/);

    // The review screen shows the page so the recruiter can read the contact details by eye.
    const ctx = createServiceContext({ databasePath: db });
    try {
      const api = createHandlers(ctx);
      const page = await api['candidates.pageImage']({ resumeFileId: items[0]?.resumeFileId ?? 0, page: 1 });
      expect(page).toMatchObject({ page: 1, pageCount: 1, dataUrl: expect.stringMatching(/^data:image\/png;base64,iVBORw0KGgo/) });
      const scannedId = list.find((item) => item.email === 'avery.okafor@example.com')?.id ?? 0;
      const scannedFile = (await api['candidates.get']({ id: scannedId })).files[0]?.id ?? 0;
      expect(await api['candidates.pageImage']({ resumeFileId: scannedFile, page: 1 })).toMatchObject({ pageCount: 1, dataUrl: expect.stringMatching(/^data:image\/png;base64,/) });
      await expect(api['candidates.pageImage']({ resumeFileId: scannedFile, page: 2 })).rejects.toThrow('The PDF has 1 page; there is no page 2.');
      const docId = list.find((item) => item.email === 'morgan.brennan@example.com')?.id ?? 0;
      const docFile = (await api['candidates.get']({ id: docId })).files[0]?.id ?? 0;
      await expect(api['candidates.pageImage']({ resumeFileId: docFile, page: 1 })).rejects.toThrow(/this file is DOC/);
    } finally {
      ctx.db.close();
    }
  });

});

// The corpus lives beside the repository (../shared), not in it; CI always has it.
describe.runIf(runsCorpusSuites)('a PDF of the corpus whose Cyrillic text layer is shown as Latin-1', () => {
  requireCorpus();
  it('reads a Cyrillic text layer shown as Latin-1 from the PDF text, and says it was decoded again', async () => {
    dir.file('cyrillic/cyrillic.pdf', readFileSync(mojibakeResume));
    const cyrillicDb = join(dir.path, 'cyrillic.db');
    expect((await cli('import', join(dir.path, 'cyrillic'), '--db', cyrillicDb, '--json')).code).toBe(0);
    const [item] = JSON.parse((await cli('list', '--db', cyrillicDb, '--json')).out) as Array<{ id: number; email: string | null }>;
    expect(item?.email).toBe('qqrm@vivaldi.net');
    const shown = (await cli('show', String(item?.id), '--db', cyrillicDb)).out;
    expect(shown).toContain('Resume read from the PDF text.');
    expect(shown).toMatch(/Note: the text layer was Cyrillic shown as Latin-1/);
  });
});
