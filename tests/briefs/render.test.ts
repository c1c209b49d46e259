import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { PDFParse } from 'pdf-parse';
import { renderBriefsPdf, wrapText } from '../../main/briefs/render-pdf.ts';
import { fileURLToPath } from 'node:url';
import { sourceFontsFolder } from '../../main/services/source-layout.ts';

const sourceFontsDir = fileURLToPath(sourceFontsFolder);
import type { BriefModel } from '../../main/briefs/types.ts';

const fonts = {
  regular: readFileSync(join(sourceFontsDir, 'DejaVuSans.ttf')),
  bold: readFileSync(join(sourceFontsDir, 'DejaVuSans-Bold.ttf')),
};

function model(overrides: Partial<BriefModel> = {}): BriefModel {
  return {
    candidateId: 1,
    isBlind: false,
    displayName: 'Ana Lima',
    currentTitle: null,
    location: null,
    yearsExperience: null,
    readingNote: null,
    analysis: null,
    scorecard: null,
    scorecardAbsence: 'No screening call has been recorded for this candidate yet.',
    generatedOn: '2026-11-27',
    recruiterName: '',
    metadata: { title: 'Candidate brief: Ana Lima', author: 'Shipped', subject: 'MLOps candidate brief', keywords: 'candidate brief' },
    ...overrides,
  };
}

async function textOf(bytes: Buffer): Promise<{ text: string; total: number }> {
  const parser = new PDFParse({ data: bytes });
  try {
    return await parser.getText();
  } finally {
    await parser.destroy();
  }
}

describe('layout', () => {
  it('wraps long unbroken strings inside the width', () => {
    const doc = new PDFDocument({ autoFirstPage: false });
    doc.registerFont('Regular', fonts.regular);
    doc.font('Regular').fontSize(10);
    const url = `https://example.com/${'segment/'.repeat(40)}`;
    const lines = wrapText(doc, `See ${url} for details`, 200);
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(doc.widthOfString(line)).toBeLessThanOrEqual(200);
    expect(lines.join('').replace(/\s/g, '')).toBe(`See ${url} for details`.replace(/\s/g, ''));
  });

  it('keeps non-ASCII names selectable and extractable', async () => {
    const { bytes } = await renderBriefsPdf([model({ displayName: 'Zoë Ångström-Øvergård' })], {
      pageSize: 'a4',
      fonts,
      metadata: model().metadata,
    });
    const { text } = await textOf(bytes);
    expect(text).toContain('Zoë Ångström-Øvergård');
  });

  it('numbers each brief of a combined document on its own', async () => {
    const { bytes, pages } = await renderBriefsPdf([model(), model({ candidateId: 2, displayName: 'Ben Osei' })], {
      pageSize: 'letter',
      fonts,
      metadata: model().metadata,
    });
    expect(pages).toEqual([1, 1]);
    const { text, total } = await textOf(bytes);
    expect(total).toBe(2);
    expect(text.match(/Page 1 of 1/g)).toHaveLength(2);
  });
});
