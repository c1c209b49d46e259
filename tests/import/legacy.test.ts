import { describe, expect, it } from 'vitest';
import { extractText } from '../../main/import/extract.ts';
import { makeOdt, makeRtf, makeRtfWithOnlyObjects, makeWordDoc } from '../fixtures/legacy-files.ts';

const resumeLines = ['Jane Example', 'Senior MLOps Engineer', 'jane@example.com | (512) 555-0100', 'Operate 12 models in production on Kubernetes with KServe.'];

describe('legacy word-processor formats', () => {
  it('reads a Word 97–2003 .doc, whatever its name says', async () => {
    const outcome = await extractText(makeWordDoc(resumeLines), 'resume.pdf');
    expect(outcome).toEqual({
      ok: true,
      detectedType: 'doc',
      text: resumeLines.join('\n'),
      reading: { reader: 'doc', ocrConfidence: null, ocrPages: 0, note: null, lowConfidenceWords: [] },
    });
  });

  it('refuses a password-protected .doc instead of reading its scrambled bytes as text', async () => {
    const outcome = await extractText(makeWordDoc(resumeLines, { encrypted: true }), 'resume.doc');
    expect(outcome).toMatchObject({ ok: false, detectedType: 'doc', failure: { code: 'encrypted', reason: expect.stringMatching(/Word \.doc file is password-protected/) } });
  });

  it('names a .doc whose Word stream is cut off as damaged', async () => {
    const doc = makeWordDoc(resumeLines);
    const outcome = await extractText(doc.subarray(0, 1536), 'resume.doc');
    expect(outcome).toMatchObject({ ok: false, failure: { code: 'corrupt', reason: expect.stringMatching(/Word document is damaged/) } });
  });

  it('reads RTF, accents included', async () => {
    const outcome = await extractText(Buffer.from(makeRtf([...resumeLines, 'Café Résumé Zürich'])), 'resume.rtf');
    expect(outcome).toMatchObject({ ok: true, detectedType: 'rtf', text: [...resumeLines, 'Café Résumé Zürich'].join('\n'), reading: { reader: 'rtf' } });
  });

  it('says an RTF that holds only embedded objects has no text of its own', async () => {
    const outcome = await extractText(Buffer.from(makeRtfWithOnlyObjects()), 'resume.rtf');
    expect(outcome).toMatchObject({ ok: false, detectedType: 'rtf', failure: { code: 'no-text', reason: expect.stringMatching(/only embedded objects or pictures/) } });
  });

  it('reads OpenDocument text with its headings as lines and table cells separated by tabs', async () => {
    const odt = await makeOdt('# Jane Example\n\njane@example.com\n\n## Experience\n\n| Role | Years |\n|---|---|\n| MLOps Engineer | 2021-2024 |\n');
    const outcome = await extractText(odt, 'resume.odt');
    expect(outcome).toMatchObject({
      ok: true,
      detectedType: 'odt',
      text: 'Jane Example\njane@example.com\nExperience\nRole\tYears\nMLOps Engineer\t2021-2024',
      reading: { reader: 'odt' },
    });
  });

  it('names a cut-off OpenDocument file as damaged', async () => {
    const odt = await makeOdt('# Jane Example\n\nSome text here.\n');
    const outcome = await extractText(odt.subarray(0, Math.floor(odt.length / 2)), 'resume.odt');
    expect(outcome).toMatchObject({ ok: false, detectedType: 'odt', failure: { code: 'corrupt', reason: expect.stringMatching(/OpenDocument text is damaged/) } });
  });
});
