// Reading order of two-column PDF pages: a page that draws its sidebar and main column row by
// row is read one column after the other; tables, dates and bullets beside their lines are not columns.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { PageTextBuilder } from '../../main/import/pdf-layout.ts';
import { pdfiumText } from '../../main/import/pdf-text.ts';
import { extractText } from '../../main/import/extract.ts';
import { normaliseText } from '../../main/import/normalise.ts';
import { collect, makeResumePdf, syntheticResume } from './fixtures.ts';
import { corpusFolder, requireCorpus, runsCorpusSuites } from './corpus-folder.ts';

interface Run {
  text: string;
  x: number;
  baseline: number;
  em?: number;
}

/** A page whose characters are drawn run after run, each glyph half an em wide. */
function page(runs: Run[]): PageTextBuilder {
  const builder = new PageTextBuilder();
  for (const run of runs) {
    const em = run.em ?? 10;
    const step = 0.5 * em;
    [...run.text].forEach((letter, index) => {
      const left = run.x + index * step;
      builder.add({ code: letter.codePointAt(0) ?? 0, generated: false, em, originX: left, left, right: left + step, baseline: run.baseline });
    });
  }
  return builder;
}

const sidebar = [
  'SKILLS', 'Python, Go, SQL and Bash', 'Kubernetes, Helm, Terraform', 'MLflow, Airflow, Feast, Ray',
  'Prometheus and Grafana', 'EDUCATION', 'MSc Computer Science, 2016', 'Technical University Berlin',
];
const main = [
  'EXPERIENCE', 'Senior ML Engineer, Example Labs, 2021 to present', 'Runs the model serving platform for nine teams',
  'Cut p99 inference latency from 900 ms to 120 ms', 'Carried the pager for the ranking models',
  'ML Engineer, Sample Corp, 2018 to 2021', 'Shipped the first fraud model to production', 'Moved batch scoring to streaming features',
];

/**
 * A sidebar (leading 13 pt) and a main column (leading 12 pt) under a full-width header, drawn
 * row by row: sidebar line i, then main line i.
 */
function rowByRowRuns(): Run[] {
  const runs: Run[] = [
    { text: 'Jane Roe', x: 40, baseline: 760, em: 24 },
    { text: 'jane.roe@example.com  ·  +1 555 0100  ·  Berlin, Germany  ·  github.com/janeroe', x: 40, baseline: 735 },
  ];
  sidebar.forEach((text, row) => {
    runs.push({ text, x: 40, baseline: 700 - 13 * row }, { text: main[row] as string, x: 230, baseline: 702 - 12 * row });
  });
  return runs;
}

