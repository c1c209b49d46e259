// OCR on a few small pages (a 6 × 4 inch card at 200 dpi): enough for tesseract, quick on CI.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractText } from '../../main/import/extract.ts';
import { createOcrEngine, networkBlockedMessage } from '../../main/import/readers/ocr.ts';
import { recheckArea } from '../../main/import/readers/ocr-recheck.ts';
import { closeOcrEngine, type ReadProgress } from '../../main/import/readers/scanned.ts';
import {
  imagePdf,
  renderPage,
  rotateQuarterClockwise,
  scanLike,
  smallTextPdf,
  toJpeg,
  toPng,
  withExifOrientation,
  type GreyImage,
} from '../fixtures/scanned.ts';

const card = ['Avery Okafor', 'Senior MLOps Engineer', 'avery.okafor@example.com', '(512) 555-0142', 'Operate models in production on Kubernetes.'];
let scan: GreyImage;

beforeAll(async () => {
  const page = await renderPage(await smallTextPdf(card), 0, 200);
  scan = scanLike(page, { angleDegrees: 1.5, noise: 12, seed: 7 });
});

afterAll(async () => {
  await closeOcrEngine();
});

function recorder(): ReadProgress & { details: string[]; pages: number[] } {
  const details: string[] = [];
  const pages: number[] = [];
  return { details, pages, detail: (text) => details.push(text), ocrStarting: (count) => pages.push(count) };
}

const contactOf = (text: string) => ({ email: /avery\.okafor@example\.com/.test(text), phone: /\(512\) 555-0142/.test(text), name: /Avery Okafor/.test(text) });

describe('OCR of scanned PDFs', () => {
  it('reads a PDF whose only page is a picture, with its confidence and its progress', async () => {
    const progress = recorder();
    const outcome = await extractText(await imagePdf([{ image: scan, dpi: 200 }]), 'scan.pdf', progress);
    if (!outcome.ok) throw new Error(outcome.failure.reason);
    expect(contactOf(outcome.text)).toEqual({ email: true, phone: true, name: true });
    expect(outcome.reading).toMatchObject({ reader: 'ocr', ocrPages: 1, note: null });
    expect(outcome.reading.ocrConfidence).toBeGreaterThan(80);
    expect(progress.pages).toEqual([1]);
    expect(progress.details).toEqual(['reading scanned page 1 of 1']);
  });

  it('reads both the text page and the scanned page of a mixed PDF', async () => {
    const progress = recorder();
    const pdf = await imagePdf([{ text: ['Experience', 'Built the feature store used by nine product teams.'] }, { image: scan, dpi: 200 }]);
    const outcome = await extractText(pdf, 'mixed.pdf', progress);
    if (!outcome.ok) throw new Error(outcome.failure.reason);
    expect(outcome.text).toMatch(/Built the feature store used by nine product teams\./);
    expect(contactOf(outcome.text).email).toBe(true);
    expect(outcome.reading).toMatchObject({ reader: 'pdf-text+ocr', ocrPages: 1 });
    expect(progress.details).toEqual(['reading scanned page 1 of 1']);
  });

  it('reads the page picture instead of a text layer that is no language, and says why', async () => {
    const junk = Array.from({ length: 60 }, (_, index) => `qzx${'vbnkw'[index % 5]}${'jpt'[index % 3]}`).join(' ');
    const outcome = await extractText(await imagePdf([{ image: scan, dpi: 200 }], { hiddenText: junk }), 'layered.pdf');
    if (!outcome.ok) throw new Error(outcome.failure.reason);
    expect(outcome.text).not.toMatch(/qzx/);
    expect(contactOf(outcome.text).email).toBe(true);
    expect(outcome.reading).toMatchObject({ reader: 'ocr', note: expect.stringMatching(/page 1: the text layer has no dictionary words .*read by OCR/) });
  });

  it('fails a scanned PDF whose pages hold no text', async () => {
    const blank: GreyImage = { width: 600, height: 400, pixels: new Uint8Array(600 * 400).fill(250) };
    const outcome = await extractText(await imagePdf([{ image: scanLike(blank, { angleDegrees: 0, noise: 6, seed: 3 }), dpi: 100 }]), 'blank.pdf');
    expect(outcome).toMatchObject({ ok: false, failure: { code: 'no-text', reason: expect.stringMatching(/no text layer and OCR found no text/) } });
  });
});

