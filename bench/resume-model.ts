// A generated resume as structured data, rendered later as PDF (one or two
// columns), DOCX (flowing or table layout) or TXT. Everything comes from the
// per-file PRNG, so file i is the same for a given seed whatever n is.
import { fileRng, type Rng } from './prng.ts';
import * as bank from './phrases.ts';

export const formats = ['pdf-1col', 'pdf-2col', 'docx', 'docx-table', 'txt'] as const;
export type ResumeFormat = (typeof formats)[number];
/** Share of each format in a generated corpus (PDF-heavy, as real inboxes are). */
const formatWeights = [42, 26, 14, 6, 12];

export const tracks = ['platform', 'infra', 'applied', 'devops', 'ds'] as const;
export type Track = (typeof tracks)[number];
export const profiles = ['strong', 'moderate', 'weak', 'padded'] as const;
export type Profile = (typeof profiles)[number];

export interface Role {
  title: string;
  employer: string;
  location: string;
  dates: string;
  bullets: string[];
}

export interface Resume {
  index: number;
  format: ResumeFormat;
  track: Track;
  profile: Profile;
  targetPages: number;
  name: string;
  headline: string;
  email: string;
  phone: string;
  location: string;
  links: string[];
  summary: string;
  roles: Role[];
  skillGroups: Array<{ label: string; items: string[] }>;
  education: string[];
  certifications: string[];
  projects: string[];
  publications: string[];
}

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .replace(/ø/g, 'o')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function fill(template: string, rng: Rng, stack: readonly string[]): string {
  const tool = rng.pick(stack);
  const others = stack.filter((item) => item !== tool);
  const tool2 = others.length > 0 ? rng.pick(others) : rng.pick(bank.toolNames);
  return template
    .replaceAll('{tool}', tool)
    .replaceAll('{tool2}', tool2)
    .replaceAll('{n}', String(rng.int(2, 40)))
    .replaceAll('{k}', String(rng.int(2, 9)))
    .replaceAll('{rps}', `${rng.int(1, 40) * 500}`)
    .replaceAll('{ms}', String(rng.int(2, 30) * 10))
    .replaceAll('{teams}', String(rng.int(3, 25)))
    .replaceAll('{days}', String(rng.int(5, 30)))
    .replaceAll('{hours}', String(rng.int(1, 12)))
    .replaceAll('{pct}', String(rng.int(12, 65)))
    .replaceAll('{gpus}', String(rng.int(1, 16) * 8))
    .replaceAll('{mins}', String(rng.int(8, 90)))
    .replaceAll('{year}', String(rng.int(2016, 2025)))
    .replaceAll('{years}', String(rng.int(3, 15)));
}

type DateStyle = 'short' | 'numeric' | 'long' | 'years';

function formatDate(year: number, month: number, style: DateStyle): string {
  switch (style) {
    case 'short':
      return `${bank.months[month]} ${year}`;
    case 'numeric':
      return `${String(month + 1).padStart(2, '0')}/${year}`;
    case 'long':
      return `${bank.monthsLong[month]} ${year}`;
    case 'years':
      return String(year);
    default: {
      const exhaustive: never = style;
      throw new Error(`unknown date style ${String(exhaustive)}`);
    }
  }
}

