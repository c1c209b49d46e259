// Word documents through mammoth, keeping how each paragraph looked: its style (Title,
// Heading n), whether it is bold and its largest font size, and whether it sat in a table or a
// text box. mammoth's raw text already includes tables and text boxes; the styles come from the
// document model it builds, matched back to the text's lines by their words.
import type { LineStyle, TextLayout } from '../../contract/layout.ts';
import { lazyModule } from './lazy-module.ts';

/** The parts of mammoth's document model read here (mammoth/lib/documents.js). */
interface DocxElement {
  type: string;
  children?: DocxElement[];
  value?: string;
  styleName?: string | null;
  isBold?: boolean;
  isItalic?: boolean;
  fontSize?: number | null;
  href?: string;
}

interface ParagraphLook {
  text: string;
  style: LineStyle;
}

function textOf(element: DocxElement, inParagraph: boolean): string {
  if (element.type === 'text') return element.value ?? '';
  if (element.type === 'tab') return '\t';
  // A paragraph inside a paragraph is a text box's: it is a line of its own.
  if (element.type === 'paragraph' && inParagraph) return '';
  return (element.children ?? []).map((child) => textOf(child, true)).join('');
}

function runsOf(element: DocxElement): DocxElement[] {
  if (element.type === 'run') return [element];
  if (element.type === 'paragraph') return [];
  return (element.children ?? []).flatMap(runsOf);
}

// "Email" linked to "mailto:jane@example.com": the address is the contact detail, so it joins the text.
function showLinkTargets(element: DocxElement): void {
  for (const child of element.children ?? []) showLinkTargets(child);
  if (element.type !== 'hyperlink' || !element.href) return;
  const target = /^(?:mailto|tel):(.+)$/i.exec(element.href)?.[1];
  if (!target) return;
  const address = decodeURIComponent(target.split('?')[0] ?? '');
  if (textOf(element, true).includes(address)) return;
  element.children = [...(element.children ?? []), { type: 'run', children: [{ type: 'text', value: ` (${address})` }] }];
}

function collectParagraphs(element: DocxElement, boxed: boolean, found: ParagraphLook[]): void {
  if (element.type === 'paragraph') {
    const runs = (element.children ?? []).flatMap(runsOf);
    const letters = (run: DocxElement) => textOf(run, true).replace(/\s/g, '').length;
    const total = runs.reduce((sum, run) => sum + letters(run), 0);
    const share = (test: (run: DocxElement) => boolean) => runs.filter(test).reduce((sum, run) => sum + letters(run), 0) / Math.max(total, 1);
    const style: LineStyle = {
      page: 1,
      x: 0,
      y: 0,
      size: Math.max(0, ...runs.map((run) => run.fontSize ?? 0)),
      bold: total > 0 && share((run) => run.isBold === true) > 0.5,
      italic: total > 0 && share((run) => run.isItalic === true) > 0.5,
      column: 0,
      ...(element.styleName ? { style: element.styleName } : {}),
      ...(boxed ? { box: true } : {}),
    };
    found.push({ text: textOf(element, false), style });
  }
  // Paragraphs in a table cell or in a text box (a paragraph within a paragraph) are boxed.
  const childrenBoxed = boxed || element.type === 'table' || element.type === 'paragraph';
  for (const child of element.children ?? []) collectParagraphs(child, childrenBoxed, found);
}

const key = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** One style per line of `normalised`, matched by the words of each line. */
function layoutFor(paragraphs: ParagraphLook[], normalised: string): TextLayout {
  const byText = new Map<string, LineStyle[]>();
  for (const { text, style } of paragraphs) {
    const found = byText.get(key(text));
    if (found) found.push(style);
    else byText.set(key(text), [style]);
  }
  const lines = normalised.split('\n').map((line) => (key(line) === '' ? null : (byText.get(key(line))?.shift() ?? null)));
  return { lines };
}

export interface DocxText {
  /** mammoth's raw text, with link targets that are contact details added. */
  raw: string;
  /** The look of each paragraph's lines, to align with the normalised text. */
  layoutFor(normalised: string): TextLayout;
}

// mammoth.extractRawText takes no document transform, so its two steps are called directly
// (mammoth is pinned to an exact version): read the document model, then write its raw text
// as extractRawText does, each paragraph followed by a blank line.
interface MammothResult {
  value: DocxElement;
}
type OpenZip = (options: { buffer: Buffer }) => Promise<unknown>;
type ReadDocx = (docxFile: unknown) => Promise<MammothResult>;

function rawText(element: DocxElement): string {
  if (element.type === 'text') return element.value ?? '';
  if (element.type === 'tab') return '\t';
  return (element.children ?? []).map(rawText).join('') + (element.type === 'paragraph' ? '\n\n' : '');
}

const mammothReader = lazyModule(async () => {
  // @ts-expect-error mammoth's internal modules have no type declarations.
  const { openZip } = (await import('mammoth/lib/unzip.js')) as { openZip: OpenZip };
  // @ts-expect-error as above.
  const { read } = (await import('mammoth/lib/docx/docx-reader.js')) as { read: ReadDocx };
  return { openZip, read };
});

export async function readDocx(buffer: Buffer): Promise<DocxText> {
  const { openZip, read } = await mammothReader();
  const document = (await read(await openZip({ buffer }))).value;
  showLinkTargets(document);
  const paragraphs: ParagraphLook[] = [];
  collectParagraphs(document, false, paragraphs);
  return { raw: rawText(document), layoutFor: (normalised) => layoutFor(paragraphs, normalised) };
}
