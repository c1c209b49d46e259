// TIFF and WebP pictures of a resume: read by OCR like PNG and JPEG, and refused from their
// header when they claim more pixels than Shipped decodes.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { extractText } from '../../main/import/extract.ts';
import { closeOcrEngine } from '../../main/import/readers/scanned.ts';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/images/${name}`, import.meta.url)));

afterAll(async () => {
  await closeOcrEngine();
});

describe('TIFF and WebP pictures', () => {
  it('are read by OCR, contact details included', async () => {
    for (const [name, type] of [
      ['card-scan.tiff', 'tiff'],
      ['card-scan.webp', 'webp'],
    ] as const) {
      const outcome = await extractText(fixture(name), name);
      if (!outcome.ok) throw new Error(outcome.failure.reason);
      expect(outcome.detectedType).toBe(type);
      expect(outcome.reading).toMatchObject({ reader: 'ocr', ocrPages: 1 });
      expect(outcome.reading.ocrConfidence).toBeGreaterThan(80);
      expect(outcome.text).toContain('Avery Okafor');
      expect(outcome.text).toContain('avery.okafor@example.com');
      expect(outcome.text).toContain('(512) 555-0142');
    }
  });

  it('are refused from the header when they claim too many pixels, in either TIFF byte order', async () => {
    for (const littleEndian of [true, false]) {
      // A TIFF header and one directory: ImageWidth and ImageLength, 100,000 each, and no picture.
      const bomb = Buffer.alloc(8 + 2 + 2 * 12 + 4);
      const u16 = (value: number, at: number) => (littleEndian ? bomb.writeUInt16LE(value, at) : bomb.writeUInt16BE(value, at));
      const u32 = (value: number, at: number) => (littleEndian ? bomb.writeUInt32LE(value, at) : bomb.writeUInt32BE(value, at));
      bomb.write(littleEndian ? 'II' : 'MM', 0, 'latin1');
      u16(42, 2);
      u32(8, 4);
      u16(2, 8);
      for (const [index, tag] of [256, 257].entries()) {
        const at = 10 + index * 12;
        u16(tag, at);
        u16(4, at + 2); // LONG
        u32(1, at + 4);
        u32(100_000, at + 8);
      }
      const outcome = await extractText(new Uint8Array(bomb), 'bomb.tiff');
      expect(outcome).toMatchObject({ ok: false, detectedType: 'tiff', failure: { code: 'too-large', reason: expect.stringMatching(/100,000 × 100,000 pixels/) } });
    }

    // The lossy WebP card with its frame size raised to the format's largest, 16,383 × 16,383.
    const webp = Buffer.from(fixture('card-scan.webp'));
    webp.writeUInt16LE(16_383, 26);
    webp.writeUInt16LE(16_383, 28);
    const outcome = await extractText(new Uint8Array(webp), 'bomb.webp');
    expect(outcome).toMatchObject({ ok: false, detectedType: 'webp', failure: { code: 'too-large', reason: expect.stringMatching(/16,383 × 16,383 pixels/) } });
  });

  it('names a cut-off WebP as damaged', async () => {
    const outcome = await extractText(fixture('card-scan.webp').subarray(0, 2000), 'cut.webp');
    expect(outcome).toMatchObject({ ok: false, detectedType: 'webp', failure: { code: 'corrupt' } });
  });
});
