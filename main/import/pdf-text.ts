// PDF text through PDFium (Chrome's PDF engine) compiled to WebAssembly. It reads a typical
// resume in about a third of pdf.js's CPU time and starts in ~40 ms, which is what lets the
// import keep up with poppler's pdftotext (bench/README.md). Runs inside an extraction
// worker; one PDFium instance per thread, created on first use.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { init } from '@embedpdf/pdfium';
import { createLogger } from '../logger.ts';
import type { LineStyle } from '../../contract/layout.ts';
import { PageTextBuilder, undoMisreadCyrillic, type PdfLineStyle } from './pdf-layout.ts';

const log = createLogger('import.pdf');

export type PdfiumOutcome =
  /**
   * `pages` holds each page's text; `text` joins them with a blank line; `lineStyles` has one entry
   * per line of `text` (null for the blank lines between pages); `isCyrillicRedecoded`: some page's
   * Cyrillic came out as Latin-1 letters and was decoded again.
   */
  | { kind: 'text'; text: string; pages: string[]; lineStyles: (LineStyle | null)[]; isCyrillicRedecoded: boolean }
  | { kind: 'encrypted' }
  /** PDFium could not open the file. */
  | { kind: 'unreadable' }
  /** PDFium itself failed to start in this thread (see `error`); nothing was read. */
  | { kind: 'unavailable'; error: string };

// FPDF_GetLastError values (fpdfview.h).
const FPDF_ERR_PASSWORD = 4;
const FPDF_ERR_SECURITY = 5;

/**
 * The PDFium functions the import calls, straight from the WebAssembly exports: the
 * package's JavaScript wrappers check and convert every argument, which made those calls
 * (several per character) cost more than PDFium's own work. Handles and pointers are numbers.
 */
interface PdfiumExports {
  malloc(size: number): number;
  free(pointer: number): void;
  FPDF_LoadMemDocument(data: number, size: number, password: number): number;
  FPDF_GetLastError(): number;
  FPDF_GetPageCount(document: number): number;
  FPDF_LoadPage(document: number, index: number): number;
  FPDF_ClosePage(page: number): void;
  FPDF_CloseDocument(document: number): void;
  FPDFText_LoadPage(page: number): number;
  FPDFText_ClosePage(textPage: number): void;
  FPDFText_CountChars(textPage: number): number;
  FPDFText_IsGenerated(textPage: number, index: number): number;
  FPDFText_GetUnicode(textPage: number, index: number): number;
  FPDFText_GetLooseCharBox(textPage: number, index: number, rect: number): number;
  FPDFText_GetCharOrigin(textPage: number, index: number, x: number, y: number): number;
  FPDFText_GetTextObject(textPage: number, index: number): number;
  FPDFTextObj_GetFont(textObject: number): number;
  FPDFText_GetFontSize(textPage: number, index: number): number;
  FPDFText_GetMatrix(textPage: number, index: number, matrix: number): number;
  FPDFText_GetFontWeight(textPage: number, index: number): number;
  FPDFText_GetFontInfo(textPage: number, index: number, buffer: number, length: number, flags: number): number;
  FPDF_GetPageWidthF(page: number): number;
  FPDF_GetPageHeightF(page: number): number;
  FPDFBitmap_CreateEx(width: number, height: number, format: number, firstScan: number, stride: number): number;
  FPDFBitmap_FillRect(bitmap: number, left: number, top: number, width: number, height: number, color: number): number;
  FPDFBitmap_GetBuffer(bitmap: number): number;
  FPDFBitmap_GetStride(bitmap: number): number;
  FPDFBitmap_Destroy(bitmap: number): void;
  FPDF_RenderPageBitmap(bitmap: number, page: number, x: number, y: number, width: number, height: number, rotate: number, flags: number): void;
}

