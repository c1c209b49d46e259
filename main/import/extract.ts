// Text extraction for one file's bytes. Runs inside an extraction worker thread.
// The readers for Word files (mammoth, through docx.ts) and the second PDF reader (pdf-parse) are loaded on
// first use: together they would double the time a worker needs to start.
import { detectType } from './detect.ts';
import { readDocx } from './docx.ts';
import { failures, type FailureInfo } from './failures.ts';
import type { TextLayout } from '../../contract/layout.ts';
import { alignLineStyles, normaliseText } from './normalise.ts';
import { pdfiumText } from './pdf-text.ts';

export type ExtractOutcome =
  /** `layout`: how each line of `text` looked (PDF and Word); absent for plain text. */
  | { ok: true; detectedType: string; text: string; layout?: TextLayout }
  | { ok: false; detectedType: string; failure: FailureInfo };

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : '';
}

async function pdfParseText(bytes: Uint8Array): Promise<string> {
  // A plain Uint8Array (not a Buffer) so pdf-parse does not copy it again.
  const { PDFParse } = await import('pdf-parse');
  const parser = new PDFParse({ data: bytes });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

// PDFium reads nearly every PDF, fast. pdf-parse (pdf.js) gets a second go at the files
// PDFium cannot open or finds no text in, as it repairs some broken files differently, and
// it names the failure (encrypted, corrupt) for the recruiter; it also stands in if PDFium
// cannot start.
async function extractPdf(bytes: Uint8Array): Promise<ExtractOutcome> {
  const fast = await pdfiumText(bytes);
  if (fast.kind === 'encrypted') return { ok: false, detectedType: 'pdf', failure: failures.encryptedPdf() };
  if (fast.kind === 'text') {
    const text = normaliseText(fast.text);
    if (text.trim().length > 0) return { ok: true, detectedType: 'pdf', text, layout: { lines: alignLineStyles(fast.text, fast.lineStyles, text) } };
  }
  try {
    const text = normaliseText(await pdfParseText(bytes));
    return text.trim().length === 0
      ? { ok: false, detectedType: 'pdf', failure: failures.noText('PDF') }
      : { ok: true, detectedType: 'pdf', text };
  } catch (error) {
    // pdf-parse wraps pdf.js errors: PasswordException (encrypted), InvalidPDFException and
    // FormatError (broken structure, truncated files), UnknownErrorException (anything else).
    if (errorName(error) === 'PasswordException') return { ok: false, detectedType: 'pdf', failure: failures.encryptedPdf() };
    return { ok: false, detectedType: 'pdf', failure: failures.corrupt('PDF') };
  }
}

async function extractDocx(bytes: Uint8Array): Promise<ExtractOutcome> {
  try {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const docx = await readDocx(buffer);
    const text = normaliseText(docx.raw);
    return text.trim().length === 0
      ? { ok: false, detectedType: 'docx', failure: failures.noText('Word document') }
      : { ok: true, detectedType: 'docx', text, layout: docx.layoutFor(text) };
  } catch {
    return { ok: false, detectedType: 'docx', failure: failures.corrupt('Word document') };
  }
}

export async function extractText(bytes: Uint8Array, fileName: string): Promise<ExtractOutcome> {
  if (bytes.length === 0) return { ok: false, detectedType: 'empty', failure: failures.emptyFile() };
  const detected = detectType(bytes, fileName);
  switch (detected.kind) {
    case 'pdf':
      return extractPdf(bytes);
    case 'docx':
      return extractDocx(bytes);
    case 'text': {
      const text = normaliseText(detected.text);
      return text.trim().length === 0
        ? { ok: false, detectedType: detected.label, failure: { code: 'empty-file', reason: 'The file contains only blank space, no text.' } }
        : { ok: true, detectedType: detected.label, text };
    }
    case 'unsupported':
      return { ok: false, detectedType: detected.label, failure: detected.failure };
    default: {
      const unexpected: never = detected;
      throw new Error(`unhandled detected type ${JSON.stringify(unexpected)}`);
    }
  }
}
