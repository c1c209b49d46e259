import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { PageTextBuilder, type PdfChar } from '../../main/import/pdf-layout.ts';
import { createPdfiumReader, pdfiumText } from '../../main/import/pdf-text.ts';
import { extractText } from '../../main/import/extract.ts';
import { normaliseText } from '../../main/import/normalise.ts';
import { corpusFolder as corpus, requireCorpus, runsCorpusSuites } from './corpus-folder.ts';

interface Run {
  text: string;
  x: number;
  baseline?: number;
  em?: number;
  /** Advance per character, in em. */
  advance?: number;
}

/** Characters of runs drawn one after another, each glyph's box exactly its advance. */
function layout(...runs: Run[]): string {
  const builder = new PageTextBuilder();
  for (const run of runs) {
    const em = run.em ?? 10;
    const step = (run.advance ?? 0.5) * em;
    let x = run.x;
    for (const char of run.text) {
      const code = char.codePointAt(0) ?? 0;
      builder.add({ code, generated: false, em, originX: x, left: x, right: x + step, baseline: run.baseline ?? 700 });
      x += step;
    }
  }
  return builder.text();
}

describe('PageTextBuilder (PDF characters to lines)', () => {
  it('keeps the spaces the file has and adds one where a word gap is only positioning', () => {
    expect(layout({ text: 'Led the team', x: 0 })).toBe('Led the team');
    // LaTeX draws "of the" as two runs 0.3 em apart, no space character.
    expect(layout({ text: 'of', x: 0 }, { text: 'the', x: 13 })).toBe('of the');
    // Kerning moves a letter by a few hundredths of an em: the same word.
    expect(layout({ text: 'Wa', x: 0 }, { text: 'ter', x: 10.3 })).toBe('Water');
  });

  it('believes an inferred space only where there is a visible gap', () => {
    const builder = new PageTextBuilder();
    const char = (code: string, left: number, generated = false): PdfChar => ({
      code: code.charCodeAt(0), generated, em: 10, originX: left, left, right: left + 5, baseline: 700,
    });
    // "s" + inferred space + "a" touching: a kerning artefact inside "santosh".
    for (const c of [char('s', 0), char(' ', 5, true), char('a', 5), char('f', 10), char(' ', 15, true), char('t', 15.6)]) builder.add(c);
    expect(builder.text()).toBe('saf t');
  });

  it('starts a new line when the baseline moves by a line, not for a superscript or a small date beside a heading', () => {
    expect(layout({ text: 'First', x: 0, baseline: 700 }, { text: 'Second', x: 0, baseline: 688 })).toBe('First\nSecond');
    expect(layout({ text: 'Puppet', x: 0, baseline: 700 }, { text: '*', x: 30.5, baseline: 703.5, em: 7 })).toBe('Puppet*');
    expect(layout({ text: '2022', x: 0, baseline: 694, em: 8 }, { text: 'Architect', x: 30, baseline: 700, em: 11 })).toBe('2022\tArchitect');
    // A large name and the smaller line right under it are two lines.
    expect(layout({ text: 'John Doe', x: 100, baseline: 700, em: 24 }, { text: 'Berlin', x: 60, baseline: 684, em: 10 })).toBe('John Doe\nBerlin');
  });

  it('separates cells across a wide gap with a tab (columns, right-aligned dates)', () => {
    expect(layout({ text: 'Senior Engineer', x: 0 }, { text: 'Jan 2020', x: 400 })).toBe('Senior Engineer\tJan 2020');
    // A stretched gap in a justified line is still a space.
    expect(layout({ text: 'done.', x: 0 }, { text: 'Then', x: 32 })).toBe('done. Then');
    // A column drawn after the one to its right, on the same row: another cell, not one word.
    expect(layout({ text: 'Senior Engineer', x: 230 }, { text: 'Python', x: 40 })).toBe('Senior Engineer\tPython');
  });

  it('reads ligatures, soft hyphens and zero-width characters as the reader sees them', () => {
    const builder = new PageTextBuilder();
    const add = (code: number, originX: number, left: number, right: number) =>
      builder.add({ code, generated: false, em: 10, originX, left, right, baseline: 700 });
    // "workflows" with an "fl" ligature whose two halves PDFium boxes narrower than the glyph.
    for (const [i, c] of [...'work'].entries()) add(c.charCodeAt(0), i * 5, i * 5, i * 5 + 5);
    add(0x66, 20, 20, 21.7);
    add(0x6c, 20, 21.7, 23.4);
    add(0x6f, 25.2, 25.2, 30);
    add(0x200b, 30, 30, 30);
    add(0x77, 30, 30, 35);
    add(0xad, 35, 35, 38);
    expect(builder.text()).toBe('workflow-');
  });

  it('treats control characters some templates map their spaces to as a space', () => {
    expect(layout({ text: 'Leo\t\r  Leopard', x: 0 })).toBe('Leo Leopard');
  });
});

const corpusFile = (name: string) => new Uint8Array(readFileSync(`${corpus}${name}`));

describe.runIf(runsCorpusSuites)('PDF text of real resumes', () => {
  requireCorpus();
  const textOf = async (name: string) => {
    const outcome = await pdfiumText(corpusFile(name));
    if (outcome.kind !== 'text') throw new Error(`${name}: ${outcome.kind}`);
    return normaliseText(outcome.text);
  };

  it('keeps words, lines and cells as they are printed', async () => {
    const latex = await textOf('029-raphael-pinson-cloudnative.pdf');
    expect(latex).toContain('the attractivity of the platform');
    expect(latex).toMatch(/^2022\tCloud Native Tech Evangelist, Camptocamp/m);
    expect(await textOf('032-santosh-katageri-cloud.pdf')).toContain('Mail: santoshpkatageri@gmail.com');
    const word = await textOf('052-leo-leopard-word-template.pdf');
    expect(word.split('\n')).toContain('Leo Leopard');
    expect(await textOf('017-armin-ziaei-mlops.pdf')).toContain('deployment workflows.');
    // pdf.js returned this Chinese template's text as punctuation only.
    expect(await textOf('054-billryan-zh-template.pdf')).toContain('上海交通大学');
  });
});

describe('PDF extraction failures', () => {
  it('falls back to pdf-parse for what PDFium cannot open, which names the problem', async () => {
    const truncated = new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nendobj\n');
    expect(await pdfiumText(truncated.slice())).toMatchObject({ kind: 'unreadable' });
    expect(await extractText(truncated.slice(), 'cv.pdf')).toMatchObject({ ok: false, failure: { code: 'corrupt' } });
  });
});

describe('a PDFium that cannot start', () => {
  it('is reported as unavailable, not thrown, and tried again on the next file', async () => {
    let attempts = 0;
    const reader = createPdfiumReader(async () => {
      attempts += 1;
      throw new Error('ENOENT: pdfium.wasm');
    });
    const pdf = new TextEncoder().encode('%PDF-1.7\n');
    expect(await reader(pdf)).toEqual({ kind: 'unavailable', error: 'ENOENT: pdfium.wasm' });
    expect(await reader(pdf)).toMatchObject({ kind: 'unavailable' });
    expect(attempts).toBe(2);
  });
});
