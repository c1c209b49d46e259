// Clean-up of what tesseract read, before the analysis sees it. Each rule undoes one kind of
// misreading that scanned resumes show again and again: the printed text layer of the same page
// would not have it. None of them knows any one resume: they look at the shapes of tokens, at
// contact lines (a line holding an e-mail address or a phone number) and at the candidate's own
// name as the first lines spell it.

/** The top of the page, where the name is: enough lines for a name above a title and a contact row. */
const HEAD_LINES = 8;

// The endings of most addresses a resume gives: a word after "@domain" and a space (or a dot set
// loose) is one of these only when OCR lost or loosened the dot before it ("jane@gmail com").
const COMMON_TLDS = 'com|net|org|edu|gov|io|dev|me|ai|co|app|info|de|uk|fr|nl|se|ch|at|es|it|pl|in|ca|au|us';

/**
 * Tesseract sets the parts of an address apart when the "@" or a dot sits loose in its box
 * ("jane.doe @example.com", "jane.doe@example .com"), or reads the small dot of the domain as a
 * space ("jane@gmail com"); joined again, the analysis finds the address.
 */
function joinLooseAddressParts(text: string): string {
  return text
    // Domains are written in small letters: "Engineer @ Acme in Berlin" is a job, not an address.
    .replace(new RegExp(`([\\w.+-] ?@ ?[a-z0-9-]+(?:\\.[a-z0-9-]+)*)(?: ?\\. ?| )(${COMMON_TLDS})(?![\\w.@-])`, 'g'), '$1.$2')
    .replace(/([\w.+-]) ?@ ?([\w-]+\.[\w.-]+)/g, '$1@$2')
    // "jane@fb.con", "jane@x.corn": the "m" of ".com" read as "n" or as "rn" (no such domains exist).
    .replace(/(@[\w-]+(?:\.[\w-]+)*)\.(?:con|corn|c0m)(?![\w.-])/g, '$1.com');
}

// Webmail providers most personal addresses are at: the domain says an address was there.
const MAIL_PROVIDER = String.raw`(?:gmail|googlemail|yahoo|ymail|outlook|hotmail|icloud|protonmail|proton|aol|gmx|yandex|zoho|qq|163)\.(?:com|me|net|de|fr|in|co\.uk)`;
const LOST_AT_SIGN = new RegExp(String.raw`(?<![\w.+@-])([a-z0-9][a-z0-9._+-]{1,63}?)(?: |[GQ©®])(${MAIL_PROVIDER})(?![\w.-])`, 'g');

/**
 * The "@" is the one glyph of an address tesseract sometimes drops or reads as a letter of its
 * own shape ("jane.roe gmail.com", "jane.roeGgmail.com"). In small letters, before a webmail
 * provider's domain, on a line of contact details, it can only have been an address.
 */
function restoreLostAtSign(text: string): string {
  return text
    .split('\n')
    .map((line) => (line.includes('@') || !isContactLine(line) ? line : line.replace(LOST_AT_SIGN, '$1@$2')))
    .join('\n');
}

/**
 * "August 2022 —- Present": a long dash with the hyphen-sized stroke beside it read as a second
 * character. The date-range reader expects one dash, so a date range would be lost with its role.
 */
function mergeDoubledDashes(text: string): string {
  return text.replace(/([—–])-+|-+([—–])/g, (_match, before: string | undefined, after: string | undefined) => before ?? after ?? '-');
}

