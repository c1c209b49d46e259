// Text extraction for one file's bytes. Runs inside an extraction worker thread.
// The readers for Word files (mammoth, through docx.ts), the second PDF reader (pdf-parse), the legacy
// formats and OCR are loaded on first use: together they would multiply the time a worker needs to start.
import type { ResumeReader, ResumeReading } from '../../contract/types.ts';
import { detectType } from './detect.ts';
import { readDocx } from './docx.ts';
import { failures, type FailureInfo } from './failures.ts';
import type { TextLayout } from '../../contract/layout.ts';
import { alignLineStyles, normaliseText } from './normalise.ts';
import { pdfiumText } from './pdf-text.ts';
import { cyrillicRedecodedNote, readImage, readPdfPages, silentProgress, type ReadOutcome, type ReadProgress } from './readers/scanned.ts';
import { lazyModule } from './lazy-module.ts';

const legacyReaders = lazyModule(() => import('./readers/legacy.ts'));
const pdfParse = lazyModule(() => import('pdf-parse'));

export type ExtractOutcome =
  /** `layout`: how each line of `text` looked (PDF and Word); absent for plain text and for text read by OCR or a legacy reader. */
  | { ok: true; detectedType: string; text: string; reading: ResumeReading; layout?: TextLayout }
  | { ok: false; detectedType: string; failure: FailureInfo };

const plainReading = (reader: ResumeReader): ResumeReading => ({ reader, ocrConfidence: null, ocrPages: 0, note: null, lowConfidenceWords: [] });

function fromReader(detectedType: string, outcome: ReadOutcome, kind: string): ExtractOutcome {
  if (!outcome.ok) return { ok: false, detectedType, failure: outcome.failure };
  const text = normaliseText(outcome.text);
  return text.trim().length === 0
    ? { ok: false, detectedType, failure: failures.noText(kind) }
    : { ok: true, detectedType, text, reading: outcome.reading };
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : '';
}

async function pdfParseText(bytes: Uint8Array): Promise<string> {
  // A plain Uint8Array (not a Buffer) so pdf-parse does not copy it again.
  const { PDFParse } = await pdfParse();
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
// Pages without a text layer (scans) and pages whose text layer is garbled are read by OCR
// (readers/scanned.ts); the others keep their text.
async function extractPdf(bytes: Uint8Array, progress: ReadProgress): Promise<ExtractOutcome> {
  const fast = await pdfiumText(bytes);
  if (fast.kind === 'encrypted') return { ok: false, detectedType: 'pdf', failure: failures.encryptedPdf() };
  if (fast.kind === 'text' && fast.pages.length > 0) {
    const reread = await readPdfPages(bytes, fast.pages, progress);
    if (reread) return fromReader('pdf', reread, 'PDF');
    const text = normaliseText(fast.text);
    if (text.trim().length > 0) {
      // PDFium's reader decodes Cyrillic given as Latin-1 itself (pdf-layout.ts); the reading says so.
      const reading = fast.isCyrillicRedecoded ? { ...plainReading('pdf-text'), note: cyrillicRedecodedNote } : plainReading('pdf-text');
      return { ok: true, detectedType: 'pdf', text, reading, layout: { lines: alignLineStyles(fast.text, fast.lineStyles, text) } };
    }
  }
  try {
    const text = normaliseText(await pdfParseText(bytes));
    return text.trim().length === 0
      ? { ok: false, detectedType: 'pdf', failure: failures.noText('PDF') }
      : { ok: true, detectedType: 'pdf', text, reading: plainReading('pdf-text') };
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
      : { ok: true, detectedType: 'docx', text, reading: plainReading('docx'), layout: docx.layoutFor(text) };
  } catch {
    return { ok: false, detectedType: 'docx', failure: failures.corrupt('Word document') };
  }
}

async function extractLegacy(bytes: Uint8Array, format: 'doc' | 'rtf' | 'odt'): Promise<ExtractOutcome> {
  const { readDoc, readOfficeText } = await legacyReaders();
  const outcome = format === 'doc' ? await readDoc(bytes) : await readOfficeText(bytes, format);
  const kind = format === 'doc' ? 'Word document' : format === 'rtf' ? 'RTF document' : 'OpenDocument text';
  return fromReader(format, outcome.ok ? { ok: true, text: outcome.text, reading: plainReading(format) } : outcome, kind);
}

export async function extractText(bytes: Uint8Array, fileName: string, progress: ReadProgress = silentProgress): Promise<ExtractOutcome> {
  if (bytes.length === 0) return { ok: false, detectedType: 'empty', failure: failures.emptyFile() };
  const detected = detectType(bytes, fileName);
  switch (detected.kind) {
    case 'pdf':
      return extractPdf(bytes, progress);
    case 'docx':
      return extractDocx(bytes);
    case 'doc':
    case 'rtf':
    case 'odt':
      return extractLegacy(bytes, detected.kind);
    case 'image':
      return fromReader(detected.format, await readImage(bytes, detected.format, progress), 'image');
    case 'text': {
      const text = normaliseText(detected.text);
      return text.trim().length === 0
        ? { ok: false, detectedType: detected.label, failure: { code: 'empty-file', reason: 'The file contains only blank space, no text.' } }
        : { ok: true, detectedType: detected.label, text, reading: plainReading('plain-text') };
    }
    case 'unsupported':
      return { ok: false, detectedType: detected.label, failure: detected.failure };
    default: {
      const unexpected: never = detected;
      throw new Error(`unhandled detected type ${JSON.stringify(unexpected)}`);
    }
  }
}