const exportNames: (keyof PdfiumExports)[] = [
  'malloc', 'free', 'FPDF_LoadMemDocument', 'FPDF_GetLastError', 'FPDF_GetPageCount', 'FPDF_LoadPage',
  'FPDF_ClosePage', 'FPDF_CloseDocument', 'FPDFText_LoadPage', 'FPDFText_ClosePage', 'FPDFText_CountChars',
  'FPDFText_IsGenerated', 'FPDFText_GetUnicode', 'FPDFText_GetLooseCharBox', 'FPDFText_GetCharOrigin',
  'FPDFText_GetTextObject', 'FPDFTextObj_GetFont', 'FPDFText_GetFontSize', 'FPDFText_GetMatrix', 'FPDFText_GetFontWeight',
  'FPDFText_GetFontInfo', 'FPDF_GetPageWidthF', 'FPDF_GetPageHeightF',
  'FPDFBitmap_CreateEx', 'FPDFBitmap_FillRect', 'FPDFBitmap_GetBuffer', 'FPDFBitmap_GetStride', 'FPDFBitmap_Destroy',
  'FPDF_RenderPageBitmap',
];

interface Pdfium {
  api: PdfiumExports;
  /** PDFium's heap; a new buffer whenever the heap grows, so read it after allocating. */
  heap(): ArrayBuffer;
}

async function packagedWasm(): Promise<ArrayBuffer> {
  const wasm = await readFile(createRequire(import.meta.url).resolve('@embedpdf/pdfium/pdfium.wasm'));
  return wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength);
}

async function startPdfium(loadWasm: () => Promise<ArrayBuffer>): Promise<Pdfium> {
  const module = await init({ wasmBinary: await loadWasm() });
  module.PDFiumExt_Init();
  const exports: Record<string, unknown> = { ...module.pdfium.wasmExports };
  const missing = exportNames.filter((name) => typeof exports[name] !== 'function');
  if (missing.length > 0) throw new Error(`PDFium build lacks ${missing.join(', ')}`);
  return { api: exports as unknown as PdfiumExports, heap: () => module.pdfium.HEAPU8.buffer as ArrayBuffer };
}

// Out-parameters reused for every character, at these offsets of one allocation: an
// FS_RECTF (left, top, right, bottom: 32-bit floats), an origin (x, y: doubles), an
// FS_MATRIX (a, b, c, d, e, f: 32-bit floats), the font's flags (32-bit) and its name.
const RECT = 0;
const ORIGIN = 16;
const MATRIX = 32;
const FONT_FLAGS = 56;
const FONT_NAME = 60;
const FONT_NAME_SIZE = 128;
const OUT_PARAMETERS_SIZE = FONT_NAME + FONT_NAME_SIZE;

// PDF font descriptor flags (PDF 32000, 9.8.2).
const FONT_FLAG_ITALIC = 1 << 6;
const FONT_FLAG_FORCE_BOLD = 1 << 18;
const BOLD_WEIGHT = 600;
const BOLD_NAME = /bold|black|heavy|semibold|demi/i;
const ITALIC_NAME = /italic|oblique|-it\b|lightit/i;
// Icon fonts draw pictures (a phone, an envelope, a brand logo) that map to letters or private-use
// code points: "Ħ (919) 274-5562". Their characters are gaps, not text.
const ICON_FONT = /awesome|academicons|icomoon|icons|fontello|octicon|material ?symbols|devicon|tabler/i;

interface FontStyle {
  bold: boolean;
  italic: boolean;
  icon: boolean;
}

function fontStyle(api: PdfiumExports, heap: DataView, textPage: number, charIndex: number, out: number): FontStyle {
  const nameLength = api.FPDFText_GetFontInfo(textPage, charIndex, out + FONT_NAME, FONT_NAME_SIZE, out + FONT_FLAGS);
  const flags = nameLength > 0 ? heap.getInt32(out + FONT_FLAGS, true) : 0;
  let name = '';
  // The name is ASCII (PostScript names); the length counts its terminating NUL.
  for (let index = 0; index < Math.min(nameLength, FONT_NAME_SIZE) - 1; index++) name += String.fromCharCode(heap.getUint8(out + FONT_NAME + index));
  const weight = api.FPDFText_GetFontWeight(textPage, charIndex);
  return {
    bold: weight >= BOLD_WEIGHT || (flags & FONT_FLAG_FORCE_BOLD) !== 0 || BOLD_NAME.test(name),
    italic: (flags & FONT_FLAG_ITALIC) !== 0 || ITALIC_NAME.test(name),
    icon: ICON_FONT.test(name),
  };
}

