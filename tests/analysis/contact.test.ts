// Contact details, with and without the layout the import keeps.
import { describe, expect, it } from 'vitest';
import type { LineStyle, TextLayout } from '../../contract/layout.ts';
import { analyzeResume, defaultAnalyzer } from '../../main/analysis/index.ts';
import { splitLines } from '../../main/analysis/lines.ts';
import { createSectionReader } from '../../main/analysis/sections.ts';
import { TEST_NOW } from './fixtures.ts';

const body = ['Experience', 'Platform Engineer, Acme Corp, 2021 - 2024', '- Ran the model serving stack for nine models', '- Kept p95 latency under 40 ms'];

/** A layout for `lines`: each entry [size, y] (page 1), or null for a line without a style. */
function layoutOf(entries: ([number, number] | null)[], extra: Partial<LineStyle>[] = []): TextLayout {
  return {
    lines: entries.map((entry, index) => (entry === null ? null : { page: 1, x: 40, y: entry[1], size: entry[0], bold: false, italic: false, column: 0, ...extra[index] })),
  };
}

const { assignSections } = createSectionReader(defaultAnalyzer.policy.rules);
const contactOf = (text: string, layout?: TextLayout) => analyzeResume(text, { now: TEST_NOW, layout }).contact;

describe('the name with a layout', () => {
  it('is the largest text near the top of page 1, whatever order the extractor read the page in', () => {
    // An employer in a sidebar read first looks like a name to the text alone.
    const lines = ['Northwind Health', 'jane@example.com', 'Jane Roe', ...body];
    const layout = layoutOf([[10, 40], [10, 64], [24, 56], [12, 100], [10, 112], [10, 124], [10, 136]]);
    expect(contactOf(lines.join('\n'), layout).name).toBe('Jane Roe');
    expect(contactOf(lines.join('\n')).name).toBe('Northwind Health');
  });

  it('takes one word in the largest type, skips a larger title line above the name, and joins a name set over two lines', () => {
    expect(contactOf(['Priya', 'priya@example.com', ...body].join('\n'), layoutOf([[24, 40], [10, 60], [12, 100], [10, 112], [10, 124], [10, 136]])).name).toBe('Priya');
    const titled = ['Staff Engineer Team Lead', 'Maria Ionescu', 'maria@example.com', ...body];
    expect(contactOf(titled.join('\n'), layoutOf([[20, 40], [15, 70], [10, 90], [12, 120], [10, 132], [10, 144], [10, 156]])).name).toBe('Maria Ionescu');
    const split = ['ANNA', 'KOVALENKO', 'anna@example.com', ...body];
    expect(contactOf(split.join('\n'), layoutOf([[30, 40], [30, 75], [10, 100], [12, 120], [10, 132], [10, 144], [10, 156]])).name).toBe('Anna Kovalenko');
  });

  it('passes over a small field beside the name in the same line (a city, a phone)', () => {
    const lines = ['Pune, Maharashtra\tASHA RAO\t+91 98765 43210', ...body];
    const layout = layoutOf([[24, 40], [12, 100], [10, 112], [10, 124], [10, 136]], [{ cellSizes: [10, 24, 10] }]);
    expect(contactOf(lines.join('\n'), layout).name).toBe('Asha Rao');
  });

  it("takes a Word document's Title paragraph, even typed in lower case", () => {
    const lines = ['Summary', 'Ravi kumar sharma', 'ravi@example.com', ...body];
    const layout = layoutOf([[0, 0], [0, 0], [0, 0], [0, 0], [0, 0], [0, 0], [0, 0]], [{}, { style: 'Title' }]);
    expect(contactOf(lines.join('\n'), layout).name).toBe('Ravi kumar sharma');
  });
});