describe('two-column pages (PDF characters to lines)', () => {
  it('reads a sidebar and a main column drawn row by row one column after the other, under the header', () => {
    const builder = page(rowByRowRuns());
    expect(builder.text().split('\n')).toEqual([
      'Jane Roe',
      'jane.roe@example.com · +1 555 0100 · Berlin, Germany · github.com/janeroe',
      ...sidebar,
      ...main,
    ]);
    const styles = builder.lineStyles();
    expect(styles.map((style) => style.column)).toEqual([0, 0, ...sidebar.map(() => 0), ...main.map(() => 1)]);
    expect(styles[2]).toMatchObject({ x: 40, baseline: 700 });
    expect(styles[2 + sidebar.length]).toMatchObject({ x: 230, baseline: 702 });
  });

  it('reads the header above mixed columns first, even when the page draws it last', () => {
    const runs = rowByRowRuns();
    const header = page(runs).text().split('\n').slice(0, 2);
    expect(page([...runs.slice(2), ...runs.slice(0, 2)]).text().split('\n')).toEqual([...header, ...sidebar, ...main]);
  });

  it('reads each of two mixed regions column by column, and the header drawn last only once', () => {
    const columns = rowByRowRuns().slice(2);
    const lower = columns.map((run) => ({ ...run, text: `${run.text} (2)`, baseline: run.baseline - 150 }));
    const divider = { text: 'PROJECTS AND PUBLICATIONS, ALL OF THEM SET ACROSS THE FULL WIDTH', x: 40, baseline: 590 };
    const header = rowByRowRuns().slice(0, 2);
    const lines = page([...columns, divider, ...lower, ...header]).text().split('\n');
    const second = (texts: string[]) => texts.map((text) => `${text} (2)`);
    expect(lines).toEqual([...page(header).text().split('\n'), ...sidebar, ...main, divider.text, ...second(sidebar), ...second(main)]);
  });

  it('reads first the column drawn first, each top to bottom', () => {
    const runs = rowByRowRuns().slice(2);
    // Main line first on every row, and the rows of the page drawn bottom row first.
    const rows = sidebar.map((_, row) => [runs[2 * row + 1] as Run, runs[2 * row] as Run]).reverse();
    expect(page(rows.flat()).text().split('\n')).toEqual([...main, ...sidebar]);
  });

  it('keeps a page drawn column by column in draw order, and marks each line with its column', () => {
    const runs = rowByRowRuns();
    const drawnByColumn = [...runs.slice(0, 2), ...runs.slice(2).filter((_, index) => index % 2 === 0), ...runs.slice(2).filter((_, index) => index % 2 === 1)];
    const builder = page(drawnByColumn);
    expect(builder.text()).toBe(page(rowByRowRuns()).text());
    expect(builder.lineStyles().map((style) => style.column)).toEqual(page(rowByRowRuns()).lineStyles().map((style) => style.column));
  });

  it('keeps a name and an email set on one row above the columns as that row', () => {
    const runs = rowByRowRuns();
    runs.splice(0, 2, { text: 'Jane Roe', x: 40, baseline: 740, em: 18 }, { text: 'jane.roe@example.com', x: 230, baseline: 740 });
    expect(page(runs).text().split('\n')).toEqual(['Jane Roe\tjane.roe@example.com', ...sidebar, ...main]);
  });

  it('keeps a page drawn column by column as drawn when a page number beside the columns was drawn first', () => {
    const runs = rowByRowRuns().slice(2);
    const drawnByColumn = [
      { text: 'Page 1 of 2', x: 500, baseline: 715 },
      ...runs.filter((_, index) => index % 2 === 0),
      ...runs.filter((_, index) => index % 2 === 1),
    ];
    expect(page(drawnByColumn).text().split('\n')).toEqual(['Page 1 of 2', ...sidebar, ...main]);
  });

  it('leaves a one-column page with right-aligned dates as it was drawn: each date stays on its title line', () => {
    const runs: Run[] = [];
    let baseline = 740;
    for (let role = 0; role < 6; role++) {
      runs.push({ text: `Platform Engineer ${role}, Example Company`, x: 40, baseline }, { text: `Jan 201${role} – Dec 201${role + 1}`, x: 470, baseline });
      baseline -= 14;
      // Bullets that stop short of the dates, so no line crosses the gap above them.
      for (let bullet = 0; bullet < 3; bullet++, baseline -= 12) runs.push({ text: `• Ran the feature store for team ${bullet}`, x: 48, baseline });
      baseline -= 10;
    }
    const builder = page(runs);
    const lines = builder.text().split('\n');
    expect(lines[0]).toBe('Platform Engineer 0, Example Company\tJan 2010 – Dec 2011');
    expect(lines[4]).toBe('Platform Engineer 1, Example Company\tJan 2011 – Dec 2012');
    expect(lines).toHaveLength(24);
    expect(builder.lineStyles().every((style) => style.column === 0)).toBe(true);
  });

  it('leaves a table of labels and items drawn row by row as rows', () => {
    const labels = ['Machine Learning', 'Cloud Computing', 'Machine Learning Operations', 'Data Engineering', 'Languages', 'Observability'];
    const runs = labels.flatMap((label, row): Run[] => [
      { text: label, x: 40, baseline: 700 - 24 * row },
      { text: 'PyTorch, pandas, MySQL, Kubernetes and Terraform', x: 230, baseline: 700 - 24 * row },
    ]);
    expect(page(runs).text().split('\n')).toEqual(labels.map((label) => `${label}\tPyTorch, pandas, MySQL, Kubernetes and Terraform`));
  });

  it('leaves bullets drawn apart from their lines where they were drawn: a bullet is not a column', () => {
    const runs: Run[] = [];
    // The bullet's font sets it a little higher than the text beside it.
    for (let row = 0; row < 8; row++) runs.push({ text: '•', x: 40, baseline: 702 - 12 * row }, { text: `Shipped model ${row} to production behind a canary`, x: 60, baseline: 700 - 12 * row });
    expect(page(runs).text().split('\n')).toEqual(Array.from({ length: 8 }, (_, row) => `•\tShipped model ${row} to production behind a canary`));
  });
});

