// Text extraction for one file's bytes. Runs inside an extraction worker thread.
import { PDFParse } from 'pdf-parse';
import mammoth from 'mammoth';
import { detectType } from './detect.ts';
import { failures, type FailureInfo } from './failures.ts';
import { normaliseText } from './normalise.ts';

export type ExtractOutcome =
  | { ok: true; detectedType: string; text: string }
  | { ok: false; detectedType: string; failure: FailureInfo };

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : '';
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  // A plain Uint8Array (not a Buffer) so pdf-parse does not copy it again.
  const parser = new PDFParse({ data: bytes });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

async function extractPdf(bytes: Uint8Array): Promise<ExtractOutcome> {
  try {
    const text = normaliseText(await pdfText(bytes));
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
    const text = normaliseText((await mammoth.extractRawText({ buffer })).value);
    return text.trim().length === 0
      ? { ok: false, detectedType: 'docx', failure: failures.noText('Word document') }
      : { ok: true, detectedType: 'docx', text };
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
