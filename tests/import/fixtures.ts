// Test files made at test time: real PDFs (pdfkit), real DOCX (docx), text and broken files.
import PDFDocument from 'pdfkit';
import { Document, Packer, Paragraph, TextRun, HeadingLevel } from 'docx';
import { mkdtempSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';

export interface ResumeSection {
  heading: string;
  lines: string[];
}

export interface ResumeSpec {
  name: string;
  title: string;
  contact: string[];
  sections: ResumeSection[];
  /** Two-column layout: these sections go in a narrow left sidebar (PDF only). */
  sidebar?: ResumeSection[];
}

export function resumeToText(spec: ResumeSpec): string {
  const parts = [spec.name, spec.title, spec.contact.join(' | '), ''];
  for (const section of [...(spec.sidebar ?? []), ...spec.sections]) parts.push(section.heading.toUpperCase(), ...section.lines, '');
  return parts.join('\n');
}

/** The bytes of a PDFKit document; call before `doc.end()`. */
export function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

export interface PdfOptions {
  userPassword?: string;
}

/** A one-column PDF, or a two-column one (sidebar + main column) when the spec has a sidebar. */
export async function makeResumePdf(spec: ResumeSpec, options: PdfOptions = {}): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'LETTER',
    margin: 48,
    info: { Title: `${spec.name} resume`, Producer: 'Shipped test fixtures', CreationDate: new Date('2026-01-01T00:00:00Z') },
    ...(options.userPassword ? { userPassword: options.userPassword, ownerPassword: `${options.userPassword}-owner` } : {}),
  });
  const done = collect(doc);
  const writeSection = (section: ResumeSection, x: number, width: number) => {
    doc.moveDown(0.6).font('Helvetica-Bold').fontSize(11).text(section.heading.toUpperCase(), x, undefined, { width });
    doc.font('Helvetica').fontSize(9.5);
    for (const line of section.lines) doc.text(line, x, undefined, { width });
  };
  if (spec.sidebar) {
    const sidebarX = 40;
    const sidebarWidth = 150;
    const mainX = 215;
    const mainWidth = 355;
    doc.rect(0, 0, 200, doc.page.height).fill('#eef2f5').fillColor('#111111');
    doc.font('Helvetica-Bold').fontSize(16).text(spec.name, sidebarX, 48, { width: sidebarWidth });
    doc.font('Helvetica').fontSize(9);
    for (const line of spec.contact) doc.text(line, sidebarX, undefined, { width: sidebarWidth });
    for (const section of spec.sidebar) writeSection(section, sidebarX, sidebarWidth);
    doc.font('Helvetica-Bold').fontSize(13).text(spec.title, mainX, 48, { width: mainWidth });
    for (const section of spec.sections) writeSection(section, mainX, mainWidth);
  } else {
    doc.font('Helvetica-Bold').fontSize(18).text(spec.name);
    doc.font('Helvetica').fontSize(11).text(spec.title);
    doc.fontSize(9.5).text(spec.contact.join('  |  '));
    for (const section of spec.sections) writeSection(section, 48, 516);
  }
  doc.end();
  return done;
}

/** A PDF with only vector shapes and no text layer, like a scan without OCR. */
export async function makeShapesOnlyPdf(): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'LETTER', info: { CreationDate: new Date('2026-01-01T00:00:00Z') } });
  const done = collect(doc);
  doc.rect(60, 60, 300, 20).fill('#222222');
  for (let row = 0; row < 30; row += 1) doc.rect(60, 100 + row * 18, 200 + ((row * 37) % 250), 8).fill('#555555');
  doc.circle(480, 90, 40).stroke();
  doc.end();
  return done;
}