// A line that is just a person's name: "Al Smith". Its first word is a given name, not "AI".
const NAME_LINE = /^\p{Lu}\p{Ll}+(?: \p{Lu}[\p{L}'’-]+){1,3}$/u;
// Two-letter words of a capital and "l" that are words in their own right: "El Paso", "Il Fornaio".
const CAPITAL_L_WORDS = new Set(['El', 'Il']);

function acronymWithCapitalI(word: string, isNameStart: boolean): string {
  // "OpenAl", "CircleCl": a word ending in an acronym after its small letters.
  const camel = /^(\p{Lu}?\p{Ll}{2,}(?:\p{Lu}\p{Ll}+)*\p{Lu})l$/u.exec(word);
  if (camel) return `${camel[1]}I`;
  if (!/^[\p{Lu}l]{2,6}$/u.test(word) || !word.includes('l')) return word;
  const capitals = word.replace(/l/g, '').length;
  // "All", "Ill": one capital before small l's is a capitalised word.
  if (capitals === 0 || (capitals === 1 && word.length > 2)) return word;
  if (word.length === 2 && (CAPITAL_L_WORDS.has(word) || isNameStart)) return word;
  return word.replace(/l/g, 'I');
}

/**
 * In most sans-serif type a capital I and a small l are the same stroke, and tesseract guesses
 * "l" inside capitals: "Al", "Ul", "APl", "OpenAl" for AI, UI, API, OpenAI. A word of capitals
 * whose only small letters are "l" is an acronym with capital I's; so is the capital-and-"l" end
 * of a word in small letters. A given name at the start of a name line is left alone ("Al Smith").
 */
function capitalIInAcronyms(text: string): string {
  return text
    .split('\n')
    .map((line) =>
      line.replace(/(?<![\p{L}\p{N}])\p{L}+(?![\p{L}\p{N}])/gu, (word: string, offset: number) =>
        word.includes('l') ? acronymWithCapitalI(word, offset === 0 && NAME_LINE.test(line.trim())) : word,
      ),
    )
    .join('\n');
}

const EMAIL_IN_LINE = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;
// Eight digits or more, grouped by at most two spaces, dots, dashes or brackets: a phone number.
const PHONE_IN_LINE = /\+?\d(?:[\s().-]{0,2}\d){7,}/;
// "2019-2022", "05/2018 – 12/2022": dates, whose digits would pass for a phone number's.
const YEAR_RANGE = /\b(?:19|20)\d\d\s*[-–—]\s*(?:\d{1,2}[/.])?(?:19|20)\d\d\b/g;
// An address, even one whose dot OCR dropped ("jane@roedev").
const ADDRESS_IN_LINE = /[\w.+-]@[\w-]{2,}/;
const WEB_IN_LINE = /\b(?:linkedin|github)\b|\b[\w-]+\.(?:com|io|dev|net|org|me)\b/gi;

/** A line of contact details: an address, a phone number, or two profile links or sites. */
function isContactLine(line: string): boolean {
  return ADDRESS_IN_LINE.test(line) || PHONE_IN_LINE.test(line.replace(YEAR_RANGE, ' ')) || (line.match(WEB_IN_LINE)?.length ?? 0) >= 2;
}

// Bullets and separators the printed line would have between its fields: kept as they are.
const SEPARATOR_TOKEN = /^[|•·◦▪–—-]$/u;
// A token with no letter or digit: an icon read as "~~", "€)", "%", "&" or "©".
const SYMBOLS_ONLY = /^[^\p{L}\p{N}]+$/u;
// One letter standing alone: "Q" for a location pin, "e" or "o" for a bullet. "a", "A" and "I" are words.
const LONE_LETTER = /^[\p{L}]$/u;
const ENGLISH_ONE_LETTER_WORDS = new Set(['a', 'A', 'I']);

/**
 * Resume headers put an icon before each contact field (a pin before the city, an envelope
 * before the address, a handset before the phone) and bullets between fields. The text layer
 * holds them as symbols the analysis already skips; tesseract reads them as letters and
 * punctuation ("Q Magdeburg, Germany ~~ & jane@…", "Jane Doe © jane@… e site.dev"), and then the
 * pin's "Q" becomes part of a name. On a contact line, a run of such tokens between fields becomes
 * one bullet, and at the start or end of the line it is dropped.
 */
function cleanContactLineIcons(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      if (!isContactLine(line)) return line;
      // "jane@example.com| e github.com/jane": a bar read against the field before it is still a separator.
      const tokens = line.trim().replace(/(?<=\S)\|(?=\s|$)/g, ' |').split(/\s+/);
      const isIcon = (token: string, index: number) => {
        if (SEPARATOR_TOKEN.test(token)) return false;
        if (SYMBOLS_ONLY.test(token)) return true;
        // An envelope read as "8" between a phone number and the address: a lone digit before an address.
        if (/^\d$/.test(token)) return /@|\.\p{L}{2,}/u.test(tokens[index + 1] ?? '');
        // A lone letter is an icon only between fields: not "Jane Q Public" inside a name.
        if (!LONE_LETTER.test(token) || ENGLISH_ONE_LETTER_WORDS.has(token)) return false;
        const next = tokens[index + 1] ?? '';
        const before = tokens[index - 1];
        // After a separator, a comma, a number, or an address or link (with its brackets): a new field.
        const startsField = before === undefined || SEPARATOR_TOKEN.test(before) || SYMBOLS_ONLY.test(before) || /[,;\])]$/.test(before) || /\d$/.test(before) || /@|\.\p{L}{2,}/u.test(before);
        return startsField && (next === '' || /^[\p{Lu}\d+(]/u.test(next) || EMAIL_IN_LINE.test(next) || /\.\p{L}{2,}/u.test(next));
      };
      const kept: string[] = [];
      let pendingSeparator = false;
      for (const [index, token] of tokens.entries()) {
        if (isIcon(token, index)) {
          pendingSeparator = kept.length > 0;
          continue;
        }
        if (pendingSeparator && !SEPARATOR_TOKEN.test(token) && !SEPARATOR_TOKEN.test(kept.at(-1) ?? '')) kept.push('•');
        pendingSeparator = false;
        kept.push(token);
      }
      const changed = kept.some((token, index) => token !== tokens[index]) || kept.length !== tokens.length;
      return changed ? (/^\s*/.exec(line)?.[0] ?? '') + kept.join(' ') : line;
    })
    .join('\n');
}

