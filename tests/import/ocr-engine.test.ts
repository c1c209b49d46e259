// How the OCR engine turns tesseract's output into words (main/import/readers/ocr.ts), and how
// the extraction pool routes the images it reads by OCR (main/import/pool.ts).
import { describe, expect, it } from 'vitest';
import { ocrImageFormat } from '../../main/import/detect.ts';
import { pickTask, type ExtractTask } from '../../main/import/pool.ts';
import { wordsFromTsv } from '../../main/import/readers/ocr.ts';
import type { WorkerView } from '../../main/workers/pool.ts';

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
  it('keeps the word rows in reading order, with whole-number confidences and their boxes, and skips blank words', () => {
    expect(wordsFromTsv(tsv)).toEqual([
      { text: 'Maya', confidence: 96, box: { left: 176, top: 192, width: 200, height: 80 } },
      { text: 'Lindqvist', confidence: 91, box: { left: 396, top: 192, width: 314, height: 80 } },
      { text: 'maya@example.com', confidence: 58, box: { left: 176, top: 300, width: 534, height: 40 } },
    ]);
  });

  it('finds no words in an empty page', () => {
    expect(wordsFromTsv('')).toEqual([]);
    expect(wordsFromTsv('1\t1\t0\t0\t0\t0\t0\t0\t100\t100\t-1\t\n')).toEqual([]);
  });
});

describe('routing images in the extraction pool', () => {
  const file = (name: string, isImage: boolean): ExtractTask => ({ step: 'read', bytes: new Uint8Array(), fileName: name, nowMs: 0, isImage });
  const reader = (held: number): WorkerView => ({ rank: 1, held, liveWorkers: 2 });

  it('gives an image only to a worker that holds nothing, so it never waits behind another file while a worker is free', () => {
    const queue = [file('scan.png', true), file('resume.pdf', false)];
    expect(pickTask(queue, reader(0))).toBe(0);
    // A busy reader takes the next file that is not an image; the image stays for the next free worker.
    expect(pickTask(queue, reader(1))).toBe(1);
    expect(pickTask([file('photo.jpg', true)], reader(1))).toBe(-1);
  });

  it('tells the images it reads by OCR from their first bytes', () => {
    const bytes = (...values: number[]) => new Uint8Array([...values, ...new Array(16).fill(0)]);
    expect(ocrImageFormat(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))).toBe('png');
    expect(ocrImageFormat(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('jpeg');
    expect(ocrImageFormat(new TextEncoder().encode('%PDF-1.7\n'))).toBeNull();
    expect(ocrImageFormat(new TextEncoder().encode('GIF89a......'))).toBeNull();
  });
});
