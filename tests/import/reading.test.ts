import { describe, expect, it } from 'vitest';
import { describeReading, needsReview, uncertainWordsIn } from '../../contract/reading.ts';
import type { ResumeReading } from '../../contract/types.ts';

const ocr = (confidence: number, lowConfidenceWords: string[] = []): ResumeReading => ({ reader: 'ocr', ocrConfidence: confidence, ocrPages: 1, note: null, lowConfidenceWords });

describe('how a resume was read, in words', () => {
  it('names the reader and, for OCR, its confidence', () => {
    expect(describeReading(ocr(87))).toBe('read from a scanned image (confidence 87%)');
    expect(describeReading({ ...ocr(91), reader: 'pdf-text+ocr' })).toBe('read from the PDF text and, by OCR, its scanned pages (confidence 91%)');
    expect(describeReading({ reader: 'doc', ocrConfidence: null, ocrPages: 0, note: null, lowConfidenceWords: [] })).toBe('read from an old Word .doc file');
  });

  it('sends only OCR reads under the threshold to review', () => {
    expect(needsReview(ocr(79))).toBe(true);
    expect(needsReview(ocr(80))).toBe(false);
    expect(needsReview({ reader: 'pdf-text', ocrConfidence: null, ocrPages: 0, note: null, lowConfidenceWords: [] })).toBe(false);
    expect(needsReview(null)).toBe(false);
  });

  it('finds the words of a flag excerpt that OCR was unsure of', () => {
    const reading = ocr(70, ['kubemetes', '99.9%', 'kserve']);
    expect(uncertainWordsIn('Ran 12 models on Kubemetes with KServe.', reading)).toEqual(['kubemetes', 'kserve']);
    expect(uncertainWordsIn('Ran 12 models on Kubernetes.', reading)).toEqual([]);
    expect(uncertainWordsIn('Ran 12 models on Kubemetes.', null)).toEqual([]);
  });
});
