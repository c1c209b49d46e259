// PDF rendering with embedded TrueType fonts (subset by pdfkit), the way Word,
// LaTeX and Google Docs produce resumes: one column with right-aligned dates,
// or a sidebar + main column layout whose text order extractors must untangle.
import PDFDocument from 'pdfkit';
import { existsSync, readFileSync } from 'node:fs';
import type { Rng } from './prng.ts';
import { headings, type Resume } from './resume-model.ts';

type PdfDoc = InstanceType<typeof PDFDocument>;

interface FontSet {
  label: string;
  regular: string;
  bold: string;
  italic: string;
  producer: string;
  creator: string;
}

const dejavu = '/usr/share/fonts/truetype/dejavu/';
const liberation = '/usr/share/fonts/truetype/liberation/';

const fontSets: FontSet[] = [
  { label: 'word-sans', regular: `${liberation}LiberationSans-Regular.ttf`, bold: `${liberation}LiberationSans-Bold.ttf`, italic: `${liberation}LiberationSans-Italic.ttf`, producer: 'Microsoft® Word for Microsoft 365', creator: 'Microsoft® Word for Microsoft 365' },
  { label: 'word-serif', regular: `${liberation}LiberationSerif-Regular.ttf`, bold: `${liberation}LiberationSerif-Bold.ttf`, italic: `${liberation}LiberationSerif-Italic.ttf`, producer: 'Microsoft® Word 2019', creator: 'Microsoft® Word 2019' },
  { label: 'latex', regular: `${dejavu}DejaVuSerif.ttf`, bold: `${dejavu}DejaVuSerif-Bold.ttf`, italic: `${dejavu}DejaVuSerif-Italic.ttf`, producer: 'pdfTeX-1.40.25', creator: 'LaTeX with hyperref' },
  { label: 'latex-condensed', regular: `${dejavu}DejaVuSerifCondensed.ttf`, bold: `${dejavu}DejaVuSerifCondensed-Bold.ttf`, italic: `${dejavu}DejaVuSerifCondensed-Italic.ttf`, producer: 'xdvipdfmx (20220710)', creator: 'LaTeX with moderncv' },
  { label: 'gdocs', regular: `${dejavu}DejaVuSans.ttf`, bold: `${dejavu}DejaVuSans-Bold.ttf`, italic: `${dejavu}DejaVuSans-Oblique.ttf`, producer: 'Skia/PDF m120 Google Docs Renderer', creator: 'Google Docs' },
  { label: 'gdocs-narrow', regular: `${liberation}LiberationSansNarrow-Regular.ttf`, bold: `${liberation}LiberationSansNarrow-Bold.ttf`, italic: `${liberation}LiberationSansNarrow-Italic.ttf`, producer: 'Skia/PDF m118 Google Docs Renderer', creator: 'Google Docs' },
  { label: 'canva-condensed', regular: `${dejavu}DejaVuSansCondensed.ttf`, bold: `${dejavu}DejaVuSansCondensed-Bold.ttf`, italic: `${dejavu}DejaVuSansCondensed-Oblique.ttf`, producer: 'Canva', creator: 'Canva' },
];

const fontCache = new Map<string, Buffer>();
function fontBytes(path: string): Buffer {
  let bytes = fontCache.get(path);
  if (!bytes) {
    bytes = readFileSync(path);
    fontCache.set(path, bytes);
  }
  return bytes;
}

export function availableFontSets(): FontSet[] {
  return fontSets.filter((set) => existsSync(set.regular) && existsSync(set.bold) && existsSync(set.italic));
}