const round = (value: number): number => Math.round(value * 10) / 10;

function drawnFontSize(api: PdfiumExports, heap: DataView, textPage: number, charIndex: number, out: number): number {
  const fontSize = api.FPDFText_GetFontSize(textPage, charIndex);
  if (!api.FPDFText_GetMatrix(textPage, charIndex, out + MATRIX)) return fontSize;
  const a = heap.getFloat32(out + MATRIX, true);
  const b = heap.getFloat32(out + MATRIX + 4, true);
  const c = heap.getFloat32(out + MATRIX + 8, true);
  const d = heap.getFloat32(out + MATRIX + 12, true);
  return fontSize * Math.sqrt(Math.abs(a * d - b * c));
}

/**
 * A line's style as it is stored: positions from the page's top, rounded to a tenth of a point. Every
 * line gets the same properties (cellSizes is undefined, and left out of the stored JSON, on a line of
 * one cell): lines built in two shapes made V8 drop pageText's optimised code on every page.
 */
function storedLineStyle(line: PdfLineStyle, page: number, pageHeight: number): LineStyle {
  return {
    page,
    x: round(line.x),
    // From the top, as a reader scans the page.
    y: round(pageHeight - line.baseline),
    size: round(line.size),
    bold: line.bold,
    italic: line.italic,
    column: line.column,
    cellSizes: line.cellSizes === undefined ? undefined : roundEach(line.cellSizes),
  };
}

// A loop, not Array.prototype.map: sizes come in arrays of whole and of fractional numbers (two
// element kinds), and a map() call inlined into pageText was dropped each time it met the other.
function roundEach(values: readonly number[]): number[] {
  const rounded: number[] = [];
  for (const value of values) rounded.push(round(value));
  return rounded;
}

interface PageText {
  text: string;
  lineStyles: LineStyle[];
  /** The page's fonts gave Windows-1251 Cyrillic as Latin-1 letters, and its text was decoded again. */
  isCyrillicRedecoded?: boolean;
}

function pageText({ api, heap: heapBuffer }: Pdfium, document: number, index: number): PageText {
  const page = api.FPDF_LoadPage(document, index);
  if (!page) return { text: '', lineStyles: [] };
  const textPage = api.FPDFText_LoadPage(page);
  const out = api.malloc(OUT_PARAMETERS_SIZE);
  try {
    if (!textPage || !out) return { text: '', lineStyles: [] };
    const builder = new PageTextBuilder();
    const count = api.FPDFText_CountChars(textPage);
    // Nothing below allocates in PDFium's heap, so its memory cannot move under this view.
    const heap = new DataView(heapBuffer());
    let textObject = 0;
    let em = 0;
    let font: FontStyle = { bold: false, italic: false, icon: false };
    // A page draws many text objects (often one per word) in a few fonts; a font's style is read once.
    const fontStyles = new Map<number, FontStyle>();
    for (let charIndex = 0; charIndex < count; charIndex++) {
      const code = api.FPDFText_GetUnicode(textPage, charIndex);
      // PDFium only ever infers spaces and line breaks.
      const generated = code <= 0x20 && api.FPDFText_IsGenerated(textPage, charIndex) === 1;
      if (!api.FPDFText_GetLooseCharBox(textPage, charIndex, out + RECT)) continue;
      if (!api.FPDFText_GetCharOrigin(textPage, charIndex, out + ORIGIN, out + ORIGIN + 8)) continue;
      // Every character of a text object shares its font size and matrix.
      const charObject = api.FPDFText_GetTextObject(textPage, charIndex);
      if (charObject !== textObject || charObject === 0) {
        textObject = charObject;
        em = drawnFontSize(api, heap, textPage, charIndex, out);
        const fontHandle = charObject === 0 ? 0 : api.FPDFTextObj_GetFont(charObject);
        const known = fontHandle === 0 ? undefined : fontStyles.get(fontHandle);
        font = known ?? fontStyle(api, heap, textPage, charIndex, out);
        if (!known && fontHandle !== 0) fontStyles.set(fontHandle, font);
      }
      builder.add({
        code,
        generated,
        em,
        originX: heap.getFloat64(out + ORIGIN, true),
        baseline: heap.getFloat64(out + ORIGIN + 8, true),
        left: heap.getFloat32(out + RECT, true),
        right: heap.getFloat32(out + RECT + 8, true),
        bold: font.bold,
        italic: font.italic,
        icon: font.icon,
      });
    }
    const height = api.FPDF_GetPageHeightF(page);
    const lineStyles = builder.lineStyles().map((line) => storedLineStyle(line, index + 1, height));
    const raw = builder.text();
    const text = undoMisreadCyrillic(raw);
    return { text, lineStyles, isCyrillicRedecoded: text !== raw };
  } finally {
    if (out) api.free(out);
    if (textPage) api.FPDFText_ClosePage(textPage);
    api.FPDF_ClosePage(page);
  }
}

