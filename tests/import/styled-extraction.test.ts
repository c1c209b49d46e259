// What the import keeps of a resume's look: per-line styles from PDFs and Word documents,
// moved onto the normalised text's lines and stored beside the text.
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { Document, ExternalHyperlink, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { parseTextLayout } from '../../contract/layout.ts';
import { getResumeLayout } from '../../db/queries/resume-files.ts';
import { extractText } from '../../main/import/extract.ts';
import { alignLineStyles } from '../../main/import/normalise.ts';
import { PageTextBuilder, undoMisreadCyrillic, type PdfChar } from '../../main/import/pdf-layout.ts';
import { importPaths } from '../../main/import/service.ts';
import { makeResumeDocx, makeResumePdf, makeTempDir, resumeToText, syntheticResume } from './fixtures.ts';
import { makeContext, rows } from './helpers.ts';

const dir = makeTempDir('shipped-styled-');
afterAll(() => dir.remove());

function char(text: string, left: number, options: Partial<PdfChar> = {}): PdfChar {
  const em = options.em ?? 10;
  return { code: text.codePointAt(0) ?? 0, generated: false, em, originX: left, left, right: left + 0.5 * em, baseline: 700, ...options };
}

function run(builder: PageTextBuilder, text: string, x: number, options: Partial<PdfChar> = {}): void {
  const step = 0.5 * (options.em ?? 10);
  [...text].forEach((letter, index) => builder.add(char(letter, x + index * step, options)));
}

describe('PDF line styles', () => {
  it('gives each line its start, baseline, largest size and weight, and each cell its size', () => {
    const builder = new PageTextBuilder();
    run(builder, 'Jane Roe', 100, { em: 24, bold: true });
    run(builder, 'Berlin', 300, { em: 9 });
    run(builder, 'Built', 48, { em: 10, baseline: 660, italic: true });
    expect(builder.text()).toBe('Jane Roe\tBerlin\nBuilt');
    expect(builder.lineStyles()).toEqual([
      { x: 100, baseline: 700, size: 24, bold: true, italic: false, column: 0, cellSizes: [24, 9] },
      { x: 48, baseline: 660, size: 10, bold: false, italic: true, column: 0 },
    ]);
  });

  it('separates a large name from the small row set beside it, even at a word gap', () => {
    const builder = new PageTextBuilder();
    run(builder, 'Jane', 0, { em: 30 });
    run(builder, 'roe@example.com', 66, { em: 10 });
    expect(builder.text()).toBe('Jane\troe@example.com');
  });

  it('starts a new line when text goes back to the left on a slightly lower baseline', () => {
    const builder = new PageTextBuilder();
    run(builder, 'Jane Roe', 200, { em: 32 });
    run(builder, 'DATA SCIENTIST', 180, { em: 9, baseline: 690 });
    expect(builder.text()).toBe('Jane Roe\nDATA SCIENTIST');
  });

  it('reads a drawn icon as a gap but keeps link text squeezed into the icon (ActualText)', () => {
    const drawn = new PageTextBuilder();
    drawn.add(char('Ħ', 0, { icon: true }));
    run(drawn, '555-0100', 12);
    expect(drawn.text()).toBe('555-0100');
    const squeezed = new PageTextBuilder();
    [...'tel:555'].forEach((letter, index) => squeezed.add({ ...char(letter, index * 0.2, { icon: true }), right: index * 0.2 + 0.2 }));
    expect(squeezed.text()).toBe('tel:555');
  });

  it('turns Windows-1251 text read as Latin-1 back into Cyrillic, and leaves accented Latin text alone', () => {
    expect(undoMisreadCyrillic('Àëåêñåé Áåëÿêîâ')).toBe('Алексей Беляков');
    expect(undoMisreadCyrillic('Équipe de données à Genève')).toBe('Équipe de données à Genève');
  });
});

describe('layout alignment and storage', () => {
  it('moves raw line styles onto the normalised lines, skipping page markers and merged blank lines', () => {
    const raw = 'Name\n\n\n\n\n-- 1 of 2 --\nSkills\u200b\n';
    expect(alignLineStyles(raw, ['n', null, null, null, null, 'marker', 's', null], 'Name\n\n\nSkills')).toEqual(['n', null, null, 's']);
  });

  it('reads a stored layout back, and treats a damaged one as absent', () => {
    expect(parseTextLayout('{"lines":[null,{"page":1,"x":0,"y":0,"size":12,"bold":true,"italic":false,"column":0}]}')?.lines[1]?.bold).toBe(true);
    expect(parseTextLayout('{"lines":[{"page":0}]}')).toBeUndefined();
    expect(parseTextLayout('not json')).toBeUndefined();
    expect(parseTextLayout(null)).toBeUndefined();
  });

  it('extracts a PDF with a style for every line with text, the name the largest', async () => {
    const spec = syntheticResume(3);
    const outcome = await extractText(await makeResumePdf(spec), 'resume.pdf');
    if (!outcome.ok) throw new Error(outcome.failure.reason);
    const lines = outcome.text.split('\n');
    expect(outcome.layout?.lines).toHaveLength(lines.length);
    lines.forEach((line, index) => expect(outcome.layout?.lines[index] === null).toBe(line.trim() === ''));
    const nameIndex = lines.indexOf(spec.name);
    const sizes = outcome.layout?.lines.map((style) => style?.size ?? 0) ?? [];
    expect(sizes[nameIndex]).toBe(Math.max(...sizes));
    expect(outcome.layout?.lines[nameIndex]).toMatchObject({ page: 1, bold: true, column: 0 });
  });

  it('extracts a Word document with paragraph styles, and the address behind an "Email" link', async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun('Jane Roe')] }),
            new Paragraph({ children: [new ExternalHyperlink({ link: 'mailto:jane.roe@example.com', children: [new TextRun('Email')] })] }),
            new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun({ text: 'Experience', bold: true, size: 28 })] }),
          ],
        },
      ],
    });
    const outcome = await extractText(await Packer.toBuffer(doc), 'resume.docx');
    if (!outcome.ok) throw new Error(outcome.failure.reason);
    expect(outcome.text.split('\n').filter(Boolean)).toEqual(['Jane Roe', 'Email (jane.roe@example.com)', 'Experience']);
    const styles = outcome.layout?.lines.filter((style) => style !== null);
    expect(styles?.map((style) => style?.style)).toEqual(['Title', undefined, 'Heading 1']);
    expect(styles?.[2]).toMatchObject({ bold: true, size: 14 });
  });

  it('stores the layout of PDF and Word files beside their text, and none for plain text', async () => {
    const { ctx } = makeContext();
    writeFileSync(dir.file('a.pdf', ''), await makeResumePdf(syntheticResume(11)));
    writeFileSync(dir.file('b.docx', ''), await makeResumeDocx(syntheticResume(12)));
    dir.file('c.txt', resumeToText(syntheticResume(13)));
    const summary = await importPaths(ctx, [dir.path], { workerCount: 1 });
    expect(summary).toMatchObject({ imported: 3, failed: [] });
    const files = rows<{ id: number; file_name: string }>(ctx, 'SELECT id, file_name FROM resume_files ORDER BY file_name');
    const layouts = files.map((file) => getResumeLayout(ctx.db, file.id));
    expect(layouts[0]?.lines.some((style) => style !== null && style.size > 0)).toBe(true);
    expect(layouts[1]?.lines.some((style) => style?.style === 'Title')).toBe(true);
    expect(layouts[2]).toBeUndefined();
  });
});