// Groups of digits and the marks phone numbers and dates are written with, each holding a digit,
// one space apart: "+1 (65O) 620-0912", "2O19".
const DIGIT_GROUP = String.raw`[+(]?[\dOolI|()./-]*\d[\dOolI|()./-]*`;
const DIGIT_RUN = new RegExp(String.raw`(?<![\p{L}\p{N}@.])${DIGIT_GROUP}(?: ${DIGIT_GROUP})*(?![\p{L}\p{N}@])`, 'gu');

/**
 * Inside a run of digits, "O" and "o" are zeros and "l", "I" and "|" between digits are ones: tesseract takes a
 * digit for the letter of the same shape when the word model pulls it that way ("+1 65O-62O-0912",
 * "2O19"). A run counts when most of what it holds are digits, so words are never touched.
 */
function digitsForLookalikeLetters(text: string): string {
  return text.replace(DIGIT_RUN, (run: string) => {
    const digits = run.replace(/\D/g, '').length;
    const letters = run.replace(/[^OolI|]/g, '').length;
    if (letters === 0 || digits < 3 || letters * 3 > digits) return run;
    // A stroke (l, I, |) only between two digits: beside a single digit it is as likely a bar between fields.
    return run.replace(/(?<=\d)[lI|](?=\d)/g, '1').replace(/(?<=\d)[Oo]|[Oo](?=\d)/g, '0');
  });
}

