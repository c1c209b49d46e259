// Reading doubtful words (contact details, display type) again with the accurate model (main/import/readers/ocr-recheck.ts),
// and where the models are found (main/import/readers/ocr.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { languagePathCandidates, ocrModelFiles, packagedLanguagePath, type OcrBox, type OcrEngine, type OcrWord, type RecognizeOptions } from '../../main/import/readers/ocr.ts';
import {
  areasOfRenderedPage,
  betterReading,
  contactWordKind,
  isDoubtfulContactWord,
  isDoubtfulDisplayWord,
  MAX_RECHECKS_PER_PAGE,
  recheckArea,
  recheckDoubtfulWords,
  typicalWordHeight,
  type AreaReader,
} from '../../main/import/readers/ocr-recheck.ts';

const box = { left: 100, top: 40, width: 300, height: 20 };
const word = (text: string, confidence: number): OcrWord => ({ text, confidence, box });

describe('contact words the fast model may have misread', () => {
  it('tells e-mail addresses and phone numbers from other words', () => {
    expect(contactWordKind('jane.roe@example.com')).toBe('email');
    expect(contactWordKind('S&janeroe@gmail.com')).toBe('email');
    expect(contactWordKind('+1-647-975-9120')).toBe('phone');
    expect(contactWordKind('(512)555-O142')).toBe('phone');
    expect(contactWordKind('@')).toBeNull();
    expect(contactWordKind('2019')).toBeNull();
    expect(contactWordKind('linkedin.com/in/jane-roe-80b994219')).toBeNull();
  });

  it('reads again an unsure contact word, or one with the letters O, l or I among its digits', () => {
    expect(isDoubtfulContactWord(word('janeroe@gmail.com', 40))).toBe(true);
    expect(isDoubtfulContactWord(word('janeroe@gmail.com', 91))).toBe(false);
    expect(isDoubtfulContactWord(word('janeroeOO9@gmail.com', 91))).toBe(true);
    expect(isDoubtfulContactWord(word('555-O142-777', 95))).toBe(true);
    // A plain word the model was unsure of is not worth the accurate model's time.
    expect(isDoubtfulContactWord(word('Kubemetes', 30))).toBe(false);
  });

  it('reads the word with a margin of paper, never past the page edge', () => {
    expect(recheckArea(box)).toEqual({ left: 95, top: 34, width: 310, height: 32 });
    expect(recheckArea({ left: 2, top: 1, width: 50, height: 20 })).toEqual({ left: 0, top: 0, width: 57, height: 27 });
  });
});

describe('choosing between the fast and the accurate reading', () => {
  it('takes the accurate reading of the same kind when it is at least as sure', () => {
    expect(betterReading(word('S&janeroe@gmail.com', 0), [word('&', 21), word('jane.roe@gmail.com', 91)])?.text).toBe('jane.roe@gmail.com');
  });

  it('keeps the fast reading when the accurate one is less sure, the same, or of another kind', () => {
    expect(betterReading(word('jane.lindqvist@example.com', 76), [word('jane.', 96), word('lindgvist@example.com', 48)])).toBeNull();
    expect(betterReading(word('janeroe@gmail.com', 60), [word('janeroe@gmail.com', 90)])).toBeNull();
    expect(betterReading(word('+1-647-975-9120', 40), [word('Phone', 90)])).toBeNull();
    // An address cut short is no better than one with a doubtful letter.
    expect(betterReading(word('dd367@cornel1.edu', 40), [word('dd367@cornelledy', 66)])).toBeNull();
  });

  it('takes the accurate reading that settles digits the fast model read as letters, even a little less sure', () => {
    expect(betterReading(word('janeroeOO9@gmail.com', 88), [word('janeroe009@gmail.com', 86)])?.text).toBe('janeroe009@gmail.com');
    expect(betterReading(word('janeroeOO9@gmail.com', 88), [word('janeroeO09@gmail.com', 80)])).toBeNull();
  });
});

