import { describe, expect, it } from 'vitest';
import { detectType } from '../../main/import/detect.ts';
import { normaliseText } from '../../main/import/normalise.ts';
import { makeLegacyDoc, makePlainZip, pngBytes } from './fixtures.ts';

const bytes = (value: string | number[]) => new Uint8Array(typeof value === 'string' ? Buffer.from(value) : value);

describe('detectType (by content, never by extension)', () => {
  it('recognises documents whatever their names', () => {
    expect(detectType(bytes('%PDF-1.7\n...'), 'resume.txt').kind).toBe('pdf');
    expect(detectType(bytes('junk before header %PDF-1.4'), 'x').kind).toBe('pdf');
    expect(detectType(bytes('PK\u0003\u0004....word/document.xml....'), 'resume.zip').kind).toBe('docx');
    expect(detectType(bytes('Plain résumé text'), 'resume.pdf')).toEqual({ kind: 'text', text: 'Plain résumé text', label: 'txt' });
    expect(detectType(bytes('# Heading'), 'cv.md')).toMatchObject({ kind: 'text', label: 'md' });
    expect(detectType(makeLegacyDoc(), 'resume.pdf')).toEqual({ kind: 'doc' });
    expect(detectType(bytes('{\\rtf1\\ansi hello}'), 'resume.txt')).toEqual({ kind: 'rtf' });
    expect(detectType(bytes('PK\u0003\u0004....mimetypeapplication/vnd.oasis.opendocument.text'), 'cv.zip')).toEqual({ kind: 'odt' });
  });

  it('recognises the images it reads by OCR from their signatures', () => {
    expect(detectType(pngBytes, 'resume.pdf')).toEqual({ kind: 'image', format: 'png' });
    expect(detectType(bytes([0xff, 0xd8, 0xff, 0xe1]), 'x')).toEqual({ kind: 'image', format: 'jpeg' });
    expect(detectType(bytes([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0]), 'x')).toEqual({ kind: 'image', format: 'tiff' });
    expect(detectType(bytes([0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8]), 'x')).toEqual({ kind: 'image', format: 'tiff' });
    expect(detectType(bytes('RIFF\u0000\u0000\u0000\u0000WEBPVP8 '), 'x')).toEqual({ kind: 'image', format: 'webp' });
  });

  it('decodes UTF-16 with a byte order mark, UTF-8 with a BOM, and old Windows text', () => {
    const utf16le = new Uint8Array([0xff, 0xfe, ...Buffer.from('Zoë Park', 'utf16le')]);
    expect(detectType(utf16le, 'a.txt')).toMatchObject({ kind: 'text', text: 'Zoë Park' });
    const utf16be = new Uint8Array([0xfe, 0xff, ...Buffer.from('Zoë', 'utf16le').swap16()]);
    expect(detectType(utf16be, 'a.txt')).toMatchObject({ kind: 'text', text: 'Zoë' });
    expect(detectType(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]), 'a.txt')).toMatchObject({ kind: 'text', text: 'A' });
    expect(detectType(bytes([0x63, 0x61, 0x66, 0xe9]), 'a.txt')).toMatchObject({ kind: 'text', text: 'café' });
  });

  it('names what it cannot read', () => {
    const reasonOf = (input: Uint8Array) => {
      const detected = detectType(input, 'resume.pdf');
      return detected.kind === 'unsupported' ? `${detected.failure.code}: ${detected.failure.reason}` : detected.kind;
    };
    expect(reasonOf(bytes('GIF89a....'))).toMatch(/^unsupported-type: This is a GIF image; Shipped reads text from PNG, JPEG, TIFF and WebP images/);
    expect(reasonOf(bytes([0, 0, 0, 0x18, ...Buffer.from('ftypheic')]))).toMatch(/HEIC \(iPhone\) photo, which Shipped cannot decode/);
    expect(reasonOf(bytes('PK\u0003\u0004 mimetypeapplication/vnd.oasis.opendocument.spreadsheet'))).toMatch(/OpenDocument/);
    expect(reasonOf(makePlainZip())).toMatch(/zip archive/);
    expect(reasonOf(bytes('PK\u0003\u0004 xl/workbook.xml'))).toMatch(/Excel/);
    expect(reasonOf(bytes([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0]))).toMatch(/binary data/);
    const encryptedDocx = makeLegacyDoc();
    Buffer.from('EncryptedPackage', 'utf16le').copy(encryptedDocx, 1200);
    expect(reasonOf(encryptedDocx)).toMatch(/^encrypted: The Word document is password-protected/);
  });

  it('turns away text that is a web page, a table or code rather than a resume', () => {
    const reasonFor = (text: string, fileName: string) => {
      const detected = detectType(bytes(text), fileName);
      return detected.kind === 'unsupported' ? `${detected.failure.code}: ${detected.failure.reason}` : detected.kind;
    };
    expect(reasonFor('<!DOCTYPE html><html><body>Jane</body></html>', 'resume.txt')).toMatch(/^unsupported-type: This is a web page \(HTML\)/);
    expect(reasonFor('file\trepo\tpath\n', 'MANIFEST.tsv')).toMatch(/^unsupported-type: This is a TSV table, not a resume/);
    expect(reasonFor('name,email\nJane,j@example.com\n', 'export.CSV')).toMatch(/CSV table/);
    expect(reasonFor('{"name": "Jane"}', 'candidate.json')).toMatch(/JSON data file/);
    expect(reasonFor('Jane Doe\nMLOps engineer', 'jane-doe')).toBe('text');
    expect(reasonFor('Jane Doe\nMLOps engineer', 'jane.resume.txt')).toBe('text');
  });
});

