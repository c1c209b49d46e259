// How a resume was read, in the product's words: one wording for the CLI, the candidate screen
// and the brief. Pure functions over contract types.
import { OCR_REVIEW_THRESHOLD, type ResumeReading } from './types.ts';

const readerWords: Record<ResumeReading['reader'], string> = {
  'pdf-text': 'read from the PDF text',
  docx: 'read from the Word document',
  doc: 'read from an old Word .doc file',
  rtf: 'read from an RTF file',
  odt: 'read from an OpenDocument text file',
  'plain-text': 'read from a plain text file',
  ocr: 'read from a scanned image',
  'pdf-text+ocr': 'read from the PDF text and, by OCR, its scanned pages',
};

/** "read from a scanned image (confidence 87%)", "read from an RTF file". */
export function describeReading(reading: ResumeReading): string {
  const words = readerWords[reading.reader];
  return reading.ocrConfidence === null ? words : `${words} (confidence ${reading.ocrConfidence}%)`;
}

/** OCR was unsure enough that a person should check the contact details against the page. */
export function needsReview(reading: ResumeReading | null): boolean {
  return reading !== null && reading.ocrConfidence !== null && reading.ocrConfidence < OCR_REVIEW_THRESHOLD;
}

/** The words of `excerpt` that OCR read with low confidence: a flag resting on them may be a misreading. */
export function uncertainWordsIn(excerpt: string, reading: ResumeReading | null): string[] {
  if (!reading || reading.lowConfidenceWords.length === 0) return [];
  const uncertain = new Set(reading.lowConfidenceWords);
  const words = excerpt.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}.+#-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu) ?? [];
  return [...new Set(words.filter((word) => uncertain.has(word)))];
}
