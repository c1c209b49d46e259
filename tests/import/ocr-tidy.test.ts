// The clean-up of OCR text: each rule on the misreading it undoes, and on text it must leave alone.
import { describe, expect, it } from 'vitest';
import { tidyOcrText } from '../../main/import/readers/ocr-tidy.ts';

describe('e-mail addresses as OCR reads them', () => {
  it('joins a loose "@" and spells an address part like the name above it when one confusable letter differs', () => {
    expect(tidyOcrText('Maya Lindqvist\nDenver, CO\nmaya.lindgvist @example.com')).toBe('Maya Lindqvist\nDenver, CO\nmaya.lindqvist@example.com');
    // Two letters off, or letters OCR does not confuse: left as read.
    expect(tidyOcrText('Maya Lindqvist\nmaya.lindgvisk@example.com')).toBe('Maya Lindqvist\nmaya.lindgvisk@example.com');
    expect(tidyOcrText('Maya Lindqvist\nmaya.lindzvist@example.com')).toBe('Maya Lindqvist\nmaya.lindzvist@example.com');
  });

  it('puts back the dot of a domain read loose or as a space', () => {
    expect(tidyOcrText('(408)-470-0249 | jane7@gmail com | site')).toBe('(408)-470-0249 | jane7@gmail.com | site');
    expect(tidyOcrText('jane.doe @example .com')).toBe('jane.doe@example.com');
    expect(tidyOcrText('jane@mail.example .co')).toBe('jane@mail.example.co');
    expect(tidyOcrText('jane@fb.con | 607.379.5733')).toBe('jane@fb.com | 607.379.5733');
    expect(tidyOcrText('jane@example.corn')).toBe('jane@example.com');
  });

  it('leaves a job written with "@" and words that are no domain ending as they are', () => {
    expect(tidyOcrText('ML Engineer @ Acme in Berlin')).toBe('ML Engineer @ Acme in Berlin');
    expect(tidyOcrText('Data Engineer @ Scotiabank — Toronto, CA')).toBe('Data Engineer @ Scotiabank — Toronto, CA');
    expect(tidyOcrText('write to jane@example and more')).toBe('write to jane@example and more');
  });

  it('puts back an "@" read as a space or a letter before a webmail domain on a contact line', () => {
    expect(tidyOcrText('janeroe98 gmail.com | github.com/jane | linkedin.com/in/jane')).toBe('janeroe98@gmail.com | github.com/jane | linkedin.com/in/jane');
    expect(tidyOcrText('+1 415 555 0134 • jane.roeGgmail.com')).toBe('+1 415 555 0134 • jane.roe@gmail.com');
    // Not on a line without contact details, nor beside an address already there.
    expect(tidyOcrText('We migrated mail to gmail.com last year')).toBe('We migrated mail to gmail.com last year');
    expect(tidyOcrText('jane@example.com | backup gmail.com')).toBe('jane@example.com | backup gmail.com');
  });

  it('joins a name word to the address it was cut from when the dot was read as a space', () => {
    expect(tidyOcrText('Jane Roe Smith\nBerlin, Germany  jane roe@example.com')).toBe('Jane Roe Smith\nBerlin, Germany  jane.roe@example.com');
    // A word that is not one of the names on top stays a word of its own.
    expect(tidyOcrText('Jane Roe\nwrite roe@example.com')).toBe('Jane Roe\nwrite roe@example.com');
  });
});

describe('the name and the address that spells it', () => {
  it('drops a stray stroke after a name word when the address spells the word without it', () => {
    expect(tidyOcrText('Armin Zarei1\nSan Mateo CA • armin.zarei@example.com')).toBe('Armin Zarei\nSan Mateo CA • armin.zarei@example.com');
    expect(tidyOcrText('Armin Zareil\narmin.zarei@example.com')).toBe('Armin Zarei\narmin.zarei@example.com');
  });

  it('keeps a name whose last letter the address spells too, or that is not in the address at all', () => {
    expect(tidyOcrText('Neil Small\nneil.small@example.com')).toBe('Neil Small\nneil.small@example.com');
    expect(tidyOcrText('Karl Jonsl\nkj@example.com')).toBe('Karl Jonsl\nkj@example.com');
  });
});

describe('a name word split by a space', () => {
  it('joins a short small-letter fragment to the capitalised word before it when the address spells them together', () => {
    expect(tidyOcrText('Sourabh Baj aj Email: sourabh@sourabhbajaj.com')).toBe('Sourabh Bajaj Email: sourabh@sourabhbajaj.com');
  });

  it('leaves small words after a name, and fragments the address does not spell, as they are', () => {
    expect(tidyOcrText('Jane Roe and me\njane@roe.dev')).toBe('Jane Roe and me\njane@roe.dev');
    expect(tidyOcrText('Ravi kumar sharma\nravikumar@example.com')).toBe('Ravi kumar sharma\nravikumar@example.com');
  });
});

describe('umlauts the English model cannot read', () => {
  it('gives a name word the umlaut the address spells as ue, oe or ae', () => {
    expect(tidyOcrText('Jan Kister\ninfo@jankuester.com')).toBe('Jan Küster\ninfo@jankuester.com');
    expect(tidyOcrText('Jana Moller\njana.moeller@example.de')).toBe('Jana Möller\njana.moeller@example.de');
  });

  it('leaves a name the address spells as it is, and one no address pair explains', () => {
    expect(tidyOcrText('Joe Doe\njoe.doe@example.com')).toBe('Joe Doe\njoe.doe@example.com');
    expect(tidyOcrText('Jan Sister\ninfo@sueste.com')).toBe('Jan Sister\ninfo@sueste.com');
  });
});