describe('OCR of images', () => {
  it('reads a PNG and a JPEG', async () => {
    for (const [bytes, type] of [
      [toPng(scan), 'png'],
      [toJpeg(scan), 'jpeg'],
    ] as const) {
      const outcome = await extractText(bytes, `photo.${type}`);
      if (!outcome.ok) throw new Error(outcome.failure.reason);
      expect(outcome.detectedType).toBe(type);
      expect(contactOf(outcome.text)).toEqual({ email: true, phone: true, name: true });
      expect(outcome.reading).toMatchObject({ reader: 'ocr', ocrPages: 1 });
    }
  });

  it('turns a sideways phone photo upright from its EXIF orientation, in either byte order', async () => {
    // Stored turned a quarter clockwise; orientation 8 says "turn it back a quarter anticlockwise".
    const sideways = toJpeg(rotateQuarterClockwise(scan));
    for (const littleEndian of [true, false]) {
      const outcome = await extractText(withExifOrientation(sideways, 8, littleEndian), 'photo.jpg');
      if (!outcome.ok) throw new Error(outcome.failure.reason);
      expect(contactOf(outcome.text).email).toBe(true);
    }
  });

  it('refuses a pixel bomb from its header, without decoding it', async () => {
    const bomb = Buffer.from(toPng({ width: 1, height: 1, pixels: new Uint8Array([255]) }));
    // IHDR width and height: 100,000 × 100,000 pixels in a file of a few bytes.
    bomb.writeUInt32BE(100_000, 16);
    bomb.writeUInt32BE(100_000, 20);
    const progress = recorder();
    const outcome = await extractText(bomb, 'bomb.png', progress);
    expect(outcome).toMatchObject({ ok: false, failure: { code: 'too-large', reason: expect.stringMatching(/100,000 × 100,000 pixels; Shipped reads images up to 50 million pixels/) } });
    expect(progress.pages).toEqual([]);
  });

  it('names a cut-off JPEG as damaged', async () => {
    const jpegBytes = toJpeg(scan);
    const outcome = await extractText(jpegBytes.subarray(0, 400), 'photo.jpg');
    expect(outcome).toMatchObject({ ok: false, failure: { code: 'corrupt', reason: expect.stringMatching(/JPEG image is damaged/) } });
  });

  it('fails an image with no text in it', async () => {
    const noise = scanLike({ width: 500, height: 300, pixels: new Uint8Array(500 * 300).fill(200) }, { angleDegrees: 0, noise: 40, seed: 11 });
    const outcome = await extractText(toPng(noise), 'noise.png');
    expect(outcome).toMatchObject({ ok: false, failure: { code: 'no-text', reason: expect.stringMatching(/found no text in it/) } });
  });
});

describe('the two models', () => {
  it('reads one area again with the accurate model after the fast one read the page, and switches back', async () => {
    const engine = await createOcrEngine();
    try {
      const png = toPng(scan);
      const page = await engine.recognize(png);
      const address = page.words.find((word) => word.text.includes('@'));
      if (!address) throw new Error('the fast model found no address on the card');
      const again = await engine.recognize(png, { model: 'accurate', area: recheckArea(address.box) });
      expect(again.words.map((word) => word.text)).toEqual(['avery.okafor@example.com']);
      expect((await engine.recognize(png)).words).toEqual(page.words);
    } finally {
      await engine.close();
    }
  });
});

describe('OCR stays offline', () => {
  it('cannot fetch language data even when told to: the OCR thread has no network', async () => {
    await expect(createOcrEngine({ langPath: 'https://example.invalid/tessdata' })).rejects.toThrow(networkBlockedMessage);
  });
});

describe('importing a scanned PDF', () => {
  it('shows the OCR step in the progress events and stores the reader and confidence', async () => {
    const { importPaths } = await import('../../main/import/service.ts');
    const { makeContext, rows } = await import('./helpers.ts');
    const { makeTempDir } = await import('./fixtures.ts');
    const dir = makeTempDir('shipped-ocr-import-');
    const { ctx, events } = makeContext();
    try {
      dir.file('scan.pdf', await imagePdf([{ image: scan, dpi: 200 }, { image: scan, dpi: 200 }]));
      const summary = await importPaths(ctx, [dir.path], { workerCount: 1 });
      expect(summary).toMatchObject({ imported: 1, failed: [] });
      const details = events.flatMap(({ payload }) => ('detail' in payload && payload.detail ? [payload.detail] : []));
      expect(details).toEqual(['reading scanned page 1 of 2', 'reading scanned page 2 of 2']);
      const [file] = rows<{ reader: string; ocr_pages: number; ocr_confidence: number }>(ctx, `SELECT reader, ocr_pages, ocr_confidence FROM resume_files`);
      expect(file).toMatchObject({ reader: 'ocr', ocr_pages: 2 });
      expect(file?.ocr_confidence).toBeGreaterThan(80);
    } finally {
      ctx.db.close();
      dir.remove();
    }
  });
});
