// Finds school names in resume text so blind briefs can replace them. A school
// is a run of capitalised words around a keyword such as "University" or
// "Institute" ("University of Toronto", "Stanford University",
// "Massachusetts Institute of Technology"). It errs towards finding too much:
// a blind brief that hides an extra phrase is better than one that leaks.

const schoolKeywords = new Set(
  [
    'university',
    'universität',
    'universitat',
    'université',
    'universite',
    'universidad',
    'universidade',
    'università',
    'universiteit',
    'college',
    'institute',
    'institut',
    'instituto',
    'school',
    'academy',
    'akademie',
    'polytechnic',
    'politecnico',
    'polytechnique',
    'hochschule',
    'conservatory',
    'école',
    'ecole',
    'gymnasium',
    'lyceum',
  ].map((word) => word.normalize('NFC')),
);

/** Words that may sit inside a school name without being capitalised. */
const connectors = new Set(['of', 'for', 'and', '&', 'the', 'de', 'du', 'des', 'la', 'le', 'di', 'der', 'für', 'at']);

/** Capitalised words that start a phrase but are not part of the school's name. */
const leadingNoise = new Set(['at', 'from', 'the', 'bsc', 'msc', 'ba', 'ma', 'phd', 'mba', 'ms', 'bs', 'meng', 'beng']);

/** Schools commonly written without a keyword; matched only inside the education section. */
const wellKnownShortNames = [
  'MIT', 'ETH Zurich', 'ETH Zürich', 'ETH', 'EPFL', 'CMU', 'UCLA', 'UCL', 'NYU', 'KTH', 'IIT', 'Caltech', 'Stanford',
  'Harvard', 'Berkeley', 'UC Berkeley', 'Oxford', 'Cambridge', 'Princeton', 'Yale', 'Cornell', 'Georgia Tech', 'Imperial',
  'TU Munich', 'TUM', 'LSE', 'Technion', 'Tsinghua', 'INSEAD', 'Waterloo',
];

const educationHeading = /^\s*(education|academic|qualifications|degrees?|studies|training)\b/i;
const segmentSeparators = /[,;|()•·–—\t]|\s-\s|:\s/;

function clean(token: string): string {
  return token.replace(/^[^\p{L}\p{N}&]+|[^\p{L}\p{N}&.]+$/gu, '').replace(/\.$/, '');
}

function isCapitalised(token: string): boolean {
  return /^[\p{Lu}]/u.test(token) || /^[\p{Lu}\d]{2,}$/u.test(token);
}

function isKeyword(token: string): boolean {
  return schoolKeywords.has(token.toLowerCase().normalize('NFC'));
}

/** The school names in one line of text (usually zero or one). */
export function schoolsInLine(line: string): string[] {
  const found: string[] = [];
  for (const segment of line.split(segmentSeparators)) {
    const tokens = segment.split(/\s+/).map(clean).filter((token) => token.length > 0);
    // "École Polytechnique …" holds two keywords: one name, found once.
    let coveredUntil = -1;
    tokens.forEach((token, index) => {
      if (index <= coveredUntil || !isKeyword(token) || !isCapitalised(token)) return;
      let start = index;
      while (start > 0) {
        const previous = tokens[start - 1] ?? '';
        if (isCapitalised(previous) && !leadingNoise.has(previous.toLowerCase())) start -= 1;
        else break;
      }
      let end = index;
      while (end < tokens.length - 1) {
        const next = tokens[end + 1] ?? '';
        const afterNext = tokens[end + 2] ?? '';
        if (isCapitalised(next) && !/^\d/.test(next)) end += 1;
        else if (connectors.has(next.toLowerCase()) && isCapitalised(afterNext) && !/^\d/.test(afterNext)) end += 2;
        else break;
      }
      coveredUntil = end;
      const name = tokens.slice(start, end + 1).join(' ');
      // "School" alone (a section heading, "Summer School") names nothing.
      if (end > start && name.length >= 6) found.push(name);
    });
  }
  return found;
}

function isOtherHeading(line: string): boolean {
  return /^(experience|work|employment|professional|projects?|skills|certifications?|publications|awards|summary|profile)\b/i.test(line) && line.length < 40;
}

const wellKnownPattern = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${[...wellKnownShortNames].sort((a, b) => b.length - a.length).map(RegExp.escape).join('|')})(?![\\p{L}\\p{N}])`,
  'gu',
);

function shortNamesInLine(line: string): string[] {
  return [...line.matchAll(wellKnownPattern)].map((match) => match[0]);
}

/**
 * School names in a resume: every line of its education section, plus any line
 * elsewhere with a school-like phrase (teaching posts, bootcamps, research institutes).
 * Sorted longest first and without duplicates.
 */
export function detectSchools(resumeText: string): string[] {
  const seen = new Map<string, string>();
  let isInEducation = false;
  for (const line of resumeText.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (educationHeading.test(trimmed) && trimmed.length < 40) {
      isInEducation = true;
      continue;
    }
    if (isInEducation && isOtherHeading(trimmed)) isInEducation = false;
    const schools = schoolsInLine(line);
    if (isInEducation) schools.push(...shortNamesInLine(line));
    for (const school of schools) {
      const key = school.toLowerCase();
      if (!seen.has(key)) seen.set(key, school);
    }
  }
  return [...seen.values()].sort((a, b) => b.length - a.length);
}