function collect(doc: PdfDoc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

export interface PdfResult {
  bytes: Buffer;
  pages: number;
  fontSet: string;
}

export async function renderPdf(resume: Resume, rng: Rng, isTwoColumn: boolean): Promise<PdfResult> {
  const sets = availableFontSets();
  if (sets.length === 0) throw new Error('No TrueType fonts found under /usr/share/fonts/truetype (dejavu, liberation).');
  const set = rng.pick(sets);
  const size = rng.pick([9.5, 10, 10, 10.5, 11, 11.5]);
  const margin = rng.pick([36, 45, 54, 72]);
  const doc = new PDFDocument({
    size: rng.chance(0.6) ? 'LETTER' : 'A4',
    margin,
    bufferPages: true,
    info: {
      Title: `${resume.name} – Resume`,
      Author: resume.name,
      Producer: set.producer,
      Creator: set.creator,
      CreationDate: new Date(Date.UTC(2025, resume.index % 12, 1 + (resume.index % 28))),
    },
  });
  doc.registerFont('body', fontBytes(set.regular));
  doc.registerFont('bold', fontBytes(set.bold));
  doc.registerFont('italic', fontBytes(set.italic));
  const done = collect(doc);
  if (isTwoColumn) renderTwoColumn(doc, resume, rng, size, margin);
  else renderOneColumn(doc, resume, rng, size);
  const pages = doc.bufferedPageRange().count;
  doc.end();
  return { bytes: await done, pages, fontSet: set.label };
}

function renderOneColumn(doc: PdfDoc, resume: Resume, rng: Rng, size: number): void {
  const h = headings(resume);
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const left = doc.page.margins.left;
  const isCentered = rng.chance(0.5);
  const useVectorBullets = rng.chance(0.4);
  doc.font('bold').fontSize(size + 8).text(resume.name, { align: isCentered ? 'center' : 'left' });
  doc.font('body').fontSize(size + 1).text(resume.headline, { align: isCentered ? 'center' : 'left' });
  doc
    .fontSize(size - 0.5)
    .text(`${resume.email}  ·  ${resume.phone}  ·  ${resume.location}`, { align: isCentered ? 'center' : 'left' })
    .text(resume.links.join('  ·  '), { align: isCentered ? 'center' : 'left' });

  const heading = (text: string) => {
    doc.moveDown(0.6).font('bold').fontSize(size + 2).text(text, left);
    const y = doc.y + 1;
    doc.moveTo(left, y).lineTo(left + width, y).lineWidth(0.5).stroke();
    doc.moveDown(0.3).font('body').fontSize(size);
  };

  heading(h.summary);
  doc.text(resume.summary, { align: 'justify' });
  heading(h.experience);
  for (const role of resume.roles) {
    doc.moveDown(0.3);
    if (doc.y > doc.page.height - doc.page.margins.bottom - 3 * size) doc.addPage();
    const y = doc.y;
    doc.font('bold').fontSize(size).text(`${role.title}, ${role.employer}`, left, y, { width: width * 0.7 });
    const afterTitle = doc.y;
    doc.font('italic').text(role.dates, left + width * 0.7, y, { width: width * 0.3, align: 'right' });
    doc.y = Math.max(afterTitle, doc.y);
    doc.font('italic').text(role.location, left);
    doc.font('body');
    if (useVectorBullets) doc.list(role.bullets, left + 6, doc.y, { width: width - 6, bulletRadius: 1.5, textIndent: 10 });
    else for (const bullet of role.bullets) doc.text(`•  ${bullet}`, left + 6, doc.y, { width: width - 6, indent: 0 });
  }
  heading(h.skills);
  for (const group of resume.skillGroups) {
    doc.font('bold').text(`${group.label}: `, left, doc.y, { continued: true }).font('body').text(group.items.join(', '));
  }
  heading(h.education);
  for (const line of resume.education) doc.text(line, left);
  if (resume.certifications.length > 0) {
    heading(h.certs);
    for (const line of resume.certifications) doc.text(line, left);
  }
  if (resume.projects.length > 0) {
    heading(h.projects);
    for (const line of resume.projects) doc.text(`–  ${line}`, left);
  }
  if (resume.publications.length > 0) {
    heading(h.pubs);
    for (const line of resume.publications) doc.text(line, left);
  }
}

interface Column {
  x: number;
  width: number;
  y: number;
  page: number;
}

function renderTwoColumn(doc: PdfDoc, resume: Resume, rng: Rng, size: number, margin: number): void {
  const h = headings(resume);
  const pageWidth = doc.page.width;
  const bottom = doc.page.height - margin;
  const sidebarWidth = rng.int(140, 180);
  const gutter = 18;
  const isSidebarRight = rng.chance(0.3);
  const mainWidth = pageWidth - 2 * margin - sidebarWidth - gutter;
  const mainX = isSidebarRight ? margin : margin + sidebarWidth + gutter;
  const sideX = isSidebarRight ? margin + mainWidth + gutter : margin;

  doc.font('bold').fontSize(size + 10).text(resume.name, margin, margin, { width: pageWidth - 2 * margin });
  doc.font('body').fontSize(size + 1).text(resume.headline, margin, doc.y, { width: pageWidth - 2 * margin });
  const top = doc.y + 10;
  doc.moveTo(margin, top - 4).lineTo(pageWidth - margin, top - 4).lineWidth(0.8).stroke();

  const main: Column = { x: mainX, width: mainWidth, y: top, page: 0 };
  const side: Column = { x: sideX, width: sidebarWidth, y: top, page: 0 };

  const place = (column: Column, text: string, font: string, fontSize: number, options: { gapAfter?: number; align?: 'left' | 'right' | 'justify' } = {}) => {
    doc.font(font).fontSize(fontSize);
    const height = doc.heightOfString(text, { width: column.width });
    if (column.y + height > bottom) {
      column.page += 1;
      column.y = margin;
      if (column.page >= doc.bufferedPageRange().count) doc.addPage();
    }
    doc.switchToPage(column.page);
    doc.text(text, column.x, column.y, { width: column.width, align: options.align ?? 'left' });
    column.y += height + (options.gapAfter ?? 2);
  };

  // Main column first (it decides the page count), then the sidebar over the same pages.
  place(main, h.summary, 'bold', size + 2, { gapAfter: 3 });
  place(main, resume.summary, 'body', size, { gapAfter: 8, align: 'justify' });
  place(main, h.experience, 'bold', size + 2, { gapAfter: 4 });
  for (const role of resume.roles) {
    place(main, `${role.title}`, 'bold', size);
    place(main, `${role.employer} · ${role.location}`, 'body', size);
    place(main, role.dates, 'italic', size - 0.5, { gapAfter: 3 });
    for (const bullet of role.bullets) place(main, `• ${bullet}`, 'body', size - 0.5, { gapAfter: 1.5 });
    main.y += 6;
  }
  if (resume.projects.length > 0) {
    place(main, h.projects, 'bold', size + 2, { gapAfter: 4 });
    for (const line of resume.projects) place(main, `• ${line}`, 'body', size - 0.5);
  }
  if (resume.publications.length > 0) {
    place(main, h.pubs, 'bold', size + 2, { gapAfter: 4 });
    for (const line of resume.publications) place(main, line, 'body', size - 0.5);
  }

  place(side, 'Contact', 'bold', size + 1, { gapAfter: 3 });
  for (const line of [resume.email, resume.phone, resume.location, ...resume.links]) place(side, line, 'body', size - 1);
  side.y += 8;
  place(side, h.skills, 'bold', size + 1, { gapAfter: 3 });
  for (const group of resume.skillGroups) {
    place(side, group.label, 'italic', size - 1);
    place(side, group.items.join(', '), 'body', size - 1, { gapAfter: 5 });
  }
  side.y += 4;
  place(side, h.education, 'bold', size + 1, { gapAfter: 3 });
  for (const line of resume.education) place(side, line, 'body', size - 1, { gapAfter: 4 });
  if (resume.certifications.length > 0) {
    side.y += 4;
    place(side, h.certs, 'bold', size + 1, { gapAfter: 3 });
    for (const line of resume.certifications) place(side, line, 'body', size - 1, { gapAfter: 3 });
  }
}
