// Offline OCR with tesseract.js and the English model shipped in @tesseract.js-data/eng
// (4.0.0_best_int, the LSTM model tesseract.js recommends). One tesseract thread per extraction
// worker, started on the first scanned page and kept for the worker's life; its entry script
// (ocr-thread.ts) has no network. Language data is read from the package, never downloaded, and
// nothing is cached to disk.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GreyImage } from '../pdf-text.ts';

/** What the OCR thread throws when anything in it tries to reach the network. */
export const networkBlockedMessage = 'Shipped reads text from images offline; the OCR thread may not use the network.';

export interface OcrWord {
  text: string;
  /** Tesseract's confidence in the word, 0–100. */
  confidence: number;
}

export interface OcrPageResult {
  text: string;
  words: OcrWord[];
}

export interface OcrEngine {
  recognize(image: Uint8Array): Promise<OcrPageResult>;
  close(): Promise<void>;
}

export interface OcrEngineOptions {
  /** Where the trained data lives; the packaged English model unless a test says otherwise. */
  langPath?: string;
}

const requireFromHere = createRequire(import.meta.url);

/** The folder holding eng.traineddata.gz inside @tesseract.js-data/eng (an extra resource when packaged). */
export function packagedLanguagePath(): string {
  return join(dirname(requireFromHere.resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int');
}

// From source this module sits beside ocr-thread.ts; bundled (electron-vite), it lands in a
// chunk under out/main/chunks/ and the thread's entry is out/main/ocr-thread.js.
function ocrThreadPath(): string {
  if (import.meta.url.endsWith('.ts')) return fileURLToPath(new URL('./ocr-thread.ts', import.meta.url));
  const candidates = ['./ocr-thread.js', '../ocr-thread.js'].map((relative) => fileURLToPath(new URL(relative, import.meta.url)));
  return candidates.find((path) => existsSync(path)) ?? candidates[0] ?? '';
}

/** Tesseract's TSV output: one row per page, block, paragraph, line and word; level 5 is a word. */
const TSV_WORD_LEVEL = '5';
const TSV_CONFIDENCE = 10;
const TSV_TEXT = 11;

/**
 * The words of tesseract's TSV output with their confidences, in reading order. Asked for
 * instead of tesseract.js's block tree (its JSON holds every letter and its alternatives,
 * ~1 MB a page, built, parsed and copied between threads; bench/README.md), it gives the same
 * words. Confidences are cut to whole numbers, as in that tree.
 */
export function wordsFromTsv(tsv: string): OcrWord[] {
  const words: OcrWord[] = [];
  for (const row of tsv.split('\n')) {
    const fields = row.split('\t');
    const text = fields[TSV_TEXT];
    if (fields[0] !== TSV_WORD_LEVEL || !text || text.trim().length === 0) continue;
    words.push({ text, confidence: Math.trunc(Number(fields[TSV_CONFIDENCE])) });
  }
  return words;
}

export async function createOcrEngine(options: OcrEngineOptions = {}): Promise<OcrEngine> {
  const { createWorker, OEM, PSM } = await import('tesseract.js');
  // tesseract.js never settles createWorker() when loading the language fails (it rejects only
  // for the first step): the error handler is where that failure shows.
  let startupFailed: (error: Error) => void = () => {};
  const startupFailure = new Promise<never>((_, reject) => {
    startupFailed = reject;
  });
  let isStarted = false;
  const starting = createWorker('eng', OEM.LSTM_ONLY, {
    langPath: options.langPath ?? packagedLanguagePath(),
    gzip: true,
    // 'none': the data is read from the package every time a thread starts (~0.2 s), never copied.
    cacheMethod: 'none',
    cachePath: join(tmpdir(), 'shipped-ocr'),
    workerPath: ocrThreadPath(),
    // Called for every failed job; after start-up a failed recognition also rejects its own promise.
    errorHandler: (error: unknown) => {
      if (!isStarted) startupFailed(new Error(String(error)));
    },
  });
  const worker = await Promise.race([starting, startupFailure]);
  isStarted = true;
  // Tesseract's library default treats the page as one block of text, which reads a two-column
  // resume across both columns line by line; AUTO finds the columns and blocks first (as the
  // tesseract command does).
  // Tesseract's notes ("Estimating resolution as 300") would go to the app's stderr; debug_file sends them nowhere.
  await worker.setParameters({ tessedit_pageseg_mode: PSM.AUTO, debug_file: '/dev/null' });
  return {
    async recognize(image) {
      const result = await worker.recognize(Buffer.from(image.buffer, image.byteOffset, image.byteLength), {}, { text: true, tsv: true });
      return { text: result.data.text, words: wordsFromTsv(result.data.tsv ?? '') };
    },
    async close() {
      await worker.terminate();
    },
  };
}

/** A binary PGM (P5) file: tesseract's Leptonica reads it without decoding work, unlike PNG or BMP. */
export function encodePgm(image: GreyImage): Uint8Array {
  const header = Buffer.from(`P5\n${image.width} ${image.height}\n255\n`, 'latin1');
  const file = new Uint8Array(header.length + image.pixels.length);
  file.set(header, 0);
  file.set(image.pixels, header.length);
  return file;
}

/** Mean of the words' confidences, rounded to a whole percent; null when there are no words. */
export function meanConfidence(words: readonly OcrWord[]): number | null {
  if (words.length === 0) return null;
  return Math.round(words.reduce((sum, word) => sum + word.confidence, 0) / words.length);
}
