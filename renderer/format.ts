// Labels and formatting shared by the screens.
import type { CandidateStatus } from '../contract/types.ts';
import type { EvidenceLevel, FlagKind, Seniority } from '../contract/analysis.ts';
import { ratingWords, type Rating } from '../contract/screening.ts';
import { capitalise, plural as pluralWords } from '../contract/words.ts';
import taxonomy from '../resources/taxonomy.json';

export { subRoleLabels } from '../contract/analysis.ts';

export const evidenceLabels: Record<EvidenceLevel, string> = {
  strong: 'Strong',
  moderate: 'Moderate',
  weak: 'Weak',
  none: 'None',
};

export const statusLabels: Record<CandidateStatus, string> = {
  new: 'New',
  screening: 'Screening',
  advanced: 'Advanced',
  'on-hold': 'On hold',
  declined: 'Declined',
};

export const seniorityLabels: Record<Seniority, string> = { junior: 'Junior', mid: 'Mid-level', senior: 'Senior', staff: 'Staff+' };

export const ratingLabels: Record<Rating, string> = { 1: capitalise(ratingWords[1]), 2: capitalise(ratingWords[2]), 3: capitalise(ratingWords[3]), 4: capitalise(ratingWords[4]) };

export const flagKindLabels: Record<FlagKind, string> = { evidence: 'Evidence', padding: 'Padding', risk: 'Risk' };

const toolNames = new Map<string, string>(taxonomy.tools.map((tool) => [tool.id, tool.name]));
export function toolName(id: string): string {
  return toolNames.get(id) ?? id;
}

export function formatYears(years: number | null): string {
  if (years === null) return '—';
  return `${years < 10 ? years.toFixed(1).replace(/\.0$/, '') : Math.round(years)} y`;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });

export function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
}

export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTimeFormat.format(date);
}

const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
export function formatMonth(isoMonth: string | null): string {
  if (!isoMonth) return '?';
  const [year, month] = isoMonth.split('-');
  const name = monthNames[Number(month) - 1];
  return name ? `${name} ${year}` : (year ?? isoMonth);
}

export function formatElapsed(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  const minutes = Math.floor(seconds / 60);
  return minutes > 0 ? `${minutes}m ${String(seconds % 60).padStart(2, '0')}s` : `${seconds}s`;
}

export function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] || path;
}

/** `plural` with the count written for the reader's locale ("1,204 candidates"). */
export function plural(count: number, one: string, many?: string): string {
  return pluralWords(count, one, many, count.toLocaleString());
}
