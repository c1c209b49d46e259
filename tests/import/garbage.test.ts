import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractText } from '../../main/import/extract.ts';
import { corpusFolder, requireCorpus, runsCorpusSuites } from './corpus-folder.ts';
import { judgeTextLayer, repairLatin1Mojibake } from '../../main/import/readers/garbage.ts';
import { countLetters } from '../../main/import/letters.ts';

const english =
  'Senior MLOps engineer with eight years of experience building data pipelines and model serving platforms for ' +
  'production systems. Led the team that designed the deployment process and the monitoring of all models.';

describe('judging a text layer', () => {
  it('accepts English, accented European text and properly encoded Cyrillic', () => {
    expect(judgeTextLayer(english).problem).toBeNull();
    expect(judgeTextLayer('Ingénieure MLOps à Genève. Expérience: déploiement de modèles, équipe données, université de Zürich. '.repeat(3)).problem).toBeNull();
    expect(judgeTextLayer('Ведущий разработчик с опытом в разработке программного обеспечения и системной архитектуре. '.repeat(3)).problem).toBeNull();
  });

  it('names private-use glyphs, unmapped glyphs, Latin-1 mojibake and letter salad', () => {
    expect(judgeTextLayer('\ue001\ue002\ue003 '.repeat(40)).problem).toMatch(/private-use characters/);
    expect(judgeTextLayer('\ufffd\ufffd\ufffd '.repeat(40)).problem).toMatch(/unmapped glyphs/);
    expect(judgeTextLayer('Âåäóùèé ðàçðàáîò÷èê ñ îïûòîì â ðàçðàáîòêå ïðîãðàììíîãî îáåñïå÷åíèÿ. '.repeat(3)).problem).toMatch(/Latin-1 mojibake/);
    // A font whose glyphs map one letter to the next: "Tfojps NMPqt fohjoffs…".
    const shifted = english.replace(/[a-z]/g, (char) => String.fromCharCode(((char.charCodeAt(0) - 97 + 1) % 26) + 97));
    expect(judgeTextLayer(shifted).problem).toMatch(/no dictionary words/);
  });

  it('counts letters of every script by code point, and nothing else', () => {
    expect(countLetters('MLOps, 8 yrs!')).toBe(8);
    expect(countLetters('Zürich Ведущий')).toBe(13);
    // An astral letter (mathematical bold A) is one letter; private-use glyphs and digits are none.
    expect(countLetters('\u{1D400}b \ue001 42')).toBe(2);
    expect(countLetters('')).toBe(0);
  });

  it('leaves short texts alone: too little to judge', () => {
    expect(judgeTextLayer('\ue001\ue002 Xqz').problem).toBeNull();
  });

  it('decodes Cyrillic shown as Latin-1 again, and declines other mojibake', () => {
    expect(repairLatin1Mojibake('Òåëåôîí: +7 911 Ïî÷òà')).toBe('Телефон: +7 911 Почта');
    expect(repairLatin1Mojibake('Ã©tÃ© Ã  Paris')).toBeNull();
  });
});

// The one resume of the shared corpus whose fonts map Windows-1251 bytes to Latin-1 letters.
const mojibakeResume = join(corpusFolder, '036-alexey-belyakov-ru.pdf');

describe.runIf(runsCorpusSuites)('the mojibake resume of the corpus', () => {
  requireCorpus();
  it('is read as Cyrillic, with a note saying why', async () => {
    const outcome = await extractText(new Uint8Array(readFileSync(mojibakeResume)), '036.pdf');
    if (!outcome.ok) throw new Error(outcome.failure.reason);
    expect(outcome.text).toMatch(/Телефон:\s+\+7/);
    expect(outcome.text).not.toMatch(/Òåëåôîí/);
    expect(outcome.reading).toMatchObject({ reader: 'pdf-text', ocrPages: 0, note: expect.stringMatching(/Cyrillic shown as Latin-1/) });
  });
});
