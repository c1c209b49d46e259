// Every reason a file can fail to import, worded for a recruiter (not a developer).
import type { ImportFailureCode } from '../../contract/types.ts';

export interface FailureInfo {
  code: ImportFailureCode;
  reason: string;
}

const megabytes = (bytes: number) => (bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0);

const duration = (ms: number) => (ms >= 1000 ? `${Math.round(ms / 1000)} seconds` : `${ms} ms`);

export const failures = {
  encryptedPdf: (): FailureInfo => ({
    code: 'encrypted',
    reason: 'The PDF is password-protected, so Shipped cannot read it. Ask the candidate for a copy without a password.',
  }),
  encryptedDocx: (): FailureInfo => ({
    code: 'encrypted',
    reason: 'The Word document is password-protected, so Shipped cannot read it. Ask the candidate for a copy without a password.',
  }),
  encryptedDoc: (): FailureInfo => ({
    code: 'encrypted',
    reason: 'The Word .doc file is password-protected, so Shipped cannot read it. Ask the candidate for a copy without a password.',
  }),
  encryptedDocument: (kind: string): FailureInfo => ({
    code: 'encrypted',
    reason: `The ${kind} is password-protected, so Shipped cannot read it. Ask the candidate for a copy without a password.`,
  }),
  onlyEmbeddedObjects: (kind: string): FailureInfo => ({
    code: 'no-text',
    reason: `The ${kind} holds only embedded objects or pictures and no text of its own. Open it, and save or print the embedded content as PDF, then import that.`,
  }),
  corrupt: (kind: string): FailureInfo => ({
    code: 'corrupt',
    reason: `The ${kind} is damaged or incomplete (perhaps cut off while downloading or copying). Ask the candidate to send it again.`,
  }),
  crashed: (): FailureInfo => ({
    code: 'corrupt',
    reason: 'Reading this file crashed the text reader, so it is probably damaged. Ask the candidate to send it again.',
  }),
  noText: (kind: string): FailureInfo => ({
    code: 'no-text',
    reason: `No text found in the ${kind}. Ask the candidate for a version with real text.`,
  }),
  noTextInImage: (): FailureInfo => ({
    code: 'no-text',
    reason: 'Shipped read this image by OCR and found no text in it: it is probably a photo or a drawing, not a resume.',
  }),
  noTextInScan: (): FailureInfo => ({
    code: 'no-text',
    reason: 'The PDF has no text layer and OCR found no text on its pages: it is probably pictures only. Ask the candidate for a version with text.',
  }),
  tooManyPixels: (width: number, height: number, limit: number): FailureInfo => ({
    code: 'too-large',
    reason: `The image is ${width.toLocaleString('en-US')} × ${height.toLocaleString('en-US')} pixels; Shipped reads images up to ${Math.round(limit / 1_000_000)} million pixels, so it did not open it. Ask for a smaller photo or a PDF.`,
  }),
  tooManyScannedPages: (pages: number, limit: number): FailureInfo => ({
    code: 'too-large',
    reason: `The PDF has ${pages} scanned pages; Shipped reads up to ${limit} scanned pages a file by OCR. Ask for the resume on its own, or a version with text.`,
  }),
  tooLarge: (sizeBytes: number, limitBytes: number): FailureInfo => ({
    code: 'too-large',
    reason: `The file is ${megabytes(sizeBytes)} MB; Shipped reads files up to ${megabytes(limitBytes)} MB. A resume this big is usually mostly pictures.`,
  }),
  emptyFile: (): FailureInfo => ({ code: 'empty-file', reason: 'The file is empty (0 bytes).' }),
  timeout: (limitMs: number, ocrPages = 0): FailureInfo => ({
    code: 'timeout',
    reason:
      ocrPages > 0
        ? `Reading this file by OCR (${ocrPages} scanned ${ocrPages === 1 ? 'page' : 'pages'}) took longer than ${duration(limitMs)}, the time allowed for that many pages, so Shipped gave up on it. The computer may be very busy; try importing it again.`
        : `Reading this file took longer than ${duration(limitMs)}, so Shipped gave up on it. It may be damaged or unusually complex.`,
  }),
  unreadable: (): FailureInfo => ({
    code: 'unreadable',
    reason: 'Shipped is not allowed to read this file (permissions). Check that your user account can open it.',
  }),
  vanished: (): FailureInfo => ({
    code: 'unreadable',
    reason: 'The file could not be read: it was moved or deleted while importing, or it is a link to a file that no longer exists.',
  }),
  unreadableFolder: (): FailureInfo => ({
    code: 'unreadable',
    reason: 'Shipped is not allowed to open this folder (permissions), so the files in it were not imported.',
  }),
  unsupported: (what: string): FailureInfo => ({ code: 'unsupported-type', reason: what }),
} as const;