describe('reading a page’s doubtful words again', () => {
  /** Answers every re-reading from `answers` by call order and records the areas asked for. */
  function fakeReader(answers: OcrWord[][]) {
    const areas: OcrBox[] = [];
    const readArea: AreaReader = async (area) => {
      areas.push(area);
      return answers[areas.length - 1] ?? [];
    };
    return { readArea, areas };
  }

  it('reads only the doubtful words, e-mail first, and spells them anew where they stood whole', async () => {
    const phone = { ...word('+1-555-O1OO-42', 90), box: { left: 10, top: 40, width: 200, height: 20 } };
    const reading = {
      text: 'Jane Roe\n+1-555-O1OO-42 | janeroeOO9@gmail.com\nFooter janeroeOO9@gmail.com xjaneroeOO9@gmail.com',
      words: [word('Jane', 96), word('Roe', 95), phone, word('|', 30), word('janeroeOO9@gmail.com', 88)],
    };
    const { readArea, areas } = fakeReader([[word('janeroe009@gmail.com', 90)], [{ ...word('+1-555-0100-42', 92), box: phone.box }]]);
    const result = await recheckDoubtfulWords(readArea, reading);
    expect(areas).toEqual([recheckArea(box), recheckArea(phone.box)]);
    expect(result.text).toBe('Jane Roe\n+1-555-0100-42 | janeroe009@gmail.com\nFooter janeroe009@gmail.com xjaneroeOO9@gmail.com');
    expect(result.words.map((each) => each.text)).toEqual(['Jane', 'Roe', '+1-555-0100-42', '|', 'janeroe009@gmail.com']);
  });

  it('takes the word read where the doubtful one stood, not a neighbour caught in the margin', async () => {
    const reading = { text: 'call 5551234567', words: [word('call', 95), { ...word('5551234567', 20), box: { left: 300, top: 40, width: 200, height: 20 } }] };
    const neighbour = { ...word('15551234567', 90), box: { left: 100, top: 40, width: 150, height: 20 } };
    const { readArea } = fakeReader([[neighbour]]);
    expect((await recheckDoubtfulWords(readArea, reading)).text).toBe('call 5551234567');
  });

  it('reads again a word in display type the fast model was unsure of (a name), not body text', async () => {
    const big = (text: string, confidence: number): OcrWord => ({ text, confidence, box: { left: 100, top: 10, width: 300, height: 80 } });
    const body = Array.from({ length: 5 }, (_, index) => word(`word${index}`, 40));
    const reading = { text: 'Uebarghya Das\nword0 word1 word2 word3 word4', words: [big('Uebarghya', 9), big('Das', 96), ...body] };
    const { readArea, areas } = fakeReader([[big('Debarghya', 40)]]);
    const result = await recheckDoubtfulWords(readArea, reading);
    expect(areas).toHaveLength(1);
    expect(result.text).toBe('Debarghya Das\nword0 word1 word2 word3 word4');
    expect(typicalWordHeight(reading.words)).toBe(20);
    expect(isDoubtfulDisplayWord(big('Uebarghya', 9), 20)).toBe(true);
    expect(isDoubtfulDisplayWord(big('Uebarghya', 90), 20)).toBe(false);
    expect(isDoubtfulDisplayWord(word('Uebarghya', 9), 20)).toBe(false);
  });

  it('leaves a page with no doubtful word as it was, without reading again', async () => {
    const reading = { text: 'Jane Roe jane@example.com', words: [word('Jane', 96), word('Roe', 95), word('jane@example.com', 93)] };
    const { readArea, areas } = fakeReader([]);
    expect(await recheckDoubtfulWords(readArea, reading)).toBe(reading);
    expect(areas).toEqual([]);
  });

  it('reads again at most a handful of words on one page', async () => {
    const numbers = Array.from({ length: MAX_RECHECKS_PER_PAGE + 3 }, (_, index) => word(`555-01${index}O-77`, 50));
    const { readArea, areas } = fakeReader([]);
    await recheckDoubtfulWords(readArea, { text: numbers.map((each) => each.text).join(' '), words: numbers });
    expect(areas).toHaveLength(MAX_RECHECKS_PER_PAGE);
  });
});

describe('areas of a rendered page', () => {
  it('sends the accurate model only the strip of the page, clipped at its edges, and gives boxes in page pixels', async () => {
    const page = { width: 10, height: 6, pixels: Uint8Array.from({ length: 60 }, (_, index) => index) };
    const calls: Array<{ image: Uint8Array; options: RecognizeOptions | undefined }> = [];
    const engine: OcrEngine = {
      async recognize(image, options) {
        calls.push({ image, options });
        return { text: 'x', words: [{ text: 'x', confidence: 90, box: { left: 1, top: 0, width: 2, height: 2 } }] };
      },
      async close() {},
    };
    const words = await areasOfRenderedPage(engine, page)({ left: 7, top: 4, width: 5, height: 5 });
    expect(calls[0]?.options).toEqual({ model: 'accurate', area: { left: 0, top: 0, width: 3, height: 2 } });
    const header = new TextEncoder().encode('P5\n3 2\n255\n');
    expect([...(calls[0]?.image.subarray(header.length) ?? [])]).toEqual([47, 48, 49, 57, 58, 59]);
    expect(words[0]?.box).toEqual({ left: 8, top: 4, width: 2, height: 2 });
    expect(await areasOfRenderedPage(engine, page)({ left: 12, top: 0, width: 5, height: 5 })).toEqual([]);
  });
});

describe('where the English models are', () => {
  it('finds both models, gzipped, in the repository’s resources/ocr when run from source', () => {
    const folder = packagedLanguagePath();
    expect(folder).toBe(join(process.cwd(), 'resources', 'ocr'));
    for (const name of Object.values(ocrModelFiles)) {
      const bytes = readFileSync(join(folder, `${name}.traineddata.gz`));
      expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]);
    }
  });

  it('looks beside app.asar in a packaged app, first in Electron’s resources folder when the thread knows it', () => {
    const bundled = pathToFileURL('/opt/Shipped/resources/app.asar/out/main/chunks/scanned-1a2b.js').href;
    expect(languagePathCandidates(bundled, undefined)[0]).toBe('/opt/Shipped/resources/ocr');
    expect(languagePathCandidates(bundled, '/Applications/Shipped.app/Contents/Resources')[0]).toBe('/Applications/Shipped.app/Contents/Resources/ocr');
    // A development bundle (out/main/) finds the repository's folder.
    expect(languagePathCandidates(pathToFileURL('/src/shipped/out/main/index.js').href, undefined)).toContain('/src/shipped/resources/ocr');
  });
});