export function generateResume(seed: number, index: number): Resume {
  const rng = fileRng(seed, index, 'resume');
  const format = formats[rng.weighted(formatWeights)] ?? 'pdf-1col';
  const track = rng.pick(tracks);
  const profile = profiles[rng.weighted([30, 30, 22, 18])] ?? 'moderate';
  const targetPages = 1 + rng.weighted([35, 40, 18, 7]);
  const first = rng.pick(bank.firstNames);
  const last = rng.pick(bank.lastNames);
  const name = rng.chance(0.1) ? `${first} ${rng.pick(bank.firstNames).charAt(0)}. ${last}` : `${first} ${last}`;
  const location = rng.pick(bank.locations);
  const dateStyle = rng.pick<DateStyle>(['short', 'short', 'numeric', 'long', 'years']);
  const dash = rng.pick([' – ', ' - ', ' to ', '–']);
  const present = rng.pick(['Present', 'present', 'Current', 'Now']);

  const trackTools = bank.toolsByTrack[track] ?? bank.toolNames;
  const stack = rng.sample(trackTools, rng.int(5, Math.min(9, trackTools.length)));
  const titles = bank.titlesByTrack[track] ?? bank.juniorTitles;

  const roleCount = [0, rng.int(2, 3), rng.int(3, 5), rng.int(5, 7), rng.int(7, 9)][targetPages] ?? 3;
  const bulletRange = [[0, 0], [2, 4], [4, 6], [5, 7], [6, 8]][targetPages] ?? [3, 5];
  const roles: Role[] = [];
  let endYear = 2026;
  let endMonth = rng.int(0, 10);
  for (let roleIndex = 0; roleIndex < roleCount; roleIndex++) {
    const isCurrent = roleIndex === 0 && rng.chance(0.75);
    const spanMonths = rng.int(8, 48);
    const startTotal = endYear * 12 + endMonth - spanMonths;
    const startYear = Math.floor(startTotal / 12);
    const startMonth = startTotal % 12;
    const end = isCurrent ? present : formatDate(endYear, endMonth, dateStyle);
    const isJunior = roleIndex >= roleCount - 1 && roleCount > 2;
    const bulletCount = rng.int(bulletRange[0] ?? 3, bulletRange[1] ?? 5);
    const bullets: string[] = [];
    for (let bulletIndex = 0; bulletIndex < bulletCount; bulletIndex++) {
      const evidenceShare = { strong: 0.75, moderate: 0.45, weak: 0.1, padded: 0.05 }[profile];
      const pool =
        track === 'devops' && rng.chance(0.5)
          ? bank.devopsBullets
          : rng.chance(evidenceShare)
            ? bank.evidenceBullets
            : bank.weakBullets;
      bullets.push(fill(rng.pick(pool), rng, stack));
    }
    roles.push({
      title: isJunior ? rng.pick(bank.juniorTitles) : rng.pick(titles),
      employer: rng.pick(bank.employers),
      location: rng.chance(0.6) ? rng.pick(bank.locations) : location,
      dates: `${formatDate(startYear, startMonth, dateStyle)}${dash}${end}`,
      bullets,
    });
    const gap = rng.chance(0.2) ? rng.int(1, 6) : 0;
    const endTotal = startTotal - gap;
    endYear = Math.floor(endTotal / 12);
    endMonth = endTotal % 12;
  }

  const skillCount = profile === 'padded' ? rng.int(35, 70) : rng.int(10, 24);
  const skills = [...new Set([...stack, ...rng.sample(bank.toolNames, skillCount)])];
  const skillGroups =
    rng.chance(0.5)
      ? [{ label: 'Skills', items: skills }]
      : [
          { label: 'Languages', items: skills.filter((item) => ['Python', 'Go', 'Rust', 'Java', 'Scala', 'Bash', 'SQL'].includes(item)) },
          { label: 'ML & Serving', items: skills.filter((_, itemIndex) => itemIndex % 3 === 0) },
          { label: 'Infrastructure', items: skills.filter((_, itemIndex) => itemIndex % 3 === 1) },
          { label: 'Data & Tooling', items: skills.filter((_, itemIndex) => itemIndex % 3 === 2) },
        ].filter((group) => group.items.length > 0);

  const localPart = `${slug(first)}.${slug(last)}${index}`;
  return {
    index,
    format,
    track,
    profile,
    targetPages,
    name,
    headline: roles[0]?.title ?? rng.pick(titles),
    email: `${localPart}@${rng.pick(['gmail.com', 'outlook.com', 'proton.me', 'fastmail.com', 'yahoo.com'])}`,
    phone: rng.pick([
      `+1 (${rng.int(200, 989)}) ${rng.int(200, 989)}-${String(rng.int(0, 9999)).padStart(4, '0')}`,
      `+44 7${rng.int(100, 999)} ${rng.int(100000, 999999)}`,
      `+49 15${rng.int(1, 9)} ${rng.int(1000000, 9999999)}`,
      `+91 ${rng.int(70000, 99999)} ${rng.int(10000, 99999)}`,
    ]),
    location,
    links: [`linkedin.com/in/${slug(first)}-${slug(last)}-${index}`, `github.com/${slug(first)}${slug(last)}`].slice(0, rng.int(1, 2)),
    summary: fill(rng.pick(bank.summaries), rng, stack),
    roles,
    skillGroups,
    education: rng
      .sample(bank.degrees, targetPages >= 3 && rng.chance(0.4) ? 2 : 1)
      .map((degree) => `${degree}, ${rng.pick(bank.universities)}, ${rng.int(2004, 2022)}`),
    certifications: rng.sample(bank.certifications, profile === 'padded' ? rng.int(2, 5) : rng.int(0, 2)),
    projects: targetPages >= 2 ? Array.from({ length: rng.int(1, targetPages) }, () => fill(rng.pick(bank.projects), rng, stack)) : [],
    publications:
      track === 'ds' || track === 'infra' || targetPages >= 3
        ? Array.from({ length: rng.int(0, targetPages) }, () => fill(rng.pick(bank.publications), rng, stack))
        : [],
  };
}

/** Section headings vary the way real resumes do. */
export function headings(resume: Resume): { experience: string; skills: string; education: string; certs: string; projects: string; pubs: string; summary: string } {
  const upper = resume.index % 3 === 0;
  const pick = (options: readonly string[]) => options[resume.index % options.length] ?? options[0] ?? '';
  const result = {
    summary: pick(['Summary', 'Profile', 'About']),
    experience: pick(['Experience', 'Work Experience', 'Professional Experience', 'Employment History']),
    skills: pick(['Skills', 'Technical Skills', 'Core Competencies']),
    education: 'Education',
    certs: 'Certifications',
    projects: pick(['Projects', 'Selected Projects', 'Open Source']),
    pubs: pick(['Publications', 'Talks & Publications']),
  };
  if (!upper) return result;
  return Object.fromEntries(Object.entries(result).map(([key, value]) => [key, value.toUpperCase()])) as typeof result;
}

export function resumeToText(resume: Resume): string {
  const h = headings(resume);
  const lines: string[] = [resume.name, resume.headline, `${resume.email} | ${resume.phone} | ${resume.location}`, resume.links.join(' | '), ''];
  lines.push(h.summary, resume.summary, '');
  lines.push(h.experience);
  for (const role of resume.roles) {
    lines.push(`${role.title} — ${role.employer}, ${role.location}`, role.dates);
    for (const bullet of role.bullets) lines.push(`• ${bullet}`);
    lines.push('');
  }
  lines.push(h.skills);
  for (const group of resume.skillGroups) lines.push(`${group.label}: ${group.items.join(', ')}`);
  lines.push('', h.education, ...resume.education);
  if (resume.certifications.length > 0) lines.push('', h.certs, ...resume.certifications);
  if (resume.projects.length > 0) lines.push('', h.projects, ...resume.projects.map((item) => `- ${item}`));
  if (resume.publications.length > 0) lines.push('', h.pubs, ...resume.publications);
  return `${lines.join('\n')}\n`;
}

export function fileBaseName(resume: Resume): string {
  return `${String(resume.index).padStart(5, '0')}-${slug(resume.name)}`;
}
