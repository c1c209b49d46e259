// Every reason a file can fail to import, worded for a recruiter (not a developer).
import type { ImportFailureCode } from '../../contract/types.ts';

export interface FailureInfo {
  code: ImportFailureCode;
  reason: string;
}

const megabytes = (bytes: number) => (bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0);

export const failures = {
  encryptedPdf: (): FailureInfo => ({
    code: 'encrypted',
    reason: 'The PDF is password-protected, so Shipped cannot read it. Ask the candidate for a copy without a password.',
  }),
  encryptedDocx: (): FailureInfo => ({
    code: 'encrypted',
    reason: 'The Word document is password-protected, so Shipped cannot read it. Ask the candidate for a copy without a password.',
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
    reason: `No text found in the ${kind}: it is probably a scanned image. Shipped cannot read text from images; ask for a PDF or Word version with real text.`,
  }),
  tooLarge: (sizeBytes: number, limitBytes: number): FailureInfo => ({
    code: 'too-large',
    reason: `The file is ${megabytes(sizeBytes)} MB; Shipped reads files up to ${megabytes(limitBytes)} MB. A resume this big is usually mostly pictures.`,
  }),
  emptyFile: (): FailureInfo => ({ code: 'empty-file', reason: 'The file is empty (0 bytes).' }),
  timeout: (limitMs: number): FailureInfo => ({
    code: 'timeout',
    reason: `Reading this file took longer than ${limitMs >= 1000 ? `${Math.round(limitMs / 1000)} seconds` : `${limitMs} ms`}, so Shipped gave up on it. It may be damaged or unusually complex.`,
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