type OpenOutcome = { kind: 'encrypted' } | { kind: 'unreadable' };

/** Opens the document in PDFium's heap (PDFium reads it from there for as long as it is open) and runs `read` on it. */
function withDocument<T>(engine: Pdfium, bytes: Uint8Array, read: (document: number) => T): T | OpenOutcome {
  const { api } = engine;
  const data = api.malloc(bytes.length);
  if (!data) return { kind: 'unreadable' };
  try {
    new Uint8Array(engine.heap(), data, bytes.length).set(bytes);
    const document = api.FPDF_LoadMemDocument(data, bytes.length, 0);
    if (!document) {
      const code = api.FPDF_GetLastError();
      return code === FPDF_ERR_PASSWORD || code === FPDF_ERR_SECURITY ? { kind: 'encrypted' } : { kind: 'unreadable' };
    }
    try {
      return read(document);
    } finally {
      api.FPDF_CloseDocument(document);
    }
  } finally {
    api.free(data);
  }
}

function readDocument(engine: Pdfium, bytes: Uint8Array): PdfiumOutcome {
  return withDocument(engine, bytes, (document): PdfiumOutcome => {
    const pages: string[] = [];
    const lineStyles: (LineStyle | null)[] = [];
    let isCyrillicRedecoded = false;
    const pageCount = engine.api.FPDF_GetPageCount(document);
    for (let index = 0; index < pageCount; index++) {
      const page = pageText(engine, document, index);
      // Pages are joined by a blank line, which has no style.
      if (index > 0) lineStyles.push(null);
      pages.push(page.text);
      isCyrillicRedecoded ||= page.isCyrillicRedecoded === true;
      lineStyles.push(...(page.text === '' ? [null] : page.lineStyles));
    }
    return { kind: 'text', text: pages.join('\n\n'), pages, lineStyles, isCyrillicRedecoded };
  });
}

/** An 8-bit greyscale page image, rows top to bottom, `width` bytes each. */
export interface GreyImage {
  width: number;
  height: number;
  pixels: Uint8Array;
}

// fpdfview.h: FPDFBitmap_BGRx (4 bytes a pixel, the fourth unused) and the FPDF_ANNOT render flag
// (form fields and stamps are part of what a reader sees).
const FPDF_BITMAP_BGRX = 3;
const FPDF_ANNOT = 0x01;
const POINTS_PER_INCH = 72;

