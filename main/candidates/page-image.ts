// A page of an imported resume as a picture, so a recruiter can check by eye what OCR read
// (the contact details above all). Read from the file where it was imported; nothing is stored.
import { readFile } from 'node:fs/promises';
import type { PageImage } from '../../contract/types.ts';
import { UserFacingError } from '../api/errors.ts';
import { pdfPageCount, renderPdfPage } from '../import/pdf-text.ts';
import { encodeGreyPng } from '../import/readers/png.ts';

/** Enough to read an e-mail address on a letter page, small enough to send to the screen quickly. */
const PREVIEW_DPI = 110;
const PREVIEW_MAX_PIXELS = 4_000_000;

const browserImageTypes: Record<string, string> = { png: 'image/png', jpeg: 'image/jpeg', webp: 'image/webp' };

export async function pageImage(source: { path: string; detectedType: string }, page: number): Promise<PageImage> {
  let bytes: Buffer;
  try {
    bytes = await readFile(source.path);
  } catch {
    throw new UserFacingError(`The file is no longer at ${source.path}, so Shipped cannot show its pages.`);
  }
  const mime = browserImageTypes[source.detectedType];
  if (mime) {
    if (page !== 1) throw new UserFacingError('An image has one page.');
    return { dataUrl: `data:${mime};base64,${bytes.toString('base64')}`, page: 1, pageCount: 1 };
  }
  if (source.detectedType !== 'pdf') {
    throw new UserFacingError(`Shipped shows the pages of PDFs and PNG, JPEG and WebP images; this file is ${source.detectedType.toUpperCase()}. Open it to check it.`);
  }
  const data = new Uint8Array(bytes);
  const pageCount = await pdfPageCount(data);
  if (pageCount === null) throw new UserFacingError('Shipped could not open this PDF to show its pages.');
  if (page > pageCount) throw new UserFacingError(`The PDF has ${pageCount} ${pageCount === 1 ? 'page' : 'pages'}; there is no page ${page}.`);
  const image = await renderPdfPage(data, page - 1, PREVIEW_DPI, PREVIEW_MAX_PIXELS);
  if (!image) throw new UserFacingError(`Shipped could not draw page ${page} of this PDF.`);
  return { dataUrl: `data:image/png;base64,${encodeGreyPng(image).toString('base64')}`, page, pageCount };
}
