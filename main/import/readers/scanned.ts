// OCR for images and for the PDF pages that have no usable text layer. Runs inside an extraction
// worker; tesseract runs in a thread of its own (ocr.ts), started on the first page that needs it.
import type { ResumeReading } from '../../../contract/types.ts';
import type { ImageFormat } from '../detect.ts';
import { failures, type FailureInfo } from '../failures.ts';
import { renderPdfPage, type GreyImage } from '../pdf-text.ts';
import { jpegOrientation, readImageHeader, withPortableOrientation } from './image-header.ts';
import { createOcrEngine, encodePgm, meanConfidence, type OcrEngine, type OcrPageResult, type OcrWord } from './ocr.ts';
import { judgeTextLayer, repairLatin1Mojibake } from './garbage.ts';
import { countLetters } from '../letters.ts';
import { stretchContrastForOcr } from './ocr-prepare.ts';
import { areasOfImageFile, areasOfRenderedPage, recheckDoubtfulWords } from './ocr-recheck.ts';
import { tidyOcrText } from './ocr-tidy.ts';

/** Reports what a slow file is doing (the import shows it) and, once known, how many pages OCR will read. */
export interface ReadProgress {
  ocrStarting(pages: number): void;
  detail(text: string): void;
}

export const silentProgress: ReadProgress = { ocrStarting: () => {}, detail: () => {} };

/**
 * Pixels an image may have. A phone photo has 12–48 million; an A4 page scanned at 600 dpi 35
 * million. tesseract keeps several copies of the picture, so a larger one is refused unread.
 */
export const MAX_IMAGE_PIXELS = 50_000_000;
/** Resolution for rendering scanned PDF pages: what tesseract is trained for (text 20–40 px high). */
export const OCR_DPI = 300;
/** A scanned page is rendered at most this large (a poster-sized page gets a lower resolution). */
const MAX_RENDER_PIXELS = 36_000_000;
/** More scanned pages than any resume has: refused rather than tying a worker up for minutes. */
export const MAX_OCR_PAGES = 12;
/** Words below this confidence are listed as uncertain. */
const LOW_WORD_CONFIDENCE = 60;
/** A page with fewer letters than this in its text layer is taken for a scan. */
const MIN_TEXT_LAYER_LETTERS = 20;

let sharedEngine: Promise<OcrEngine> | undefined;

/** The worker's tesseract thread, started on first use. */
function ocrEngine(): Promise<OcrEngine> {
  sharedEngine ??= createOcrEngine().catch((error: unknown) => {
    sharedEngine = undefined;
    throw error;
  });
  return sharedEngine;
}

/** Stops the tesseract thread, if one runs (tests, and anything that wants its memory back). */
export async function closeOcrEngine(): Promise<void> {
  const engine = sharedEngine;
  sharedEngine = undefined;
  if (engine) await (await engine.catch(() => null))?.close();
}

export type ReadOutcome = { ok: true; text: string; reading: ResumeReading } | { ok: false; failure: FailureInfo };

function lowConfidenceWords(words: readonly OcrWord[]): string[] {
  const uncertain = new Set<string>();
  for (const word of words) {
    if (word.confidence >= LOW_WORD_CONFIDENCE) continue;
    const cleaned = word.text.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    if (cleaned.length >= 2) uncertain.add(cleaned);
  }
  return [...uncertain].sort();
}

/** Tesseract finds "words" in speckles and photos too, with low confidence: real text has some it is sure of. */
function hasReadableWords(words: readonly OcrWord[]): boolean {
  return words.filter((word) => /[\p{L}\p{N}]{3,}/u.test(word.text) && word.confidence >= 70).length >= 3;
}

/** A page with (almost) no dark pixels: an empty scan, not worth tesseract's time (it reads noise for long). */
function isBlank(image: GreyImage): boolean {
  let dark = 0;
  // Every 7th pixel is plenty to tell a page with text from an empty one.
  for (let index = 0; index < image.pixels.length; index += 7) if ((image.pixels[index] ?? 255) < 128) dark += 1;
  return dark / (image.pixels.length / 7) < 0.001;
}

export async function readImage(bytes: Uint8Array, format: ImageFormat, progress: ReadProgress): Promise<ReadOutcome> {
  const kind = format === 'jpeg' ? 'JPEG image' : `${format.toUpperCase()} image`;
  const header = readImageHeader(bytes, format);
  if (!header || header.width === 0 || header.height === 0) return { ok: false, failure: failures.corrupt(kind) };
  if (header.width * header.height > MAX_IMAGE_PIXELS) {
    return { ok: false, failure: failures.tooManyPixels(header.width, header.height, MAX_IMAGE_PIXELS) };
  }
  const upright = format === 'jpeg' ? withPortableOrientation(bytes, jpegOrientation(bytes)) : bytes;
  progress.ocrStarting(1);
  progress.detail('reading the image by OCR');
  let result;
  try {
    const engine = await ocrEngine();
    result = await recheckDoubtfulWords(areasOfImageFile(engine, upright), await engine.recognize(upright));
  } catch {
    // Leptonica could not decode the picture (a cut-off or damaged file).
    return { ok: false, failure: failures.corrupt(kind) };
  }
  if (!hasReadableWords(result.words)) return { ok: false, failure: failures.noTextInImage() };
  return {
    ok: true,
    text: tidyOcrText(result.text),
    reading: { reader: 'ocr', ocrConfidence: meanConfidence(result.words), ocrPages: 1, note: null, lowConfidenceWords: lowConfidenceWords(result.words) },
  };
}

