// File type detection from the content (magic bytes), never from the extension:
// recruiters' folders are full of renamed, mislabelled and exported files.
import { failures, type FailureInfo } from './failures.ts';

export type ImageFormat = 'png' | 'jpeg' | 'tiff' | 'webp';

export type Detected =
  | { kind: 'pdf' }
  | { kind: 'docx' }
  | { kind: 'doc' }
  | { kind: 'rtf' }
  | { kind: 'odt' }
  | { kind: 'image'; format: ImageFormat }
  | { kind: 'text'; text: string; label: 'txt' | 'md' }
  | { kind: 'unsupported'; label: string; failure: FailureInfo };

const latin = new TextDecoder('latin1');

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((value, index) => bytes[offset + index] === value);
}

function ascii(bytes: Uint8Array, start: number, end: number): string {
  return latin.decode(bytes.subarray(start, Math.min(end, bytes.length)));
}

/** Searches raw bytes for an ASCII (or UTF-16LE) marker; zip entry names and OLE2 stream names are stored uncompressed. */
function contains(bytes: Uint8Array, marker: string, isUtf16 = false): boolean {
  const pattern = isUtf16 ? Buffer.from(marker, 'utf16le') : Buffer.from(marker, 'latin1');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(pattern) !== -1;
}

const readableFormats = 'PDF, Word (.docx, .doc), RTF, OpenDocument text (.odt), plain text and images (PNG, JPEG, TIFF, WebP)';

const unsupported = (label: string, what: string): Detected => ({ kind: 'unsupported', label, failure: failures.unsupported(what) });

const unreadableImage = (format: string): Detected =>
  unsupported('image', `This is ${format} image; Shipped reads text from PNG, JPEG, TIFF and WebP images. Ask for a PDF or one of those.`);

function detectZip(bytes: Uint8Array): Detected {
  if (contains(bytes, 'word/document.xml')) return { kind: 'docx' };
  if (contains(bytes, 'xl/workbook.xml')) {
    return unsupported('xlsx', `This is an Excel spreadsheet, not a resume document. Shipped reads ${readableFormats}.`);
  }
  if (contains(bytes, 'ppt/presentation.xml')) {
    return unsupported('pptx', `This is a PowerPoint presentation. Shipped reads ${readableFormats}; export it as PDF.`);
  }
  // The `mimetype` entry comes first and uncompressed in every OpenDocument file.
  if (contains(bytes, 'application/vnd.oasis.opendocument.text')) return { kind: 'odt' };
  if (contains(bytes, 'application/vnd.oasis.opendocument')) {
    return unsupported('odf', 'This is an OpenDocument spreadsheet, presentation or drawing, not a text document. Export it as PDF, then import that.');
  }
  return unsupported('zip', 'This is a zip archive (or another packed file), not a Word document. Unzip it and import the files inside.');
}

function detectOle2(bytes: Uint8Array): Detected {
  // Password-protected .docx files are wrapped in an OLE2 container with an "EncryptedPackage" stream.
  if (contains(bytes, 'EncryptedPackage', true)) return { kind: 'unsupported', label: 'docx', failure: failures.encryptedDocx() };
  if (contains(bytes, 'WordDocument', true) || contains(bytes, 'WordDocument')) return { kind: 'doc' };
  return unsupported(
    'ole2',
    'This is an old Microsoft Office file (Excel or PowerPoint 97–2003 era), not a Word document. Open it and save it as PDF, then import that.',
  );
}

/** Share of control characters (other than tab, newline, carriage return, form feed) among the first bytes. */
function controlRatio(bytes: Uint8Array): number {
  const sample = Math.min(bytes.length, 64 * 1024);
  let controls = 0;
  for (let index = 0; index < sample; index += 1) {
    const byte = bytes[index] ?? 0;
    if ((byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) || byte === 0x7f) controls += 1;
  }
  return sample === 0 ? 0 : controls / sample;
}

function decodeText(bytes: Uint8Array): string | null {
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (bytes.includes(0)) return null;
  if (controlRatio(bytes) > 0.01) return null;
  try {
    // `ignoreBOM: false` drops a UTF-8 byte order mark.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Not UTF-8 but free of NULs and control codes: an old Windows text file. windows-1252 maps every byte.
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

// Plain text has no magic bytes: a spreadsheet export or a config file decodes as text as well as a
// resume does. For text content, these extensions say the file is data or code, not a resume.
const dataFileKinds: Record<string, string> = {
  csv: 'a CSV table',
  tsv: 'a TSV table',
  json: 'a JSON data file',
  xml: 'an XML data file',
  yaml: 'a YAML file',
  yml: 'a YAML file',
  toml: 'a TOML file',
  ini: 'a settings file',
  cfg: 'a settings file',
  log: 'a log file',
  sql: 'a SQL script',
  sh: 'a shell script',
  js: 'source code',
  ts: 'source code',
  py: 'source code',
};

function detectTextKind(text: string, fileName: string): Detected {
  if (/^\s*<(?:!doctype html|html[\s>])/i.test(text.slice(0, 512))) {
    return unsupported('html', 'This is a web page (HTML). Open it in a browser and print it to PDF, then import that.');
  }
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const dataKind = dataFileKinds[extension];
  if (dataKind !== undefined) {
    return unsupported(extension, `This is ${dataKind}, not a resume. Shipped reads ${readableFormats}.`);
  }
  return { kind: 'text', text, label: extension === 'md' || extension === 'markdown' ? 'md' : 'txt' };
}

/** The image formats Shipped reads by OCR, from their first bytes; cheap enough for the main thread. */
export function ocrImageFormat(bytes: Uint8Array): ImageFormat | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'webp';
  return null;
}

export function detectType(bytes: Uint8Array, fileName: string): Detected {
  // PDF readers accept up to 1 KB of junk before the header; so do we.
  if (ascii(bytes, 0, 1024).includes('%PDF-')) return { kind: 'pdf' };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return detectZip(bytes);
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return detectOle2(bytes);
  if (ascii(bytes, 0, 5) === '{\\rtf') return { kind: 'rtf' };
  const imageFormat = ocrImageFormat(bytes);
  if (imageFormat) return { kind: 'image', format: imageFormat };
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return unreadableImage('a GIF');
  if (ascii(bytes, 4, 8) === 'ftyp') {
    const brand = ascii(bytes, 8, 12);
    // No maintained pure-JavaScript HEIC decoder exists; iPhones export JPEG when sharing ("Most Compatible").
    if (['heic', 'heix', 'hevc', 'heim', 'heis', 'mif1', 'msf1', 'avif'].includes(brand)) {
      return unsupported('image', 'This is a HEIC (iPhone) photo, which Shipped cannot decode. Ask for it as JPEG or PDF (on the iPhone: Settings → Camera → Formats → Most Compatible).');
    }
    return unsupported('video', `This is a video or audio file, not a resume. Shipped reads ${readableFormats}.`);
  }

  const text = decodeText(bytes);
  if (text !== null) return detectTextKind(text, fileName);
  return unsupported(
    'binary',
    'This is not a document Shipped can read (it is binary data, not PDF, Word .docx or plain text).',
  );
}
