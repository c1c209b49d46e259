// Blind-mode redaction: every known identifying string (name and its parts,
// email, phone, links and handles, city, employers, schools) is replaced by a
// neutral label wherever it occurs, and anything shaped like an email, URL or
// phone number is replaced even when it was not known in advance.
import type { Contact, WorkRole } from '../../contract/analysis.ts';

export interface Replacement {
  text: string;
  label: string;
}

export interface IdentityFacts {
  candidateId: number;
  contact: Contact;
  /** Names from the candidate row (may differ from the latest analysis). */
  otherNames: Array<string | null>;
  otherEmails: Array<string | null>;
  otherPhones: Array<string | null>;
  otherLocations: Array<string | null>;
  roles: WorkRole[];
  /** Employer names stored on the candidate row. */
  employers: string[];
  schools: string[];
}

export type Redact = (text: string) => string;

const emailPattern = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
const urlPattern =
  /\b(?:https?:\/\/|www\.)[^\s<>()]+|\b(?:[a-z0-9-]+\.)*(?:github|gitlab|linkedin|twitter|x|kaggle|medium|huggingface|bitbucket|stackoverflow)\.(?:com|io|co)\/[^\s<>()]*/giu;
const handlePattern = /(?<![\p{L}\p{N}.])@[A-Za-z0-9_][A-Za-z0-9_.-]{1,38}/gu;
const phoneCandidate = /(?<![\p{L}\p{N}])\+?\(?\d[\d\s().-]{6,}\d(?![\p{L}\p{N}])/gu;
const yearRange = /^\d{4}\s*[-–.]\s*\d{4}$/;

const nameParticles = new Set(['de', 'del', 'der', 'van', 'von', 'da', 'di', 'la', 'le', 'du', 'dos', 'das', 'bin', 'al', 'jr', 'sr', 'ii', 'iii']);
const companySuffix =
  /[,\s]+(?:inc\.?|incorporated|corp\.?|corporation|llc|l\.l\.c\.|ltd\.?|limited|gmbh|ag|plc|co\.?|company|s\.a\.|sa|bv|b\.v\.|oy|ab|pty\.? ltd\.?)$/i;

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

function letters(index: number): string {
  // A, B, … Z, AA, AB, …
  let label = '';
  let n = index;
  do {
    label = String.fromCharCode(65 + (n % 26)) + label;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return label;
}

export function phoneDigits(text: string): string {
  return text.replace(/\D/g, '');
}

function looksLikePhone(match: string): boolean {
  const digits = phoneDigits(match);
  return digits.length >= 9 && digits.length <= 15 && !yearRange.test(match.trim());
}

/** Handles in profile links: github.com/jdoe → "jdoe". */
export function handlesFromLink(link: string): string[] {
  const withScheme = /^[a-z]+:\/\//i.test(link) ? link : `https://${link}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return [];
  }
  const segments = url.pathname.split('/').filter((segment) => segment.length > 0);
  const skip = new Set(['in', 'pub', 'u', 'user', 'users', 'profile', '@']);
  const handles = segments.filter((segment) => !skip.has(segment.toLowerCase())).slice(0, 1);
  // Personal sites: jdoe.dev, jane-doe.github.io
  const hostParts = url.hostname.replace(/^www\./, '').split('.');
  if (hostParts.length >= 2 && !/^(github|gitlab|linkedin|twitter|x|kaggle|medium|huggingface|bitbucket|stackoverflow)$/i.test(hostParts[0] ?? '')) {
    handles.push(hostParts[0] ?? '');
  }
  return handles.map((handle) => decodeURIComponent(handle).replace(/^@/, '')).filter((handle) => handle.length >= 3);
}

/** Employer names with and without a legal suffix: "Acme Corp." → ["Acme Corp.", "Acme"]. */
export function employerVariants(employer: string): string[] {
  const trimmed = employer.trim();
  const bare = trimmed.replace(companySuffix, '').trim();
  return bare.length >= 2 && bare !== trimmed ? [trimmed, bare] : [trimmed];
}

/** The city part of a location: "Austin, TX" → "Austin"; a single part is treated as a city unless it is "Remote". */
function cityOf(location: string): string | null {
  const first = location.split(',')[0]?.trim() ?? '';
  if (first.length < 2 || /^remote$/i.test(first)) return null;
  return first;
}

/** Location reduced for blind mode: region/country only, or null when only a city is known. */
export function reduceLocation(location: string | null): string | null {
  if (location === null) return null;
  const parts = location
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
  if (parts.length >= 2) return parts.slice(1).join(', ');
  if (parts.length === 1 && /^remote$/i.test(parts[0] ?? '')) return 'Remote';
  return null;
}

/** The replacement list for one candidate, in the order labels are assigned. */
export function identifyingStrings(facts: IdentityFacts): Replacement[] {
  const candidateLabel = `Candidate ${facts.candidateId}`;
  const replacements: Replacement[] = [];
  const add = (text: string | null | undefined, label: string) => {
    if (!text) return;
    const trimmed = text.trim();
    if (trimmed.length >= 2) replacements.push({ text: trimmed, label });
  };

  const names = [facts.contact.name, ...facts.otherNames].filter((name): name is string => Boolean(name));
  for (const name of names) {
    add(name, candidateLabel);
    for (const part of name.split(/[\s,]+/)) {
      const bare = part.replace(/[.()]/g, '');
      // Two letters count ("Li Wu"); single initials do not.
      if (bare.length >= 2 && !nameParticles.has(bare.toLowerCase())) add(bare, candidateLabel);
      // Hyphenated names: "Smith-Jones" → also "Smith" and "Jones".
      for (const piece of bare.split('-')) if (piece.length >= 2 && piece !== bare) add(piece, candidateLabel);
    }
  }
  for (const email of [facts.contact.email, ...facts.otherEmails]) {
    add(email, '[email]');
    const local = email?.split('@')[0];
    if (local && local.length >= 4) add(local, '[handle]');
  }
  for (const phone of [facts.contact.phone, ...facts.otherPhones]) add(phone, '[phone]');
  for (const link of facts.contact.links) {
    add(link, '[link]');
    for (const handle of handlesFromLink(link)) add(handle, '[handle]');
  }
  for (const location of [facts.contact.location, ...facts.otherLocations]) {
    if (location) add(cityOf(location), '[city]');
  }

  const employerLabels = new Map<string, string>();
  const employerNames = [...facts.roles.map((role) => role.employer), ...facts.employers];
  for (const employer of employerNames) {
    if (!employer) continue;
    const key = normalise(employerVariants(employer).at(-1) ?? employer);
    let label = employerLabels.get(key);
    if (!label) {
      label = `Employer ${letters(employerLabels.size)}`;
      employerLabels.set(key, label);
    }
    for (const variant of employerVariants(employer)) add(variant, label);
  }

  facts.schools.forEach((school, index) => add(school, `School ${letters(index)}`));
  return replacements;
}

/** Builds the function that redacts one string. Labels are never re-redacted. */
export function createRedactor(replacements: Replacement[]): Redact {
  const labelByKey = new Map<string, string>();
  for (const { text, label } of replacements) {
    const key = normalise(text);
    if (!labelByKey.has(key)) labelByKey.set(key, label);
  }
  const knownPhoneDigits = new Set(
    replacements.filter((item) => item.label === '[phone]').map((item) => phoneDigits(item.text)),
  );
  const alternatives = [...labelByKey.keys()]
    .sort((a, b) => b.length - a.length)
    .map((key) => key.split(' ').map(RegExp.escape).join('\\s+'));
  const known =
    alternatives.length === 0 ? null : new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}_])`, 'giu');

  return (text: string) => {
    let result = text
      .replace(emailPattern, '[email]')
      .replace(urlPattern, '[link]')
      .replace(handlePattern, '[handle]')
      .replace(phoneCandidate, (match) =>
        looksLikePhone(match) || knownPhoneDigits.has(phoneDigits(match)) ? '[phone]' : match,
      );
    if (known) result = result.replace(known, (match) => labelByKey.get(normalise(match)) ?? '[redacted]');
    // "Jane Doe" with "Jane Q. Doe" known gives "Candidate 7 Candidate 7": say it once.
    return result.replace(/(Candidate \d+|Employer [A-Z]+|School [A-Z]+)(?:[\s.]+\1(?![A-Za-z0-9]))+/g, '$1');
  };
}

/** Applies `redact` to every string inside a JSON value. */
export function redactDeep<T>(value: T, redact: Redact): T {
  const walk = (item: unknown): unknown => {
    if (typeof item === 'string') return redact(item);
    if (Array.isArray(item)) return item.map(walk);
    if (item !== null && typeof item === 'object') {
      return Object.fromEntries(Object.entries(item).map(([key, child]) => [key, walk(child)]));
    }
    return item;
  };
  // walk preserves the shape: it only replaces string leaves with strings.
  return walk(value) as T;
}