export async function makeResumeDocx(spec: ResumeSpec): Promise<Buffer> {
  const children: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(spec.name)] }),
    new Paragraph({ children: [new TextRun({ text: spec.title, bold: true })] }),
    new Paragraph(spec.contact.join(' | ')),
  ];
  for (const section of [...(spec.sidebar ?? []), ...spec.sections]) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(section.heading.toUpperCase())] }));
    for (const line of section.lines) children.push(new Paragraph(line));
  }
  const doc = new Document({
    creator: 'Shipped test fixtures',
    title: `${spec.name} resume`,
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}

const firstNames = ['Avery', 'Jordan', 'Riley', 'Morgan', 'Casey', 'Quinn', 'Rowan', 'Sasha', 'Devon', 'Emerson', 'Harper', 'Kendall'];
const lastNames = ['Okafor', 'Lindqvist', 'Tanaka', 'Moreau', 'Brennan', 'Castillo', 'Petrov', 'Haddad', 'Nguyen', 'Kowalski', 'Adeyemi'];
const employers = ['Lumen Payments', 'Cartwheel Retail', 'Northwind Health', 'Bluefin Logistics', 'Quarry Analytics', 'Helix Media'];

/** A plausible, varied MLOps resume for person number `index` (unique name and email). */
export function syntheticResume(index: number): ResumeSpec {
  const first = firstNames[index % firstNames.length] ?? 'Alex';
  const last = lastNames[Math.floor(index / firstNames.length) % lastNames.length] ?? 'Doe';
  const employer = employers[index % employers.length] ?? 'Acme';
  const models = 3 + (index % 11);
  return {
    name: `${first} ${last}`,
    title: index % 3 === 0 ? 'Senior MLOps Engineer' : index % 3 === 1 ? 'ML Platform Engineer' : 'Machine Learning Engineer',
    contact: [`${first.toLowerCase()}.${last.toLowerCase()}${index}@example.com`, `(512) 555-${String(1000 + index).slice(-4)}`, 'Austin, TX'],
    sections: [
      { heading: 'Summary', lines: [`Engineer number ${index} who keeps ${models} models healthy in production.`] },
      {
        heading: 'Experience',
        lines: [
          `Senior MLOps Engineer — ${employer}, Austin, TX`,
          'Jan 2021 – Present',
          `• Operate ${models} models in production on Kubernetes with KServe, holding 99.9% availability.`,
          '• Built drift monitoring with Evidently and Prometheus; alerts page the on-call engineer.',
          '• Wrote the one-command rollback used by the on-call rotation and authored 3 post-mortems.',
          `MLOps Engineer — Quarry Analytics, Dallas, TX`,
          '06/2017 – 12/2020',
          `• Migrated ${index % 7 + 2} forecasting models from cron scripts to Airflow and the MLflow model registry.`,
        ],
      },
      { heading: 'Skills', lines: ['Python, Kubernetes, KServe, MLflow, Airflow, Evidently, Prometheus, Terraform, Docker'] },
      { heading: 'Education', lines: ['B.S. Computer Science, University of Texas at Austin, 2017'] },
    ],
  };
}

export interface TempDir {
  path: string;
  file(relative: string, content: string | Uint8Array): string;
  remove(): void;
}

export function makeTempDir(prefix = 'shipped-import-'): TempDir {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return {
    path,
    file(relative, content) {
      const full = join(path, relative);
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, content);
      return full;
    },
    remove() {
      rmSync(path, { recursive: true, force: true });
    },
  };
}

/** The first bytes of a legacy Word 97–2003 file: an OLE2 compound document naming a WordDocument stream. */
export function makeLegacyDoc(): Buffer {
  const header = Buffer.alloc(1536);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x003e, 24); // minor version
  header.writeUInt16LE(0x0003, 26); // major version 3
  header.writeUInt16LE(0xfffe, 28); // byte order
  Buffer.from('WordDocument', 'utf16le').copy(header, 1024);
  return header;
}

export const rtfResume = '{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}}\\f0\\fs24 Jane Example\\par MLOps Engineer\\par}';

/** A 1×1 PNG. */
export const pngBytes = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** A zip archive holding one text file (not a Word document). */
export function makePlainZip(): Buffer {
  const name = Buffer.from('notes.txt');
  const data = Buffer.from('hello');
  const crc = crc32(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(name.length, 28);
  const localLength = local.length + name.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(localLength, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit += 1) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

export const isRoot = process.getuid?.() === 0;
