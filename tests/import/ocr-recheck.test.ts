// Reading doubtful contact words again with the accurate model (main/import/readers/ocr-recheck.ts),
// and where the models are found (main/import/readers/ocr.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { languagePathCandidates, ocrModelFiles, packagedLanguagePath, type OcrEngine, type OcrWord, type RecognizeOptions } from '../../main/import/readers/ocr.ts';
import {
  betterReading,
  contactWordKind,
  isDoubtfulContactWord,
  MAX_RECHECKS_PER_PAGE,
  recheckArea,
  recheckContactWords,
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

describe('reading a page’s doubtful contact words again', () => {
  /** An engine that answers every accurate re-reading from `answers` by call order and records the calls. */
  function fakeEngine(answers: OcrWord[][]) {
    const calls: RecognizeOptions[] = [];
    const engine: OcrEngine = {
      async recognize(_image, options = {}) {
        calls.push(options);
        const words = answers[calls.length - 1] ?? [];
        return { text: words.map((each) => each.text).join(' '), words };
      },
      async close() {},
    };
    return { engine, calls };
  }

  it('reads only the doubtful words, e-mail first, with the accurate model, and spells them anew in the text', async () => {
    const reading = {
      text: 'Jane Roe\n+1-555-O1OO-42 | janeroeOO9@gmail.com\nFooter janeroeOO9@gmail.com',
      words: [word('Jane', 96), word('Roe', 95), word('+1-555-O1OO-42', 90), word('|', 30), word('janeroeOO9@gmail.com', 88)],
    };
    const { engine, calls } = fakeEngine([[word('janeroe009@gmail.com', 90)], [word('+1-555-0100-42', 92)]]);
    const result = await recheckContactWords(engine, new Uint8Array(), reading);
    expect(calls).toEqual([
      { model: 'accurate', area: recheckArea(box) },
      { model: 'accurate', area: recheckArea(box) },
    ]);
    expect(result.text).toBe('Jane Roe\n+1-555-0100-42 | janeroe009@gmail.com\nFooter janeroe009@gmail.com');
    expect(result.words.map((each) => each.text)).toEqual(['Jane', 'Roe', '+1-555-0100-42', '|', 'janeroe009@gmail.com']);
  });

  it('leaves a page with no doubtful contact word as it was, without reading again', async () => {
    const reading = { text: 'Jane Roe jane@example.com', words: [word('Jane', 96), word('Roe', 95), word('jane@example.com', 93)] };
    const { engine, calls } = fakeEngine([]);
    expect(await recheckContactWords(engine, new Uint8Array(), reading)).toBe(reading);
    expect(calls).toEqual([]);
  });

  it('reads again at most a handful of words on one page', async () => {
    const numbers = Array.from({ length: MAX_RECHECKS_PER_PAGE + 3 }, (_, index) => word(`555-01${index}O-77`, 50));
    const { engine, calls } = fakeEngine([]);
    await recheckContactWords(engine, new Uint8Array(), { text: numbers.map((each) => each.text).join(' '), words: numbers });
    expect(calls).toHaveLength(MAX_RECHECKS_PER_PAGE);
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
