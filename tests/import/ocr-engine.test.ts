// How the OCR engine turns tesseract's output into words (main/import/readers/ocr.ts).
import { describe, expect, it } from 'vitest';
import { wordsFromTsv } from '../../main/import/readers/ocr.ts';

// Rows as tesseract 5 writes them: level, page, block, paragraph, line, word, left, top, width, height, confidence, text.
const tsv = [
  '1\t1\t0\t0\t0\t0\t0\t0\t2550\t3300\t-1\t',
  '2\t1\t1\t0\t0\t0\t176\t192\t534\t247\t-1\t',
  '3\t1\t1\t1\t0\t0\t176\t192\t534\t247\t-1\t',
  '4\t1\t1\t1\t1\t0\t176\t192\t534\t80\t-1\t',
  '5\t1\t1\t1\t1\t1\t176\t192\t200\t80\t96.485039\tMaya',
  '5\t1\t1\t1\t1\t2\t396\t192\t314\t80\t91.912201\tLindqvist',
  '5\t1\t1\t1\t1\t3\t720\t192\t20\t80\t12.5\t ',
  '4\t1\t1\t1\t2\t0\t176\t300\t534\t40\t-1\t',
  '5\t1\t1\t1\t2\t1\t176\t300\t534\t40\t58.999\tmaya@example.com',
  '',
].join('\n');

describe('words from tesseract TSV', () => {
  it('keeps the word rows in reading order, with whole-number confidences, and skips blank words', () => {
    expect(wordsFromTsv(tsv)).toEqual([
      { text: 'Maya', confidence: 96 },
      { text: 'Lindqvist', confidence: 91 },
      { text: 'maya@example.com', confidence: 58 },
    ]);
  });

  it('finds no words in an empty page', () => {
    expect(wordsFromTsv('')).toEqual([]);
    expect(wordsFromTsv('1\t1\t0\t0\t0\t0\t0\t0\t100\t100\t-1\t\n')).toEqual([]);
  });
});