/** A real PDF whose content stream draws the sidebar and the main column row by row, as some exporters do. */
async function rowByRowPdf(): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'LETTER', margin: 40, info: { CreationDate: new Date('2026-01-01T00:00:00Z') } });
  const done = collect(doc);
  doc.font('Helvetica-Bold').fontSize(22).text('Jane Roe', 40, 40, { lineBreak: false });
  doc.font('Helvetica').fontSize(9.5).text('jane.roe@example.com  ·  +1 555 0100  ·  Berlin, Germany  ·  github.com/janeroe', 40, 72, { lineBreak: false });
  sidebar.forEach((text, row) => {
    doc.font('Helvetica').fontSize(9).text(text, 40, 110 + 13 * row, { lineBreak: false });
    doc.font('Helvetica').fontSize(10).text(main[row] as string, 230, 108 + 15 * row, { lineBreak: false });
  });
  doc.end();
  return done;
}

describe('two-column PDFs', () => {
  it('reads a PDF drawn row by row one column after the other, each line styled with its column', async () => {
    const outcome = await pdfiumText(new Uint8Array(await rowByRowPdf()));
    if (outcome.kind !== 'text') throw new Error(outcome.kind);
    const lines = outcome.text.split('\n');
    expect(lines).toEqual(['Jane Roe', 'jane.roe@example.com · +1 555 0100 · Berlin, Germany · github.com/janeroe', ...sidebar, ...main]);
    expect(outcome.lineStyles).toHaveLength(lines.length);
    expect(outcome.lineStyles.map((style) => style?.column)).toEqual([0, 0, ...sidebar.map(() => 0), ...main.map(() => 1)]);
  });

  it('stores one style per line of the stored text, so line numbers still point at the right line', async () => {
    const extracted = await extractText(await rowByRowPdf(), 'two-column.pdf');
    if (!extracted.ok) throw new Error(extracted.failure.reason);
    const lines = extracted.text.split('\n');
    expect(extracted.layout?.lines).toHaveLength(lines.length);
    const first = lines.indexOf(main[0] as string);
    expect(lines.slice(first, first + main.length)).toEqual(main);
    expect(extracted.layout?.lines[first]).toMatchObject({ page: 1, x: 230, column: 1 });
    expect(extracted.layout?.lines[lines.indexOf(sidebar[1] as string)]).toMatchObject({ x: 40, column: 0 });
  });

  it('keeps a sidebar PDF drawn column by column in its order, the main column marked as the right one', async () => {
    const spec = { ...syntheticResume(5), sidebar: [{ heading: 'Skills', lines: ['Python, Go, SQL and Bash', 'Kubernetes, Helm, Terraform', 'MLflow, Airflow and Ray'] }] };
    const outcome = await pdfiumText(new Uint8Array(await makeResumePdf(spec)));
    if (outcome.kind !== 'text') throw new Error(outcome.kind);
    const lines = outcome.text.split('\n');
    const skills = lines.indexOf('SKILLS');
    const title = lines.indexOf(spec.title);
    expect(skills).toBeGreaterThan(lines.indexOf(spec.name));
    expect(title).toBeGreaterThan(skills);
    expect(outcome.lineStyles[skills]?.column).toBe(0);
    expect(outcome.lineStyles[title]?.column).toBe(1);
  });
});

describe.runIf(runsCorpusSuites)('two-column pages of real resumes', () => {
  requireCorpus();
  const textOf = async (name: string) => {
    const outcome = await pdfiumText(new Uint8Array(readFileSync(`${corpusFolder}${name}`)));
    if (outcome.kind !== 'text') throw new Error(`${name}: ${outcome.kind}`);
    return normaliseText(outcome.text);
  };

  it('reads a design-tool page drawn box by box column by column', async () => {
    // The page draws its projects, education, contact and languages boxes mixed together.
    expect(await textOf('045-saradind-ds-canva.pdf')).toContain('Hyderabad (2023-2024)\nImplemented a machine learning model to classify Iris');
  });

  it('keeps the contact block set beside the name at the top', async () => {
    const lines = (await textOf('032-santosh-katageri-cloud.pdf')).split('\n');
    expect(lines.indexOf('Mail: santoshpkatageri@gmail.com')).toBeLessThan(lines.indexOf('PROFESSIONAL PROFILE'));
  });
});