describe('the rule beside a heading', () => {
  it('drops marks and scraps of letters read from a rule after a heading closed by a full stop or colon', () => {
    expect(tidyOcrText('Experience. ~~ oe\nEngineer, Acme')).toBe('Experience.\nEngineer, Acme');
    expect(tidyOcrText('Work History: — — oo cae')).toBe('Work History:');
  });

  it('keeps headings with words after them and lines with no mark in the tail', () => {
    for (const text of ['Skills: Python & Go', 'Python & go', 'Education. BSc in ML', 'Note: it is ok']) expect(tidyOcrText(text)).toBe(text);
  });
});

describe('dashes', () => {
  it('reads a long dash with a hyphen beside it as one dash, so a date range stays one', () => {
    expect(tidyOcrText('Staff Engineer August 2022 —- Present')).toBe('Staff Engineer August 2022 — Present');
    expect(tidyOcrText('Jan 2020 -– Mar 2021')).toBe('Jan 2020 – Mar 2021');
    expect(tidyOcrText('well-known — and hyphen-joined')).toBe('well-known — and hyphen-joined');
  });
});

describe('capital I read as a small l', () => {
  it('spells acronyms with capital I', () => {
    expect(tidyOcrText('Built Al pipelines and a Ul for the APl')).toBe('Built AI pipelines and a UI for the API');
    expect(tidyOcrText('Used OpenAl models and CircleCl')).toBe('Used OpenAI models and CircleCI');
    expect(tidyOcrText('Generative Al-based search')).toBe('Generative AI-based search');
  });

  it('leaves words, places and a given name alone', () => {
    expect(tidyOcrText('All models; Ill-posed problems; El Paso, TX; Il Fornaio')).toBe('All models; Ill-posed problems; El Paso, TX; Il Fornaio');
    expect(tidyOcrText('Al Smith\nal@example.com')).toBe('Al Smith\nal@example.com');
    expect(tidyOcrText('Tools: Python, Kubeflow, Helm')).toBe('Tools: Python, Kubeflow, Helm');
  });
});

describe('icons on contact lines', () => {
  it('drops a letter or symbol read from an icon before the first field and turns the rest into bullets', () => {
    expect(tidyOcrText('Jane Roe\nQ Magdeburg, Germany ~~ & jane.roe@example.com  % +49 15730249290 [ Linkedin  €) GitHub')).toBe(
      'Jane Roe\nMagdeburg, Germany • jane.roe@example.com • +49 15730249290 • Linkedin • GitHub',
    );
    expect(tidyOcrText('& +1-647-975-9120  & jane@example.com @ in/jane-roe')).toBe('+1-647-975-9120 • jane@example.com • in/jane-roe');
  });

  it('reads bullets OCR saw as letters or signs between fields as bullets', () => {
    expect(tidyOcrText('Jane Roe © jane@roe.dev e roe.dev ¢ github.com/jroe')).toBe('Jane Roe • jane@roe.dev • roe.dev • github.com/jroe');
    expect(tidyOcrText('San Mateo CA » +1 650-620-0912 « jane@example.com')).toBe('San Mateo CA • +1 650-620-0912 • jane@example.com');
  });

  it('reads a bar glued to a field as a separator, and a lone digit before an address as its icon', () => {
    expect(tidyOcrText('jane@example.com| e github.com/jane| e linkedin.com/in/jane| e Seattle, WA')).toBe(
      'jane@example.com | github.com/jane | linkedin.com/in/jane | Seattle, WA',
    );
    expect(tidyOcrText('[github.com/jane | [linkedin.com/in/jane] e Seattle, WA')).toBe('[github.com/jane | [linkedin.com/in/jane] • Seattle, WA');
    expect(tidyOcrText('o 8456849958 8 jane98@example.com')).toBe('8456849958 • jane98@example.com');
    // A digit that ends a phone number's groups stays.
    expect(tidyOcrText('+33 6 12 34 56 78 | jane@example.com')).toBe('+33 6 12 34 56 78 | jane@example.com');
  });

  it('keeps real bullets and bars, a middle initial, and lines that hold no contact details', () => {
    expect(tidyOcrText('Jane Q Public | jane@example.com | +1 415 555 0134')).toBe('Jane Q Public | jane@example.com | +1 415 555 0134');
    expect(tidyOcrText('R&D & ML tooling 2019-2022 | Acme')).toBe('R&D & ML tooling 2019-2022 | Acme');
    expect(tidyOcrText('Q Magdeburg, Germany')).toBe('Q Magdeburg, Germany');
  });
});

describe('letters inside runs of digits', () => {
  it('reads O as zero and l, I or | as one where digits surround them', () => {
    expect(tidyOcrText('+1 65O-62O-0912 • jane@example.com')).toBe('+1 650-620-0912 • jane@example.com');
    expect(tidyOcrText('Tel (4l5) 555-0134')).toBe('Tel (415) 555-0134');
    expect(tidyOcrText('Jan 2O19 – Mar 2021')).toBe('Jan 2019 – Mar 2021');
  });

  it('leaves words, versions, names with digits and a lone "I" or bar between numbers alone', () => {
    for (const text of ['In 2019 I led 3 teams', 'Top 10 | 2019 | Acme', 'Dallas, TX |08/2018 - 12/2022', 'C3PO and R2D2', 'O(n log n) search', 'Python 3.11, ISO 27001', 'lOl 1O']) {
      expect(tidyOcrText(text)).toBe(text);
    }
  });
});