/** A page read with less mean confidence than this is read once more with its contrast stretched. */
const RETRY_CONFIDENCE = 80;

/**
 * Reads a rendered page as it is and, when tesseract was unsure of it, once more with its grey
 * levels stretched (ocr-prepare.ts), keeping the surer reading. Light, thin type on a speckled scan
 * is lost to tesseract's threshold and read with low confidence; stretched, it reads. Stretching
 * every page would darken light rules and link boxes around clean type too, so it is kept for the
 * pages that need it. Both readings use the fast model; the contact and display-type words it was
 * unsure of are then read again with the accurate one (ocr-recheck.ts).
 */
export async function recognizePage(engine: OcrEngine, image: GreyImage): Promise<OcrPageResult> {
  const { read, reading } = await surerReading(engine, image);
  return recheckDoubtfulWords(areasOfRenderedPage(engine, read), reading);
}

/** The fast model's reading of the page, or of its stretched image when that one is surer; with the image it came from. */
async function surerReading(engine: OcrEngine, image: GreyImage): Promise<{ read: GreyImage; reading: OcrPageResult }> {
  const first = await engine.recognize(encodePgm(image));
  if ((meanConfidence(first.words) ?? 0) >= RETRY_CONFIDENCE) return { read: image, reading: first };
  const stretched = stretchContrastForOcr(image);
  if (stretched === image) return { read: image, reading: first };
  const second = await engine.recognize(encodePgm(stretched));
  return (meanConfidence(second.words) ?? 0) > (meanConfidence(first.words) ?? 0) ? { read: stretched, reading: second } : { read: image, reading: first };
}

/** The reading note of a PDF whose text layer gave Cyrillic as Latin-1 letters. */
export const cyrillicRedecodedNote = 'the text layer was Cyrillic shown as Latin-1 (Windows-1251 fonts); Shipped decoded it again';

type PagePlan = { kind: 'text'; text: string } | { kind: 'ocr'; why: 'scanned' | string };

/**
 * Reads a PDF whose pages PDFium returned: pages with a text layer that reads as language keep
 * it, Latin-1 mojibake of Cyrillic is decoded again, and scanned pages and garbled text layers
 * are read by OCR. Returns null when every page has a good text layer (the caller keeps its text).
 */
export async function readPdfPages(bytes: Uint8Array, pages: readonly string[], progress: ReadProgress): Promise<ReadOutcome | null> {
  const notes = new Set<string>();
  const plans: PagePlan[] = pages.map((text) => {
    if (countLetters(text) < MIN_TEXT_LAYER_LETTERS) return { kind: 'ocr', why: 'scanned' };
    const { problem } = judgeTextLayer(text);
    if (!problem) return { kind: 'text', text };
    const repaired = problem.includes('mojibake') ? repairLatin1Mojibake(text) : null;
    if (repaired !== null) {
      notes.add(cyrillicRedecodedNote);
      return { kind: 'text', text: repaired };
    }
    return { kind: 'ocr', why: problem };
  });
  const ocrIndexes = plans.flatMap((plan, index) => (plan.kind === 'ocr' ? [index] : []));
  const note = () => (notes.size > 0 ? [...notes].join('; ') : null);
  if (ocrIndexes.length === 0) {
    return notes.size > 0
      ? { ok: true, text: plans.map((plan) => (plan.kind === 'text' ? plan.text : '')).join('\n\n'), reading: { reader: 'pdf-text', ocrConfidence: null, ocrPages: 0, note: note(), lowConfidenceWords: [] } }
      : null;
  }
  if (ocrIndexes.length > MAX_OCR_PAGES) return { ok: false, failure: failures.tooManyScannedPages(ocrIndexes.length, MAX_OCR_PAGES) };
  progress.ocrStarting(ocrIndexes.length);
  const engine = await ocrEngine();
  const texts = plans.map((plan) => (plan.kind === 'text' ? plan.text : ''));
  const words: OcrWord[] = [];
  for (const [position, index] of ocrIndexes.entries()) {
    const plan = plans[index];
    progress.detail(`reading scanned page ${position + 1} of ${ocrIndexes.length}`);
    const image = await renderPdfPage(bytes, index, OCR_DPI, MAX_RENDER_PIXELS);
    if (!image || isBlank(image)) continue;
    const result = await recognizePage(engine, image);
    if (plan?.kind === 'ocr' && plan.why !== 'scanned') {
      // A garbled layer is replaced only if OCR finds words on the page.
      if (!hasReadableWords(result.words)) continue;
      notes.add(`page ${index + 1}: ${plan.why}, so it was read by OCR`);
    }
    texts[index] = tidyOcrText(result.text);
    words.push(...result.words);
  }
  const text = texts.join('\n\n');
  if (!hasReadableWords(words) && countLetters(text) < MIN_TEXT_LAYER_LETTERS) return { ok: false, failure: failures.noTextInScan() };
  const ocrPages = ocrIndexes.length;
  return {
    ok: true,
    text,
    reading: {
      reader: ocrPages === pages.length ? 'ocr' : 'pdf-text+ocr',
      ocrConfidence: meanConfidence(words),
      ocrPages,
      note: note(),
      lowConfidenceWords: lowConfidenceWords(words),
    },
  };
}