/** Capitalised words of the first lines, lower-cased: the candidate's name is among them. */
function headWords(text: string): Set<string> {
  return new Set((text.split('\n').slice(0, HEAD_LINES).join(' ').match(/\p{Lu}[\p{L}'-]{2,}/gu) ?? []).map((word) => word.toLowerCase()));
}

/** Letters tesseract confuses in small type: "q" read as "g", "l" as "1" or "i", "o" as "0". */
const confusable = new Set(['q:g', 'g:q', 'l:1', '1:l', 'l:i', 'i:l', 'o:0', '0:o']);

function differsByOneConfusion(read: string, word: string): boolean {
  if (read.length !== word.length || read === word) return false;
  let differences = 0;
  for (let index = 0; index < read.length; index++) {
    if (read[index] === word[index]) continue;
    differences += 1;
    if (differences > 1 || !confusable.has(`${word[index]}:${read[index]}`)) return false;
  }
  return differences === 1;
}

/**
 * An e-mail address is usually made of the candidate's names, and the name, set large at the
 * top, is read more surely than the small address: a part of the address one confusable letter
 * away from a word of the first lines ("lindgvist" beside "Lindqvist") takes that word's spelling.
 */
function reconcileEmailsWithNames(text: string): string {
  const names = headWords(text);
  if (names.size === 0) return text;
  return text.replace(/\b([\w.+-]+)@([\w-]+\.[\w.-]+)/g, (address: string, local: string, domain: string) => {
    const fixed = local
      .split(/([._-])/)
      .map((part) => [...names].find((word) => differsByOneConfusion(part, word)) ?? part)
      .join('');
    return fixed === local ? address : `${fixed}@${domain}`;
  });
}

/**
 * The dot inside an address is the smallest mark on the line and is sometimes read as a space:
 * "jane doe@example.com". When the word before the address is one of the names of the first
 * lines, in small letters as addresses are written, it is the first part of the address.
 */
function rejoinAddressSplitAtDot(text: string): string {
  const names = headWords(text);
  if (names.size === 0) return text;
  return text.replace(/(?<![\w.@-])(\p{Ll}{2,}) ([\w+-][\w.+-]*@[\w-]+\.[\w.-]+)/gu, (found: string, word: string, address: string) =>
    names.has(word) && address.split('@')[0]?.split(/[._-]/).some((part) => names.has(part)) ? `${word}.${address}` : found,
  );
}

// Strokes that noise beside the last or first letter of a word is read as.
const STRAY_STROKE = /^[lIi1|]$/;

/**
 * "Armin Ziaeil" above "armin.ziaei@…": a speck beside the last letter of the name read as one
 * more stroke. A word of the first lines that is a part of the address plus such a stroke at its
 * start or end loses the stroke: the address, typed by the candidate, spells the name.
 */
function trimStrokesFromNameWords(text: string): string {
  const address = EMAIL_IN_LINE.exec(text)?.[0];
  if (!address) return text;
  const parts = new Set((address.split('@')[0] ?? '').toLowerCase().split(/[._+-]/).filter((part) => part.length >= 3));
  if (parts.size === 0) return text;
  const lines = text.split('\n');
  const head = lines.slice(0, HEAD_LINES).map((line) =>
    line.replace(/(?<![\p{L}\p{N}])\p{Lu}[\p{L}'-]{3,}[1|]?(?![\p{L}\p{N}])/gu, (word: string) => {
      if (parts.has(word.toLowerCase())) return word;
      const withoutLast = word.slice(0, -1);
      if (STRAY_STROKE.test(word.slice(-1)) && parts.has(withoutLast.toLowerCase())) return withoutLast;
      return word;
    }),
  );
  return [...head, ...lines.slice(HEAD_LINES)].join('\n');
}

/**
 * "Sourabh Baj aj" above "sourabh@sourabhbajaj.com": a gap in large type read as a space splits a
 * name word. A capitalised word and a fragment of one to three small letters after it, on the
 * first lines, are one word when the address spells them together.
 */
function joinNameWordSplitBySpace(text: string): string {
  const address = EMAIL_IN_LINE.exec(text)?.[0]?.toLowerCase().replace(/[^a-z0-9@]/g, '');
  if (!address) return text;
  const lines = text.split('\n');
  const head = lines.slice(0, HEAD_LINES).map((line) =>
    line.replace(/(?<![\p{L}\p{N}])(\p{Lu}\p{Ll}{1,}) (\p{Ll}{1,3})(?![\p{L}\p{N}@.])/gu, (found: string, start: string, rest: string) =>
      address.includes(`${start}${rest}`.toLowerCase()) ? `${start}${rest}` : found,
    ),
  );
  return [...head, ...lines.slice(HEAD_LINES)].join('\n');
}

const UMLAUTS: Record<string, string> = { ae: 'ä', oe: 'ö', ue: 'ü' };

/**
 * "Jan Kister" above "info@jankuester.com": the English model has no umlauts and reads "ü" as
 * another vowel, while an address spells it "ue" (so "ä" and "ö" as "ae" and "oe"). A name word
 * that the address spells with such a pair where the word has one other vowel takes the umlaut.
 */
function umlautsFromAddress(text: string): string {
  const address = EMAIL_IN_LINE.exec(text)?.[0]?.toLowerCase();
  if (!address || !/[aou]e/.test(address)) return text;
  const spelled = address.replace(/[^a-z]/g, ' ');
  const lines = text.split('\n');
  const head = lines.slice(0, HEAD_LINES).map((line) =>
    line.replace(/(?<![\p{L}\p{N}])\p{Lu}\p{Ll}{2,}(?![\p{L}\p{N}])/gu, (word: string) => {
      const lower = word.toLowerCase();
      if (spelled.includes(lower)) return word;
      for (let index = 1; index < word.length; index++) {
        for (const [pair, umlaut] of Object.entries(UMLAUTS)) {
          if (!/[aeiouy]/.test(lower[index] ?? '')) continue;
          if (spelled.includes(lower.slice(0, index) + pair + lower.slice(index + 1))) return word.slice(0, index) + umlaut + word.slice(index + 1);
        }
      }
      return word;
    }),
  );
  return [...head, ...lines.slice(HEAD_LINES)].join('\n');
}

// A heading of one to three words closed by a full stop or colon, then marks and scraps of letters.
const HEADING_WITH_RULE = /^(\s*\p{L}[\p{L}&/-]*(?: [\p{L}&/-]+){0,2}[.:])((?: +(?:[^\p{L}\p{N}\s]+|\p{Ll}{1,3}|\d))+)\s*$/u;

/**
 * "Experience. ~~ oe": the rule many templates draw beside a section heading, read as marks and
 * scraps of letters. Left on the line it hides the heading from the analysis, and the work under
 * it is not read as work. A heading closed by a full stop or colon loses such a tail when the tail
 * holds a mark; a heading with real words after it is left alone.
 */
function dropRuleAfterHeading(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const match = HEADING_WITH_RULE.exec(line);
      return match?.[1] && /(?:^| )[^\p{L}\p{N}\s]+(?= |$)/u.test(match[2] ?? '') ? match[1] : line;
    })
    .join('\n');
}

/** Every clean-up, in an order where each sees the text the ones before it repaired. */
export function tidyOcrText(text: string): string {
  const joined = joinLooseAddressParts(text);
  const lines = dropRuleAfterHeading(cleanContactLineIcons(restoreLostAtSign(capitalIInAcronyms(digitsForLookalikeLetters(mergeDoubledDashes(joined))))));
  return umlautsFromAddress(joinNameWordSplitBySpace(trimStrokesFromNameWords(reconcileEmailsWithNames(rejoinAddressSplitAtDot(lines)))));
}
