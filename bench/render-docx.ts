// DOCX rendering with the docx package: flowing paragraphs with real Word
// bullets, or the two-column table layout many Word templates use.
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, BorderStyle } from 'docx';
import type { Rng } from './prng.ts';
import { headings, type Resume } from './resume-model.ts';

const fonts = ['Calibri', 'Arial', 'Times New Roman', 'Georgia', 'Garamond', 'Helvetica'];

function experienceParagraphs(resume: Resume, size: number): Paragraph[] {
  const h = headings(resume);
  const paragraphs: Paragraph[] = [new Paragraph({ text: h.experience, heading: HeadingLevel.HEADING_2 })];
  for (const role of resume.roles) {
    paragraphs.push(
      new Paragraph({
        children: [
          new TextRun({ text: `${role.title}, ${role.employer}`, bold: true, size }),
          new TextRun({ text: `\t${role.dates}`, italics: true, size }),
        ],
      }),
      new Paragraph({ children: [new TextRun({ text: role.location, italics: true, size })] }),
      ...role.bullets.map((bullet) => new Paragraph({ children: [new TextRun({ text: bullet, size })], bullet: { level: 0 } })),
    );
  }
  return paragraphs;
}

function sideParagraphs(resume: Resume, size: number): Paragraph[] {
  const h = headings(resume);
  const lines = (items: string[]) => items.map((item) => new Paragraph({ children: [new TextRun({ text: item, size })] }));
  const paragraphs = [
    new Paragraph({ text: h.skills, heading: HeadingLevel.HEADING_2 }),
    ...resume.skillGroups.map(
      (group) => new Paragraph({ children: [new TextRun({ text: `${group.label}: `, bold: true, size }), new TextRun({ text: group.items.join(', '), size })] }),
    ),
    new Paragraph({ text: h.education, heading: HeadingLevel.HEADING_2 }),
    ...lines(resume.education),
  ];
  if (resume.certifications.length > 0) paragraphs.push(new Paragraph({ text: h.certs, heading: HeadingLevel.HEADING_2 }), ...lines(resume.certifications));
  if (resume.projects.length > 0) paragraphs.push(new Paragraph({ text: h.projects, heading: HeadingLevel.HEADING_2 }), ...lines(resume.projects));
  if (resume.publications.length > 0) paragraphs.push(new Paragraph({ text: h.pubs, heading: HeadingLevel.HEADING_2 }), ...lines(resume.publications));
  return paragraphs;
}

export async function renderDocx(resume: Resume, rng: Rng, isTable: boolean): Promise<Buffer> {
  const font = rng.pick(fonts);
  const size = rng.pick([19, 20, 21, 22, 24]); // half-points
  const h = headings(resume);
  const header = [
    new Paragraph({ children: [new TextRun({ text: resume.name, bold: true, size: size + 16 })], alignment: rng.chance(0.5) ? AlignmentType.CENTER : AlignmentType.LEFT }),
    new Paragraph({ children: [new TextRun({ text: resume.headline, size: size + 2 })] }),
    new Paragraph({ children: [new TextRun({ text: `${resume.email} | ${resume.phone} | ${resume.location}`, size: size - 2 })] }),
    new Paragraph({ children: [new TextRun({ text: resume.links.join(' | '), size: size - 2 })] }),
    new Paragraph({ text: h.summary, heading: HeadingLevel.HEADING_2 }),
    new Paragraph({ children: [new TextRun({ text: resume.summary, size })] }),
  ];
  let body: Array<Paragraph | Table>;
  if (isTable) {
    const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
    body = [
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        borders: { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none },
        rows: [
          new TableRow({
            children: [
              new TableCell({ width: { size: 32, type: WidthType.PERCENTAGE }, children: sideParagraphs(resume, size - 2) }),
              new TableCell({ width: { size: 68, type: WidthType.PERCENTAGE }, children: experienceParagraphs(resume, size) }),
            ],
          }),
        ],
      }),
    ];
  } else {
    body = [...experienceParagraphs(resume, size), ...sideParagraphs(resume, size)];
  }
  const doc = new Document({
    creator: resume.name,
    title: `${resume.name} resume`,
    styles: { default: { document: { run: { font, size } } } },
    sections: [{ children: [...header, ...body] }],
  });
  return Packer.toBuffer(doc);
}