describe('the name from text alone', () => {
  it('reads Markdown headings, combining accents and a name in Chinese characters', () => {
    expect(contactOf(['# Tyler Brooks', '', 'tyler@example.com', ...body].join('\n')).name).toBe('Tyler Brooks');
    expect(contactOf(['Oluwaseun Adébáyọ̀', 'seun@example.com', ...body].join('\n')).name).toBe('Oluwaseun Adébáyọ̀');
    expect(contactOf(['陈思远', 'Siyuan Chen', 'chen@example.com', ...body].join('\n')).name).toBe('陈思远');
  });

  it('takes lower-case words or two one-word lines only where the email spells part of the name', () => {
    expect(contactOf(['Ravi kumar sharma', 'ravik@example.com', ...body].join('\n')).name).toBe('Ravi kumar sharma');
    expect(contactOf(['Ravi kumar sharma', 'contact@example.com', ...body].join('\n')).name).toBeNull();
    const boxed = ['Projects', '- Built a churn model', 'anna@annakovalenko.com', '', 'ANNA', '', 'KOVALENKO', ...body];
    expect(contactOf(boxed.join('\n')).name).toBe('Anna Kovalenko');
  });

  it('takes the name before a title in small letters, whatever its first word', () => {
    expect(contactOf(['Jane Roe Smith data scientist', 'jane@example.com', ...body].join('\n')).name).toBe('Jane Roe Smith');
    // A scan that lost the title's first letter: still a title, since it ends in a role noun.
    expect(contactOf(['Jane Roe Smith pata scientist', 'jane@example.com', ...body].join('\n')).name).toBe('Jane Roe Smith');
    // Small-letter words that end in no role noun are not taken for a title.
    expect(contactOf(['Jane Roe plays chess', 'contact@example.com', ...body].join('\n')).name).toBeNull();
  });

  it('takes the name from the first field of a line that gives the address, when the top has none', () => {
    const footer = ['hello@janeroe.dev', 'A | c xX Ro e janeroe.dev', 'github.com/janeroe', '', ...body, 'Jane Roe • hello@janeroe.dev • janeroe.dev • github.com/janeroe'];
    expect(contactOf(footer.join('\n')).name).toBe('Jane Roe');
    // The same address read without its dot in the footer.
    expect(contactOf([...footer.slice(0, -1), 'Jane Roe • hello@janeroedev • github.com/janeroe'].join('\n')).name).toBe('Jane Roe');
    // The address must spell part of the name: a line naming someone else is not taken.
    expect(contactOf([...footer.slice(0, -1), 'Mark Lee • hello@janeroe.dev • github.com/janeroe'].join('\n')).name).toBeNull();
  });

  it('does not take a place for the name when an icon before the city was read as a word', () => {
    expect(contactOf(['Ba Vienna, Austria', 'jane@example.com', ...body].join('\n')).name).toBeNull();
    expect(contactOf(['Ba Vienna, Austria', 'Jane Roe', 'jane@example.com', ...body].join('\n')).name).toBe('Jane Roe');
  });

  it('leaves out a section heading of the other column read onto the end of the name line', () => {
    expect(contactOf(['Jane Ver Roe Profile', 'Data Scientist', 'jane@example.com', ...body].join('\n')).name).toBe('Jane Ver Roe');
    expect(contactOf(['Jane Roe Work Experience', 'jane@example.com', ...body].join('\n')).name).toBe('Jane Roe');
    // A heading alone, or after one word, is no name.
    expect(contactOf(['Jane Profile', 'contact@example.com', ...body].join('\n')).name).toBeNull();
  });

  it('finds no name, phone or email in an unfilled template', () => {
    const template = contactOf(['Your Name Here', 'Phone: 000-00-0000', 'xxxxxxx@yahoo.com', ...body].join('\n'));
    expect(template).toMatchObject({ name: null, phone: null, email: null });
    expect(contactOf(['你的大名', 'Phone: (+86) 131-221-87xxx', ...body].join('\n'))).toMatchObject({ name: null, phone: null });
  });
});

describe('phones', () => {
  it('reads typeset hyphens, an area code in brackets and a phone alone on a line anywhere', () => {
    expect(contactOf(['Jane Roe', 'Tel: +1 415\u2011555\u20110134', ...body].join('\n')).phone).toBe('+1 415\u2010555\u20100134');
    expect(contactOf(['Jane Roe', '[434]989-9689', ...body].join('\n')).phone).toBe('[434]989-9689');
    const late = ['Jane Roe', 'jane@example.com', ...body, 'Languages', 'English', '+33 6 22 47 37 82'];
    expect(contactOf(late.join('\n')).phone).toBe('+33 6 22 47 37 82');
  });

  it('does not read years side by side as a phone', () => {
    expect(contactOf(['Jane Roe', 'jane@example.com', ...body, 'Awards', '2019 2022'].join('\n')).phone).toBeNull();
  });
});

describe('headings', () => {
  it('reads small-caps headings whose first letter stands apart, and bold headings with a qualifier', () => {
    const text = ['Gabor Roe', 'gabor@example.com', 'E DUCATION', 'Stanford University', 'Skills I use daily', 'Python'].join('\n');
    const sectionsOf = (layout?: TextLayout) => {
      const lines = splitLines(text, layout);
      assignSections(lines);
      return lines.map((line) => `${line.section}${line.isHeading ? '!' : ''}`);
    };
    const bold = layoutOf([[20, 40], [10, 60], [12, 90], [10, 104], [12, 130], [10, 144]], [{}, {}, {}, {}, { bold: true }]);
    expect(sectionsOf(bold)).toEqual(['header', 'header', 'education!', 'education', 'skills!', 'skills']);
    expect(sectionsOf()).toEqual(['header', 'header', 'education!', 'education', 'education', 'education']);
  });

  it('reads headings letter-spaced, between marks, in two languages, with a qualifier or a wide gap', () => {
    const headings = ['E X P E R I E N C E', '== Technical Skills & Tools ==', 'Formation / Education', 'PROJECTS (SELECTED)', 'Work   History'];
    const lines = splitLines(['Jane Roe', ...headings.flatMap((heading) => [heading, 'Acme'])].join('\n'));
    assignSections(lines);
    expect(lines.filter((line) => line.isHeading).map((line) => line.section)).toEqual(['experience', 'skills', 'education', 'projects', 'experience']);
  });
});

describe('page furniture', () => {
  it('marks a line printed at the same height on every page as a running header, keeping its first appearance', () => {
    const text = ['Jane Roe', 'Experience', '- Built things', '', 'Jane Roe', '- More things'].join('\n');
    const style = (page: number, y: number) => ({ page, x: 40, y, size: 10, bold: false, italic: false, column: 0 });
    const layout: TextLayout = { lines: [style(1, 40), style(1, 80), style(1, 100), null, style(2, 41), style(2, 80)] };
    expect(splitLines(text, layout).map((line) => line.isArtifact)).toEqual([false, false, false, false, true, false]);
    expect(splitLines(text).map((line) => line.isArtifact)).toEqual([false, false, false, false, false, false]);
  });
});
