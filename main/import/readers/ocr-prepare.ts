// Preparing a rendered page for OCR. Tesseract binarises the page with one global threshold
// (Otsu); on a scan whose paper is speckled and whose type is thin and light grey (a light font
// weight, grey body text), the speckles and the strokes fall on the same side of it and whole
// paragraphs vanish. Stretching the grey levels so that the paper, speckles and all, is white and
// the type is darker gives the threshold two clear groups to part.

import type { GreyImage } from '../pdf-text.ts';

/** Paper lighter than this is taken for paper. */
const MIN_PAPER_LEVEL = 160;
/** How far below the paper's grey level its speckles reach and still count as paper. */
const PAPER_SPREAD = 15;
/** Share of the page within the paper's spread: less, and the page is no light page with type on it (a photo, a dark design). */
const MIN_PAPER_SHARE = 0.3;

/** The commonest grey level among the light half of the pixels (the paper), or null when the page is not mostly light. */
function paperLevel(pixels: Uint8Array): number | null {
  const histogram = new Uint32Array(256);
  for (const value of pixels) histogram[value] = (histogram[value] ?? 0) + 1;
  let level = 128;
  for (let value = 128; value < 256; value++) if ((histogram[value] ?? 0) > (histogram[level] ?? 0)) level = value;
  let near = 0;
  for (let value = Math.max(0, level - PAPER_SPREAD); value < 256; value++) near += histogram[value] ?? 0;
  return level >= MIN_PAPER_LEVEL && near >= MIN_PAPER_SHARE * pixels.length ? level : null;
}

/**
 * The page with its grey levels stretched: the paper's level less its spread becomes white, half of
 * it becomes black, and the levels between are spread linearly over the whole range.
 */
export function stretchContrastForOcr(image: GreyImage): GreyImage {
  const paper = paperLevel(image.pixels);
  if (paper === null) return image;
  const white = paper - PAPER_SPREAD;
  const black = Math.round(paper / 2);
  const table = new Uint8Array(256);
  for (let value = 0; value < 256; value++) table[value] = Math.max(0, Math.min(255, Math.round(((value - black) / (white - black)) * 255)));
  const pixels = new Uint8Array(image.pixels.length);
  for (let index = 0; index < pixels.length; index++) pixels[index] = table[image.pixels[index] ?? 255] ?? 255;
  return { width: image.width, height: image.height, pixels };
}
