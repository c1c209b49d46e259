// Readers for the older word-processor formats recruiters still receive: Word 97–2003 `.doc`
// (word-extractor), RTF and OpenDocument text (officeparser). Both libraries are loaded on
// first use, inside the extraction worker, so a folder without such files never pays for them.
// The text is laid out like the other readers' output: one line per paragraph or heading, a
// table row as one line with its cells separated by tabs (the analysis reads those as cells).
import { failures, type FailureInfo } from '../failures.ts';

export type LegacyOutcome = { ok: true; text: string } | { ok: false; failure: FailureInfo };

// FIB (File Information Block) flags at offset 0x0A of the WordDocument stream ([MS-DOC] 2.5.2).
const FIB_FLAGS_OFFSET = 0x0a;
const FIB_F_ENCRYPTED = 0x0100;
const WORD_MAGIC = 0xa5ec;

/**
 * Finds the FIB of a Word 97–2003 file without trusting the container: the WordDocument stream
 * starts on a sector boundary with the magic 0xA5EC followed by the version (0x00C1 for Word 97
 * and later). Returns the FIB flags, or null when no FIB is found.
 */
function fibFlags(bytes: Uint8Array): number | null {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sectorSize = 1 << view.readUInt16LE(30);
  if (sectorSize < 128 || sectorSize > 4096) return null;
  for (let offset = sectorSize; offset + 0x20 <= view.length; offset += sectorSize) {
    if (view.readUInt16LE(offset) === WORD_MAGIC && view.readUInt16LE(offset + 2) >= 0x00c1) {
      return view.readUInt16LE(offset + FIB_FLAGS_OFFSET);
    }
  }
  return null;
}

export async function readDoc(bytes: Uint8Array): Promise<LegacyOutcome> {
  const flags = fibFlags(bytes);
  // word-extractor reads an encrypted file's scrambled bytes as if they were text.
  if (flags !== null && (flags & FIB_F_ENCRYPTED) !== 0) return { ok: false, failure: failures.encryptedDoc() };
  try {
    const { default: WordExtractor } = await import('word-extractor');
    const document = await new WordExtractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    const text = [document.getHeaders({ includeFooters: false }), document.getBody(), document.getTextboxes({ includeHeadersAndFooters: false })]
      .filter((part) => part.trim().length > 0)
      .join('\n\n');
    return text.trim().length === 0 ? { ok: false, failure: failures.noText('Word document') } : { ok: true, text };
  } catch {
    return { ok: false, failure: failures.corrupt('Word document') };
  }
}

interface OfficeNode {
  type: string;
  text?: string;
  children?: OfficeNode[];
}

function inlineText(node: OfficeNode): string {
  if (node.children && node.children.length > 0) return node.children.map(inlineText).join('');
  return node.text ?? '';
}

function nodeLines(node: OfficeNode): string[] {
  switch (node.type) {
    case 'row':
      return [(node.children ?? []).map((cell) => inlineText(cell).replace(/\s*\n\s*/g, ' ').trim()).join('\t')];
    case 'paragraph':
    case 'heading':
      return inlineText(node).split('\n');
    case 'text':
      return (node.text ?? '').split('\n');
    case 'image':
    case 'chart':
    case 'drawing':
    case 'embed':
      return [];
    default:
      return (node.children ?? []).flatMap(nodeLines);
  }
}

/** Embedded objects and pictures in RTF: `{\object …}`, `{\pict …}`, `{\*\shppict …}`. */
const rtfEmbedded = /\\(?:object|pict|shppict|objdata)\b/;

export async function readOfficeText(bytes: Uint8Array, format: 'rtf' | 'odt'): Promise<LegacyOutcome> {
  const kind = format === 'rtf' ? 'RTF document' : 'OpenDocument text';
  let lines: string[];
  try {
    const { OfficeParser } = await import('officeparser');
    // No OCR and no attachments: officeparser would fetch OCR language data from the network.
    const ast = await OfficeParser.parseOffice(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      fileType: format,
      ocr: false,
      extractAttachments: false,
      ignoreComments: true,
    });
    lines = (ast.content as OfficeNode[]).flatMap(nodeLines);
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    if (/password|encrypt/i.test(message)) return { ok: false, failure: failures.encryptedDocument(kind) };
    return { ok: false, failure: failures.corrupt(kind) };
  }
  const text = lines.map((line) => line.trimEnd()).join('\n');
  if (text.trim().length > 0) return { ok: true, text };
  if (format === 'rtf' && rtfEmbedded.test(Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1 << 20)).toString('latin1'))) {
    return { ok: false, failure: failures.onlyEmbeddedObjects('RTF document') };
  }
  return { ok: false, failure: failures.noText(kind) };
}