function renderPage({ api, heap }: Pdfium, document: number, index: number, dpi: number, maxPixels: number): GreyImage | null {
  const page = api.FPDF_LoadPage(document, index);
  if (!page) return null;
  let bitmap = 0;
  try {
    // A poster-sized page is rendered at a lower resolution rather than at an unbounded size.
    const scale = dpi / POINTS_PER_INCH;
    const widthPoints = api.FPDF_GetPageWidthF(page);
    const heightPoints = api.FPDF_GetPageHeightF(page);
    const fit = Math.min(1, Math.sqrt(maxPixels / Math.max(1, widthPoints * scale * heightPoints * scale)));
    const width = Math.max(1, Math.round(widthPoints * scale * fit));
    const height = Math.max(1, Math.round(heightPoints * scale * fit));
    bitmap = api.FPDFBitmap_CreateEx(width, height, FPDF_BITMAP_BGRX, 0, 0);
    if (!bitmap) return null;
    api.FPDFBitmap_FillRect(bitmap, 0, 0, width, height, 0xffffffff);
    api.FPDF_RenderPageBitmap(bitmap, page, 0, 0, width, height, 0, FPDF_ANNOT);
    const stride = api.FPDFBitmap_GetStride(bitmap);
    const source = new Uint8Array(heap(), api.FPDFBitmap_GetBuffer(bitmap), stride * height);
    const pixels = new Uint8Array(width * height);
    for (let y = 0; y < height; y++) {
      let from = y * stride;
      let to = y * width;
      for (let x = 0; x < width; x++, from += 4, to++) {
        // ITU-R BT.601 luma, in integers: B, G, R.
        pixels[to] = ((source[from] ?? 0) * 29 + (source[from + 1] ?? 0) * 150 + (source[from + 2] ?? 0) * 77) >> 8;
      }
    }
    return { width, height, pixels };
  } finally {
    if (bitmap) api.FPDFBitmap_Destroy(bitmap);
    api.FPDF_ClosePage(page);
  }
}

export type PdfiumReader = (bytes: Uint8Array) => Promise<PdfiumOutcome>;

function createEngineStarter(loadWasm: () => Promise<ArrayBuffer>): () => Promise<Pdfium | { error: string }> {
  let engine: Promise<Pdfium> | undefined;
  return async () => {
    engine ??= startPdfium(loadWasm);
    try {
      return await engine;
    } catch (error) {
      engine = undefined;
      // pdf-parse reads the file instead, several times slower: worth a line in the log.
      log.warn('PDFium could not start; reading PDFs with pdf-parse', error);
      return { error: error instanceof Error ? error.message : String(error) };
    }
  };
}

/** A reader that starts PDFium on first use; a failed start is reported and retried next time. */
export function createPdfiumReader(loadWasm: () => Promise<ArrayBuffer> = packagedWasm): PdfiumReader {
  const engine = createEngineStarter(loadWasm);
  return async (bytes) => {
    const started = await engine();
    if ('error' in started) return { kind: 'unavailable', error: started.error };
    return readDocument(started, bytes);
  };
}

const sharedEngine = createEngineStarter(packagedWasm);

/** Text of every page, pages separated by a blank line. */
export const pdfiumText: PdfiumReader = async (bytes) => {
  const started = await sharedEngine();
  if ('error' in started) return { kind: 'unavailable', error: started.error };
  return readDocument(started, bytes);
};

/** The number of pages, or null when PDFium cannot start or open the file. */
export async function pdfPageCount(bytes: Uint8Array): Promise<number | null> {
  const started = await sharedEngine();
  if ('error' in started) return null;
  const outcome = withDocument(started, bytes, (document) => started.api.FPDF_GetPageCount(document));
  return typeof outcome === 'number' ? outcome : null;
}

/**
 * Renders one page (0-based) in grey at `dpi`, at most `maxPixels` pixels, for OCR. Null when
 * PDFium cannot start, open the file or load the page.
 */
export async function renderPdfPage(bytes: Uint8Array, index: number, dpi: number, maxPixels: number): Promise<GreyImage | null> {
  const started = await sharedEngine();
  if ('error' in started) return null;
  const outcome = withDocument(started, bytes, (document) => renderPage(started, document, index, dpi, maxPixels));
  return outcome !== null && 'kind' in outcome ? null : outcome;
}
