import type { Contact } from '../../contract/analysis.ts';
import { allMatches, cleanLine, type ResumeLine } from './lines.ts';
import { findDateRange } from './dates.ts';
import type { AnalysisRules } from './rules.ts';

// Bounded parts keep the scan linear on pathological input (a 20k-letter line without any '@').
// Global for replace; findEmail resets lastIndex and takes the first match (one pattern to compile, not two).
const EMAIL = /(?<![\p{L}\d._%+-])[\p{L}\d._%+-]{1,64}@[\p{L}\d-]{1,63}(?:\.[\p{L}\d-]{1,63}){0,6}\.\p{L}{2,24}/gu;
// Hyphens as typeset: U+2010 and the non-breaking U+2011 as well as the ASCII one; "[434]" as an area code.
const PHONE = /(?:\(\+?\d{1,4}\)\s?|\+|\b00)?[([]?\d[\d\s()[\].\-–‐‑]{6,20}\d/g;
// "131-221-87xxx", "+91 xxxxxxxxxx": a number masked for publication.
const MASKED_AFTER = /^[xX*#•]/;
// "xxxxxxx@yahoo.com": an address masked for publication. Five x's or more: "xxx@" on a
// personal domain can be a real catch-all address.
const MASKED_EMAIL = /^[x*]{5,}@/i;
// "Your Name Here", "FirstName LastName" (and "你的…", "your …" in Chinese): an unfilled template has no name.
const PLACEHOLDER_NAME = /\byour name\b|\bname here\b|\bfirst ?name\b.*\blast ?name\b|^你的/i;
const PHONE_LABEL = /\b(?:phone|mobile|mob|tel|telephone|cell|ph|contact|whatsapp)\b\.?:?/i;
const URL_PATTERN = /\b(?:https?:\/\/|www\.)[^\s<>()"'|]+|\b(?:linkedin\.com|github\.com|gitlab\.com)\/[^\s<>()"',|]+/gi;
const BARE_DOMAIN = /(?<![@\w.-])[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|io|dev|me|org|net|ai|co|app|tech|page|site|xyz|info|blog|github\.io)(?:\/[^\s<>()"',|]*)?(?![\w@])/gi;
const TRAILING_PUNCTUATION = /[.,;:!?)\]}>'"’”]+$/;

const LOCATION_LABEL = /^(?:location|address|based in|city|residence|lives in)\s*:?\s*/i;
// Lower-case surname particles: "Ludwig van Beethoven", "Cristina de la Vega".
const NAME_PARTICLE = /^(?:de|da|das|do|dos|du|del|della|di|la|le|van|von|der|den|ter|bin|binti|al|el|y)$/;
// Marks that do not compose ("Adébáyọ̀") stay as combining characters after the letter.
const NAME_TOKEN = /^(?:[\p{Lu}][\p{L}\p{M}'’-]*\.?|[\p{Lu}]\.)$/u;
// Chinese, Japanese and Korean names are written without spaces: one token is the whole name.
const CJK_NAME = /^[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]{2,5}$/u;
// Markdown's heading marks and emphasis around a name: "# Tyler Brooks", "**Zara Ahmed**".
const MARKDOWN_MARKS = /^#{1,6}\s+|\*\*|__/g;
const NOT_NAME = /\b(?:your|name|here|firstname|lastname|surname|resume|résumé|curriculum|vitae|cv|engineer|developer|scientist|manager|lead|team|summary|profile|experience|expertise|skills|languages?|education|contact|address|phone|email|page|updated|mlops|devops|university|college|institute|school|street|road|technologies|labs?|inc|llc|ltd|gmbh|corp|corporation|company)\b/i;
// "Jane Doe Data Scientist": a job title glued to the name on the same line.
const TRAILING_TITLE = /\s+(?:(?:senior|sr\.?|lead|staff|principal|junior|jr\.?)\s+)?(?:data|machine|ml|ai|software|devops|cloud|site|platform|mlops|research|full[- ]stack|backend|frontend|analytics|infrastructure|systems?)\b.*$/i;
// "Jane Roe data scientist", or a title whose first letter a scan lost ("Jane Roe pata scientist"):
// words in small letters after the name that end in a role noun are a title, whatever they start with.
const LOWER_CASE_TITLE = /(?<=\S)\s+\p{Ll}[\p{L}&/-]*(?:\s+[\p{L}&/-]+){0,2}?\s+(?:[Ss]cientist|[Ee]ngineer|[Dd]eveloper|[Aa]nalyst|[Aa]rchitect|[Rr]esearcher|[Cc]onsultant|[Ss]pecialist)s?$/u;
const DOCUMENT_PREFIX = /^(?:cv|resume|résumé|curriculum vitae|lebenslauf|резюме)(?=[\s/:|-]|$)\s*[-/:|]*\s*/iu;
const INLINE_CONTACT_LABEL = /\s+(?:email|e-mail|mail|phone|mobile|tel|linkedin|github|web|website)\s*:.*$/i;
const SEPARATORS = /\s*(?:[|•·◦▪,]|\s{2,}|\s[-–—]\s)\s*/u;

export interface ContactReader {
  extractContact(lines: ResumeLine[]): Contact;
  /** A place as resumes write it ("Austin, TX", "Berlin, Germany", "Remote"), by the rules' states, regions and cities. */
  isLocationText(text: string): boolean;
}

export function createContactReader(rules: AnalysisRules): ContactReader {
  const stateCodes = rules.usStates.join('|');
  const regions = [...rules.regionNames, ...rules.countries].map((name) => name.replace(/ /g, '\\s')).join('|');
  const cities = rules.knownCities.map((name) => name.replace(/ /g, '\\s')).join('|');
  const PLACE = `[\\p{Lu}][\\p{L}.'’-]*(?:\\s[\\p{Lu}][\\p{L}.'’-]*){0,2}`;
  const REMOTE_SUFFIX = `(?:\\s*(?:&|/|\\+|\\(|or)?\\s*remote\\)?)?`;
  // Only ever tested, never matched: in the first pattern everything after the first region name
  // sits in a lookahead, which gives the same answer. Written out in full, V8 takes ~20 ms to
  // compile it (each of the ~200 names of the first list is analysed with the second list after
  // it), once in every worker thread; this way ~6 ms.
  const LOCATION_PATTERNS = [
    new RegExp(`^${PLACE},\\s?(?:${stateCodes}|${regions})(?=(?:,\\s?(?:${regions}|${stateCodes}))?(?:,?\\s\\d{4,6})?${REMOTE_SUFFIX}$)`, 'u'),
    new RegExp(`^${PLACE}\\s(?:${stateCodes})(?:\\s\\d{5})?$`, 'u'),
    new RegExp(`^(?:${cities}|${regions})(?:,\\s?${PLACE})?${REMOTE_SUFFIX}$`, 'iu'),
    new RegExp(`^(?:${stateCodes})$`, 'u'),
  ];

  function isLocationText(text: string): boolean {
    const candidate = text.replace(LOCATION_LABEL, '').trim();
    if (/\b(?:university|college|school|institute|academy|inc|llc|ltd|corp)\b/i.test(candidate)) return false;
    return candidate.length >= 2 && candidate.length <= 60 && LOCATION_PATTERNS.some((pattern) => pattern.test(candidate));
  }

  const HEADER_WINDOW = 15;

  /** Lines that may hold contact details: the top of the page first, then any "Contact" sidebar block. */
  function headerLines(lines: ResumeLine[]): ResumeLine[] {
    const content = lines.filter((line) => !line.isBlank && !line.isArtifact);
    const beforeFirstHeading = content.filter((line) => line.section === 'header' && !line.isHeading);
    const top = content.slice(0, HEADER_WINDOW).filter((line) => line.section === 'header' || line.section === 'contact' || line.isHeading);
    const contactBlock = content.filter((line) => line.section === 'contact' && !line.isHeading);
    const ordered = [...beforeFirstHeading.slice(0, HEADER_WINDOW), ...contactBlock, ...top];
    return ordered.filter((line, index) => ordered.indexOf(line) === index);
  }

  function columnsOf(line: ResumeLine): string[] {
    return line.isHeading ? (line.side ? line.side.split(' | ') : []) : [line.content, ...(line.side ? line.side.split(' | ') : [])];
  }

  function titleCaseIfShouting(name: string): string {
    if (name !== name.toUpperCase()) return name;
    return name.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_, separator: string, letter: string) => separator + letter.toUpperCase());
  }

  // Section headings of one or two words ("Profile", "Work Experience"), to tell a heading from a name.
  const HEADING_PHRASES = new Set(Object.values(rules.sectionHeadings).flatMap((phrases) => phrases.filter((phrase) => phrase.split(' ').length <= 2)));

  /**
   * "Willian Ver Valem Profile": two columns read side by side put the other column's heading at the
   * end of the name's line. A heading after two name words or more is not part of the name.
   */
  function withoutTrailingHeading(text: string): string {
    const words = text.split(' ');
    for (const size of [2, 1]) {
      const tail = words.slice(-size).join(' ').toLowerCase();
      if (words.length - size >= 2 && HEADING_PHRASES.has(tail)) return words.slice(0, -size).join(' ');
    }
    return text;
  }

  function nameTokens(text: string, continuesName = false): string[] | null {
    if (/^(?:last )?updated\b/i.test(text.trim())) return null;
    // "Byungjin ParkDevOps Engineer": a title glued to the surname by the PDF extractor.
    const unglued = text.replace(/(\p{Ll})(\p{Lu})/u, '$1 $2');
    const source = TRAILING_TITLE.test(unglued) && !TRAILING_TITLE.test(text) ? unglued : text;
    const cleaned = source
      .replace(MARKDOWN_MARKS, '')
      .replace(INLINE_CONTACT_LABEL, '')
      .replace(DOCUMENT_PREFIX, '')
      .replace(TRAILING_TITLE, '')
      .replace(LOWER_CASE_TITLE, '')
      .replace(/^name\s*:\s*/i, '')
      .replace(/^(?:dr|prof|mr|mrs|ms|mx)\.?\s+/i, '')
      .replace(/\s+(?:updated|last updated|resume|cv)\b.*$/i, '')
      .trim();
    const named = withoutTrailingHeading(cleaned);
    if (/[\d@/]/.test(named) || NOT_NAME.test(named)) return null;
    if (CJK_NAME.test(named)) return [named];
    const tokens = named.split(' ').filter(Boolean);
    const valid = tokens.every((token, index) => NAME_TOKEN.test(token) || ((index > 0 || continuesName) && NAME_PARTICLE.test(token)));
    return tokens.length >= 1 && tokens.length <= 4 && valid && NAME_TOKEN.test(tokens[tokens.length - 1] ?? '') ? tokens : null;
  }

  function findName(header: ResumeLine[], email: string | null): string | null {
    const emailText = emailNameText(email);
    for (let i = 0; i < Math.min(header.length, 8); i++) {
      const line = header[i];
      if (!line || line.isBullet || line.isHeading) continue;
      const firstSegment = line.content.split(SEPARATORS)[0] ?? '';
      const tokens = nameTokens(firstSegment) ?? lowerCaseName(firstSegment, emailText);
      // "Ba Vienna, Austria" (an icon read as letters before the city): the whole line is a place.
      if (!tokens || isLocationText(firstSegment) || isLocationText(line.content)) continue;
      if (tokens.length >= 2 || CJK_NAME.test(tokens[0] ?? '')) return titleCaseIfShouting(tokens.join(' '));
      // Given name and family name extracted onto separate lines.
      const next = header[i + 1];
      const nextTokens = next ? nameTokens(next.content.split(SEPARATORS)[0] ?? '', true) : null;
      if (nextTokens && nextTokens.length <= 3 && next && !isLocationText(next.content)) {
        return titleCaseIfShouting([...tokens, ...nextTokens].join(' '));
      }
    }
    return null;
  }

  // The name is set larger than the text around it: at least this much larger than the page's
  // usual line, or the layout does not single it out and the text alone decides.
  const NAME_SIZE_OVER_BODY = 1.15;
  // Sizes tried, largest first, before the text alone decides.
  const NAME_SIZE_TIERS = 3;
  // The name sits in the top part of page 1 (points from the top; a page is ~800 points tall).
  const NAME_TOP_REGION = 260;
  // Lines within this share of the largest size are the same style (a name split over two lines).
  const SAME_SIZE = 0.95;
  // How far below (in sizes of the name) the second line of a two-line name may start.
  const NAME_NEXT_LINE = 1.6;

  function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)] ?? 0;
  }

  /** Name-shaped tokens in one cell of a line: its first segment, unless that is a place. */
  function cellName(cell: string, continuesName = false): string[] | null {
    const firstSegment = cell.split(SEPARATORS)[0] ?? '';
    if (isLocationText(firstSegment) || isLocationText(cell)) return null;
    return nameTokens(firstSegment, continuesName);
  }

  // Word's "Title" paragraph style (or a template's own "My - Title") is where a Word resume puts the name.
  const TITLE_STYLE = /(?:^|\W)title$/i;

  function wordTitleName(lines: ResumeLine[]): string | null {
    const titled = lines.find((line) => !line.isBlank && TITLE_STYLE.test(line.style?.style ?? ''));
    if (!titled) return null;
    const cell = titled.content.split(SEPARATORS)[0] ?? '';
    const tokens = cellName(cell) ?? (LOWER_CASE_NAME.test(cell.trim()) && !NOT_NAME.test(cell) ? cell.trim().split(' ') : null);
    return tokens ? titleCaseIfShouting(tokens.join(' ')) : null;
  }

  /**
   * With the layout, the name is the largest text near the top of page 1, whatever order the
   * extractor read the page in (a contact column first, a title line above it, a sidebar). A single
   * word is a name there ("Priya"): its size says so, where plain text could not.
   */
  function findStyledName(lines: ResumeLine[]): string | null {
    const fromTitle = wordTitleName(lines);
    if (fromTitle) return fromTitle;
    const page = lines.filter((line) => line.style?.page === 1 && !line.isBlank && !line.isArtifact);
    // Sizes say where the name is only with positions to say what is near the top (PDF, not Word).
    if (page.length < 3 || page.every((line) => line.style?.y === 0)) return null;
    const top = Math.min(...page.map((line) => line.style?.y ?? 0)) + NAME_TOP_REGION;
    const region = page.filter((line) => (line.style?.y ?? 0) <= top);
    const bodySize = median(page.map((line) => line.style?.size ?? 0));
    // Largest first: a job title set above the name in larger type is passed over.
    const sizes = [...new Set(region.map((line) => line.style?.size ?? 0))].sort((a, b) => b - a);
    for (const [tier, largest] of sizes.slice(0, NAME_SIZE_TIERS).entries()) {
      if (largest < NAME_SIZE_OVER_BODY * bodySize) break;
      const name = nameAtSize(region, largest, tier === 0);
      if (name) return name;
    }
    return null;
  }

  /** `isLargest`: a single word is a name only in the largest type on the page ("Priya"); below it, a heading or label is likelier. */
  function nameAtSize(region: ResumeLine[], largest: number, isLargest: boolean): string | null {
    const candidates = region
      .filter((line) => !line.isHeading && (line.style?.size ?? 0) >= SAME_SIZE * largest && (line.style?.size ?? 0) <= largest)
      .sort((a, b) => (a.style?.y ?? 0) - (b.style?.y ?? 0) || (a.style?.x ?? 0) - (b.style?.x ?? 0));
    for (const [index, line] of candidates.entries()) {
      const cellSizes = line.style?.cellSizes;
      for (const [cellIndex, rawCell] of line.raw.split('\t').entries()) {
        const cell = cleanLine(rawCell);
        // A small field beside the name (a city, a phone) is not the name.
        if (!cell || (cellSizes && (cellSizes[cellIndex] ?? 0) < SAME_SIZE * largest)) continue;
        const tokens = cellName(cell);
        if (!tokens) continue;
        // "ANNA" over "KOVALENKO": a name set in two lines of the same size.
        const next = candidates[index + 1];
        const nextLine = next && (next.style?.y ?? 0) - (line.style?.y ?? 0) <= NAME_NEXT_LINE * largest;
        const nextTokens = tokens.length === 1 && next && nextLine ? cellName(next.content, true) : null;
        const name = [...tokens, ...(nextTokens && nextTokens.length <= 3 ? nextTokens : [])];
        if (name.length >= 2 || isLargest) return titleCaseIfShouting(name.join(' '));
      }
    }
    return null;
  }

  function foldAccents(text: string): string {
    return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  }

  function isShouting(text: string): boolean {
    return /\p{Lu}/u.test(text) && text === text.toUpperCase();
  }

  /**
   * Design-tool layouts (Canva and the like) often print the name in a text box that the extractor puts anywhere on
   * the page, even at the bottom. Without a name at the top, take a name-shaped line that the email address confirms.
   */
  /** The parts of an email address that often spell the owner's name: the local part and a personal domain ("anna@annakovalenko.com"). */
  function emailNameText(email: string | null): string {
    if (!email) return '';
    const [local = '', domain = ''] = email.split('@');
    return foldAccents(`${local} ${domain.split('.')[0] ?? ''}`);
  }

  function confirmedByEmail(tokens: string[], emailText: string): boolean {
    return tokens.some((token) => token.length >= 4 && emailText.includes(foldAccents(token)));
  }

  // "Ravi kumar sharma": a name typed with lower-case words, taken only where the email spells part of it.
  const LOWER_CASE_NAME = /^\p{Lu}[\p{L}'’-]*(?: [\p{L}][\p{L}'’-]*){1,3}$/u;

  function lowerCaseName(text: string, emailText: string): string[] | null {
    const trimmed = text.trim();
    if (!LOWER_CASE_NAME.test(trimmed) || NOT_NAME.test(trimmed) || isLocationText(trimmed)) return null;
    const tokens = trimmed.split(' ');
    return confirmedByEmail(tokens, emailText) ? tokens : null;
  }

  /**
   * Design-tool layouts (Canva and the like) often print the name in a text box that the extractor puts anywhere on
   * the page, even at the bottom. Without a name at the top, take a name-shaped line that the email address confirms.
   */
  function findNameAnywhere(lines: ResumeLine[], email: string | null): string | null {
    const emailText = emailNameText(email);
    if (emailText.replace(/\W/g, '').length < 4) return null;
    const candidates = lines.filter((line) => !line.isBlank && !line.isArtifact && !line.isHeading && !line.isBullet && nameText(line, email) !== null);
    const confirmedAt = candidates.findIndex((line) => {
      const text = nameText(line, email) ?? '';
      const tokens = nameTokens(text) ?? lowerCaseName(text, emailText);
      return tokens !== null && !isLocationText(text) && confirmedByEmail(tokens, emailText) && (tokens.length >= 2 || splitName(candidates, candidates.indexOf(line)) !== null);
    });
    const confirmed = candidates[confirmedAt];
    if (!confirmed) return null;
    const confirmedText = nameText(confirmed, email) ?? '';
    const tokens = splitName(candidates, confirmedAt) ?? nameTokens(confirmedText) ?? lowerCaseName(confirmedText, emailText) ?? [];
    if (tokens.length < 2) return null;
    // "TADIMALLA" ... "SAI SARADIND": a surname in its own capitalised box elsewhere on the page.
    const loneSurnames = isShouting(confirmed.content)
      ? candidates.filter((line) => line !== confirmed && isShouting(line.content) && /^\p{Lu}{4,}$/u.test(line.content) && nameTokens(line.content) !== null && !isLocationText(line.content))
      : [];
    const surname = loneSurnames.length === 1 && tokens.length <= 3 && !tokens.includes(loneSurnames[0]?.content ?? '') ? loneSurnames[0] : undefined;
    const ordered = surname ? (surname.number < confirmed.number ? [surname.content, ...tokens] : [...tokens, surname.content]) : tokens;
    return titleCaseIfShouting(ordered.join(' '));
  }

  /** "ANNA" then "KOVALENKO": one word on a line and one on the next, both in capitals, around the confirmed line. */
  /**
   * Where a name may stand on its own in the page: a short line, or the first field of a line that
   * also gives the address ("Jane Roe • jane@roe.dev • roe.dev": a footer some templates repeat the
   * name in, which is all a scan has when the name at the top is set too large or ornate to read).
   */
  function nameText(line: ResumeLine, email: string | null): string | null {
    if (line.content.length <= 40) return line.content;
    // Dots aside: a scan may drop the small dot of the same address ("jane@roedev").
    const withoutDots = (text: string) => text.toLowerCase().replace(/\./g, '');
    if (!email || !withoutDots(line.content).includes(withoutDots(email))) return null;
    const first = line.content.split(SEPARATORS)[0] ?? '';
    return first.length <= 40 && !first.includes('@') ? first : null;
  }

  function splitName(candidates: ResumeLine[], index: number): string[] | null {
    for (const [first, second] of [[candidates[index], candidates[index + 1]], [candidates[index - 1], candidates[index]]]) {
      // Word puts a blank line between paragraphs.
      if (!first || !second || second.number > first.number + 2) continue;
      if (!isShouting(first.content) || !isShouting(second.content)) continue;
      const tokens = [nameTokens(first.content), nameTokens(second.content)];
      if (tokens.every((found) => found?.length === 1)) return tokens.flatMap((found) => found ?? []);
    }
    return null;
  }

  // An email address needs an "@"; looking for one first spares most lines the slow unicode pattern.
  function withoutEmails(text: string): string {
    return text.includes('@') ? text.replace(EMAIL, ' ') : text;
  }

  function findEmail(lines: ResumeLine[]): string | null {
    for (const line of lines) {
      if (!line.text.includes('@')) continue;
      EMAIL.lastIndex = 0;
      const match = EMAIL.exec(line.text.replace(/^mailto:/i, ''));
      if (match && !MASKED_EMAIL.test(match[0])) return match[0].replace(TRAILING_PUNCTUATION, '').toLowerCase();
    }
    return null;
  }

  function isPhoneLike(candidate: string): boolean {
    const digits = candidate.replace(/\D/g, '');
    if (digits.length < 8 || digits.length > 15) return false;
    // "000-00-0000": a template's placeholder, not a number.
    if (/^(\d)\1+$/.test(digits)) return false;
    // "2019 2022": years side by side.
    if (/^(?:(?:19|20)\d{2}[\s,;/]*)+$/.test(candidate)) return false;
    if (findDateRange(candidate) || /\b\d{1,2}[/.]\d{4}\b|\b(?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2}\b/.test(candidate)) return false;
    // A date written year first (2026-05-05, 2026.05.05), as a printed page's header or footer carries it.
    if (/^(?:19|20)\d{2}([-./])[01]\d\1[0-3]\d$/.test(candidate)) return false;
    // Phones are written in groups or with a country code; a bare 8-digit run is more likely an id or amount.
    return /^[+([]/.test(candidate) || /[\s.–‐‑-]/.test(candidate) || digits.length >= 10;
  }

  function firstPhone(text: string): string | null {
    const searched = withoutEmails(text);
    for (const match of allMatches(PHONE, searched)) {
      if (MASKED_AFTER.test(searched.slice(match.index + match[0].length))) continue;
      const candidate = match[0].trim().replace(/\s+/g, ' ').replace(/[\s(.–‐‑-]+$/, '');
      if (isPhoneLike(candidate)) return candidate;
    }
    return null;
  }

  /** A line that is nothing but a phone number, wherever a design tool put it. */
  function standalonePhone(line: ResumeLine): string | null {
    const found = firstPhone(line.content);
    return found !== null && line.content.replace(PHONE_LABEL, '').replace(/[\s:|]/g, '').length <= found.replace(/\s/g, '').length + 1 ? found : null;
  }

  function findPhone(header: ResumeLine[], lines: ResumeLine[]): string | null {
    for (const line of header) {
      const found = firstPhone(columnsOf(line).join('  |  '));
      if (found) return found;
    }
    for (const line of lines) {
      if (!PHONE_LABEL.test(line.text)) continue;
      const found = firstPhone(line.text);
      if (found) return found;
    }
    for (const line of lines) {
      const found = line.isBlank ? null : standalonePhone(line);
      if (found) return found;
    }
    return null;
  }

  function findLocation(header: ResumeLine[], lines: ResumeLine[]): string | null {
    const labelled = lines.find((line) => LOCATION_LABEL.test(line.content) && /^(?:location|address)/i.test(line.content));
    const candidates = labelled ? [labelled, ...header] : header;
    for (const line of candidates) {
      // Tabs separate header fields as often as bars and bullets do (Word and PDF exports), but line
      // cleaning turns them into spaces, so the raw line is split on them too.
      const tabFields = line.raw.includes('\t') ? line.raw.split('\t').map(cleanLine) : [];
      const pieces = [...columnsOf(line), ...tabFields].flatMap((column) => {
        const text = column.replace(LOCATION_LABEL, '');
        return [text, ...text.split(/\s*(?:[|•·◦▪]|\s[-–—/]\s)\s*/u)];
      });
      for (const piece of pieces) {
        const trimmed = piece.replace(LOCATION_LABEL, '').replace(TRAILING_PUNCTUATION, '').trim();
        // "Seattle, WA 98109": the postal code is not part of where someone lives for a recruiter.
        if (isLocationText(trimmed) && !/^(?:remote)$/i.test(trimmed) && !/^[A-Z]{2}$/.test(trimmed)) return trimmed.replace(/,?\s\d{4,6}$/, '');
      }
    }
    return null;
  }

  function addLink(links: string[], found: string): void {
    const url = normalizeUrl(found);
    if (url && !links.includes(url)) links.push(url);
  }

  function normalizeUrl(found: string): string | null {
    const trimmed = found.replace(TRAILING_PUNCTUATION, '');
    if (trimmed.length < 6) return null;
    const withScheme = /^https?:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
    try {
      const url = new URL(withScheme);
      const path = url.pathname === '/' ? '' : url.pathname.replace(/\/$/, '');
      return `${url.protocol}//${url.host.toLowerCase()}${path}${url.search}`;
    } catch {
      return null;
    }
  }

  function findLinks(header: ResumeLine[], lines: ResumeLine[]): string[] {
    const headerNumbers = new Set(header.map((line) => line.number));
    const links: string[] = [];
    for (const line of lines) {
      if (line.isArtifact) continue;
      const text = withoutEmails(line.text);
      // Links need a "/" or "www." unless they are bare domains, which are only looked for in the header.
      const isHeader = headerNumbers.has(line.number);
      if (!isHeader && !text.includes('/') && !/www\./i.test(text)) continue;
      for (const match of allMatches(URL_PATTERN, text)) addLink(links, match[0]);
      if (isHeader) {
        for (const match of allMatches(BARE_DOMAIN, text.replace(URL_PATTERN, ' '))) addLink(links, match[0]);
      }
    }
    return links;
  }

  function extractContact(lines: ResumeLine[]): Contact {
    const header = headerLines(lines);
    const searchable = lines.filter((line) => !line.isArtifact);
    const email = findEmail([...header, ...searchable]);
    return {
      name: header.some((line) => PLACEHOLDER_NAME.test(line.content)) ? null : (findStyledName(lines) ?? findName(header, email) ?? findNameAnywhere(searchable, email)),
      email,
      phone: findPhone(header, searchable),
      location: findLocation(header, searchable),
      links: findLinks(header, searchable),
    };
  }

  return { extractContact, isLocationText };
}
