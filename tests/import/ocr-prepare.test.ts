// Preparing a rendered page for OCR: grey levels stretched so speckled paper is white and light type dark.
import { describe, expect, it } from 'vitest';
import { stretchContrastForOcr } from '../../main/import/readers/ocr-prepare.ts';

/** A page of `paper` grey with speckles of ±`speckle`, and a stroke of `ink` grey in its first row. */
function page(paper: number, speckle: number, ink: number) {
  const width = 100;
  // Most of the paper at its own level, a fifth a little darker and a fifth a little lighter.
  const pixels = new Uint8Array(width * 20).map((_, index) => (index % 5 === 0 ? paper - speckle : index % 5 === 1 ? Math.min(255, paper + speckle) : paper));
  pixels.fill(ink, 0, 40);
  return { width, height: 20, pixels };
}

describe('stretching contrast before OCR', () => {
  it('turns speckled paper white and light grey type darker', () => {
    const stretched = stretchContrastForOcr(page(240, 10, 180));
    expect(new Set(stretched.pixels.subarray(100))).toEqual(new Set([255]));
    expect(stretched.pixels[0]).toBeLessThan(170);
    expect(stretched.width).toBe(100);
  });

  it('keeps black type black and follows paper that is greyer than white', () => {
    const stretched = stretchContrastForOcr(page(200, 5, 30));
    expect(stretched.pixels[0]).toBe(0);
    expect(new Set(stretched.pixels.subarray(100))).toEqual(new Set([255]));
  });

  it('leaves a dark page (a photo, a dark design with light type) as it was', () => {
    const dark = page(90, 5, 230);
    expect(stretchContrastForOcr(dark)).toBe(dark);
  });
});

describe('reading a page again with its contrast stretched', () => {
  /** An engine that answers with the given confidence per call and records the images it was given. */
  function fakeEngine(confidences: number[]) {
    const images: Uint8Array[] = [];
    const engine = {
      async recognize(image: Uint8Array) {
        images.push(image);
        const confidence = confidences[images.length - 1] ?? 0;
        return { text: `reading ${images.length}`, words: [{ text: 'word', confidence, box: { left: 0, top: 0, width: 10, height: 10 } }] };
      },
      async close() {},
    };
    return { engine, images };
  }

  it('reads an unsure page once more, stretched, and keeps the surer reading', async () => {
    const { recognizePage } = await import('../../main/import/readers/scanned.ts');
    const { engine, images } = fakeEngine([55, 88]);
    const result = await recognizePage(engine, page(240, 10, 180));
    expect(result.text).toBe('reading 2');
    expect(images).toHaveLength(2);
    expect(images[1]).not.toEqual(images[0]);
    // The second reading is no surer: the first is kept.
    expect((await recognizePage(fakeEngine([55, 40]).engine, page(240, 10, 180))).text).toBe('reading 1');
  });

  it('reads a page it is sure of, or a dark page, once', async () => {
    const { recognizePage } = await import('../../main/import/readers/scanned.ts');
    const sure = fakeEngine([92, 99]);
    expect((await recognizePage(sure.engine, page(240, 10, 180))).text).toBe('reading 1');
    expect(sure.images).toHaveLength(1);
    const dark = fakeEngine([50, 99]);
    await recognizePage(dark.engine, page(90, 5, 230));
    expect(dark.images).toHaveLength(1);
  });
});
