// Image dimensions and EXIF orientation read from the file header, before anything is decoded:
// a 20 MB file can hold a picture of billions of pixels (a "pixel bomb") that would take the
// OCR thread's memory down, so the size is checked first.
import type { ImageFormat } from '../detect.ts';

export interface ImageHeader {
  width: number;
  height: number;
}

function pngHeader(view: Buffer): ImageHeader | null {
  // IHDR is always the first chunk: length (4), "IHDR" (4), width (4), height (4).
  if (view.length < 24 || view.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: view.readUInt32BE(16), height: view.readUInt32BE(20) };
}

/** JPEG markers that start a frame (SOF0–SOF15 except DHT 0xC4, JPG 0xC8 and DAC 0xCC). */
function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

function jpegHeader(view: Buffer): ImageHeader | null {
  let offset = 2;
  while (offset + 9 < view.length) {
    if (view[offset] !== 0xff) return null;
    const marker = view[offset + 1] ?? 0;
    // Fill bytes and markers without a length.
    if (marker === 0xff) {
      offset += 1;
      continue;
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      offset += 2;
      continue;
    }
    const length = view.readUInt16BE(offset + 2);
    if (isStartOfFrame(marker)) return { height: view.readUInt16BE(offset + 5), width: view.readUInt16BE(offset + 7) };
    if (length < 2) return null;
    offset += 2 + length;
  }
  return null;
}

function tiffHeader(view: Buffer): ImageHeader | null {
  const little = view.toString('latin1', 0, 2) === 'II';
  const u16 = (at: number) => (little ? view.readUInt16LE(at) : view.readUInt16BE(at));
  const u32 = (at: number) => (little ? view.readUInt32LE(at) : view.readUInt32BE(at));
  if (view.length < 8) return null;
  const ifd = u32(4);
  if (ifd + 2 > view.length) return null;
  const count = u16(ifd);
  let width = 0;
  let height = 0;
  for (let entry = 0; entry < count; entry++) {
    const at = ifd + 2 + entry * 12;
    if (at + 12 > view.length) return null;
    const tag = u16(at);
    const type = u16(at + 2);
    const value = type === 3 ? u16(at + 8) : u32(at + 8);
    if (tag === 256) width = value;
    if (tag === 257) height = value;
  }
  return width > 0 && height > 0 ? { width, height } : null;
}

function webpHeader(view: Buffer): ImageHeader | null {
  if (view.length < 30) return null;
  const chunk = view.toString('latin1', 12, 16);
  if (chunk === 'VP8 ') return { width: view.readUInt16LE(26) & 0x3fff, height: view.readUInt16LE(28) & 0x3fff };
  if (chunk === 'VP8L') {
    const bits = view.readUInt32LE(21);
    return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8X') return { width: view.readUIntLE(24, 3) + 1, height: view.readUIntLE(27, 3) + 1 };
  return null;
}

/** The picture's size from its header, or null when the header is broken. Nothing is decoded. */
export function readImageHeader(bytes: Uint8Array, format: ImageFormat): ImageHeader | null {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    switch (format) {
      case 'png':
        return pngHeader(view);
      case 'jpeg':
        return jpegHeader(view);
      case 'tiff':
        return tiffHeader(view);
      case 'webp':
        return webpHeader(view);
    }
  } catch {
    // A header cut short: reading past the end throws RangeError.
    return null;
  }
}

/** The EXIF orientation (1–8) of a JPEG, whatever the byte order of its EXIF block; 1 when it has none. */
export function jpegOrientation(bytes: Uint8Array): number {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 2;
  try {
    while (offset + 4 < view.length && view[offset] === 0xff) {
      const marker = view[offset + 1] ?? 0;
      if (marker === 0xda || marker === 0xd9) return 1; // image data starts: no EXIF came before it
      const length = view.readUInt16BE(offset + 2);
      if (marker === 0xe1 && view.toString('latin1', offset + 4, offset + 10) === 'Exif\0\0') {
        const tiff = offset + 10;
        const little = view.toString('latin1', tiff, tiff + 2) === 'II';
        const u16 = (at: number) => (little ? view.readUInt16LE(at) : view.readUInt16BE(at));
        const u32 = (at: number) => (little ? view.readUInt32LE(at) : view.readUInt32BE(at));
        const ifd = tiff + u32(tiff + 4);
        const count = u16(ifd);
        for (let entry = 0; entry < count; entry++) {
          const at = ifd + 2 + entry * 12;
          if (u16(at) === 0x0112) {
            const orientation = u16(at + 8);
            return orientation >= 1 && orientation <= 8 ? orientation : 1;
          }
        }
        return 1;
      }
      offset += 2 + length;
    }
  } catch {
    return 1;
  }
  return 1;
}

/**
 * The JPEG with its EXIF blocks replaced by one minimal big-endian block holding only the
 * orientation, right after the start marker. tesseract.js turns the picture upright only when it
 * finds the orientation written big-endian within the first 500 bytes; phones (and most cameras)
 * write EXIF little-endian, often after a large thumbnail.
 */
export function withPortableOrientation(bytes: Uint8Array, orientation: number): Uint8Array {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const kept: Buffer[] = [view.subarray(0, 2)];
  let offset = 2;
  while (offset + 4 < view.length && view[offset] === 0xff) {
    const marker = view[offset + 1] ?? 0;
    if (marker === 0xda) break;
    const length = view.readUInt16BE(offset + 2);
    const isExif = marker === 0xe1 && view.toString('latin1', offset + 4, offset + 10) === 'Exif\0\0';
    if (!isExif) kept.push(view.subarray(offset, offset + 2 + length));
    offset += 2 + length;
  }
  const tiff = Buffer.alloc(26);
  tiff.write('MM', 0, 'latin1');
  tiff.writeUInt16BE(42, 2);
  tiff.writeUInt32BE(8, 4); // IFD0 right after this header
  tiff.writeUInt16BE(1, 8); // one entry
  tiff.writeUInt16BE(0x0112, 10); // Orientation
  tiff.writeUInt16BE(3, 12); // SHORT
  tiff.writeUInt32BE(1, 14); // one value
  tiff.writeUInt16BE(orientation, 18);
  tiff.writeUInt32BE(0, 22); // no next IFD
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const segment = Buffer.alloc(4);
  segment.writeUInt16BE(0xffe1, 0);
  segment.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([kept[0] ?? Buffer.alloc(0), segment, payload, ...kept.slice(1), view.subarray(offset)]);
}
