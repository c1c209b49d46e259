// Offline OCR with tesseract.js and two English LSTM models shipped in resources/ocr (an extra
// resource when packaged; resources/ocr/README.md says where they come from): tessdata_fast reads
// every page, and tessdata_best (as integers) reads again the few words a page's contact details
// rest on when the fast model was unsure of them (ocr-recheck.ts). One tesseract thread per
// extraction worker, started on the first scanned page and kept for the worker's life; it holds
// both models and switches between them (~0.05 s). Its entry script (ocr-thread.ts) has no network;
// language data is read from disk, never downloaded, and nothing is cached to disk.
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GreyImage } from '../pdf-text.ts';

/** What the OCR thread throws when anything in it tries to reach the network. */
export const networkBlockedMessage = 'Shipped reads text from images offline; the OCR thread may not use the network.';

/** A rectangle of the page image, in pixels. */
export interface OcrBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface OcrWord {
  text: string;
  /** Tesseract's confidence in the word, 0–100. */
  confidence: number;
  /** Where the word stands on the page. */
  box: OcrBox;
}

export interface OcrPageResult {
  text: string;
  words: OcrWord[];
}

/**
 * 'fast' (tessdata_fast) reads pages; 'accurate' (tessdata_best as integers) is ~1.5× slower in
 * WebAssembly and reads again what the fast model was unsure of (bench/README.md, OCR).
 */
export type OcrModel = 'fast' | 'accurate';

/** The language name of each model: its file in resources/ocr is NAME.traineddata.gz. */
export const ocrModelFiles: Record<OcrModel, string> = { fast: 'eng_fast', accurate: 'eng_best_int' };

export interface RecognizeOptions {
  /** The fast model unless told otherwise. */
  model?: OcrModel;
  /** Read only this part of the image. */
  area?: OcrBox;
}

export interface OcrEngine {
  recognize(image: Uint8Array, options?: RecognizeOptions): Promise<OcrPageResult>;
  close(): Promise<void>;
}

export interface OcrEngineOptions {
  /** Where the trained data lives; the packaged English models unless a test says otherwise. */
  langPath?: string;
}

/**
 * Where resources/ocr may be, nearest first: beside the app in a packaged build (Electron's
 * resources folder, which also holds app.asar; a worker thread may lack process.resourcesPath, so
 * it is also found from this module's path inside app.asar), then the repository's resources/ocr
 * from source (main/import/readers/) or from a bundle (out/main/ or out/main/chunks/).
 */
export function languagePathCandidates(moduleUrl: string, resourcesPath: string | undefined): string[] {
  const modulePath = fileURLToPath(moduleUrl);
  const asarAt = modulePath.split(sep).indexOf('app.asar');
  const besideAsar = asarAt > 0 ? modulePath.split(sep).slice(0, asarAt).join(sep) : null;
  return [
    ...(resourcesPath ? [join(resourcesPath, 'ocr')] : []),
    ...(besideAsar ? [join(besideAsar, 'ocr')] : []),
    ...['../../../resources/ocr', '../../resources/ocr'].map((relative) => fileURLToPath(new URL(relative, moduleUrl))),
  ];
}

/** The folder holding the English models (resources/ocr; an extra resource when packaged). */
export function packagedLanguagePath(): string {
  const candidates = languagePathCandidates(import.meta.url, (process as { resourcesPath?: string }).resourcesPath);
  return candidates.find((path) => existsSync(join(path, `${ocrModelFiles.fast}.traineddata.gz`))) ?? candidates[0] ?? '';
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
const TSV_LEFT = 6;
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
    const [left = 0, top = 0, width = 0, height = 0] = fields.slice(TSV_LEFT, TSV_LEFT + 4).map(Number);
    words.push({ text, confidence: Math.trunc(Number(fields[TSV_CONFIDENCE])), box: { left, top, width, height } });
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
  const starting = createWorker(ocrModelFiles.fast, OEM.LSTM_ONLY, {
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
  // Switching models starts a new tesseract instance inside the thread, so they are set again then.
  const setUp = () => worker.setParameters({ tessedit_pageseg_mode: PSM.AUTO, debug_file: '/dev/null' });
  await setUp();
  let loadedModel: OcrModel = 'fast';
  return {
    async recognize(image, { model = 'fast', area } = {}) {
      if (model !== loadedModel) {
        // The second model is read from disk the first time only; later switches re-initialise (~0.05 s).
        await worker.reinitialize(ocrModelFiles[model], OEM.LSTM_ONLY);
        await setUp();
        loadedModel = model;
      }
      // An area is one line of type: read as such, not searched for columns and blocks (which, in a crop this small, misreads it).
      const where = area ? { rectangle: area, tessedit_pageseg_mode: PSM.SINGLE_LINE } : {};
      const result = await worker.recognize(Buffer.from(image.buffer, image.byteOffset, image.byteLength), where, { text: true, tsv: true });
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