describe('normaliseText', () => {
  it('normalises line endings, page markers, invisible characters, trailing spaces and blank runs', () => {
    const raw = '\n\nJane Doe  \r\nMLOps\u200b Engineer\u0000\r\n\n-- 1 of 2 --\n\n\n\n\n\nKubernetes\t\n-- 2 of 2 --\n\n';
    expect(normaliseText(raw)).toBe('Jane Doe\nMLOps Engineer\n\n\nKubernetes');
  });

  it('keeps text that merely mentions pages', () => {
    expect(normaliseText('Wrote -- 1 of 2 -- guides\nLine')).toBe('Wrote -- 1 of 2 -- guides\nLine');
  });
});

describe('normaliseText: invisible formatting', () => {
  it('removes a right-to-left override, so the text reads as written, not reversed', () => {
    // "Senior \u202Eenigne\u202C" displays as "Senior engine"; stored, it is the letters as typed.
    expect(normaliseText('Title: \u202Ereenigne SPOLM\u202C')).toBe('Title: reenigne SPOLM');
    expect(normaliseText('Email jane@example.com\u202E moc.live@')).toBe('Email jane@example.com moc.live@');
  });

  it('removes every bidi control: embeddings, overrides, isolates, LRM, RLM and the Arabic letter mark', () => {
    const controls = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c'];
    for (const control of controls) expect([control.codePointAt(0), normaliseText(`Kube${control}rnetes`)]).toEqual([control.codePointAt(0), 'Kubernetes']);
  });

  it('removes zero-width and other invisible characters that split words, and control characters', () => {
    expect(normaliseText('Kuber\u200bnetes Ter\u2060raform Air\u00adflow \ufeffMLflow Ray\u2063 Helm\u206a')).toBe('Kubernetes Terraform Airflow MLflow Ray Helm');
    expect(normaliseText('Kuber\u200dnetes Py\u200cTorch')).toBe('Kubernetes PyTorch');
    expect(normaliseText('Jane\u001b]0;owned\u0007 Doe\u009b31m\u007f')).toBe('Jane]0;owned Doe31m');
    expect(normaliseText('Page one\fPage two\vEnd\u2028Last')).toBe('Page one\nPage two\nEnd\nLast');
    expect(normaliseText('Ship\u{E0069}\u{E0074} it')).toBe('Ship it');
  });

  it('keeps joiners where they mean something: emoji sequences and joining or Indic scripts', () => {
    const womanTechnologist = '\u{1F469}\u200d\u{1F4BB}';
    const rainbowFlag = '\u{1F3F3}\ufe0f\u200d\u{1F308}';
    const englandFlag = '\u{1F3F4}\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}';
    const hindiKshatriya = '\u0915\u094d\u200d\u0937'; // Devanagari half-form via ZWJ
    const persianMiKonam = '\u0645\u06cc\u200c\u06a9\u0646\u0645'; // ZWNJ inside a Persian word
    const text = `Team ${womanTechnologist} ${rainbowFlag} ${englandFlag} ${hindiKshatriya} ${persianMiKonam} تعلم الآلة`;
    expect(normaliseText(text)).toBe(text);
  });
});
