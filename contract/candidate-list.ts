// Filtering and sorting the candidate list: one pure module the renderer (the Candidates
// screen, over the list it loaded) and the CLI use alike. The list is read whole, once
// (db/queries/candidates.ts listCandidates); nothing filters or sorts it anywhere else.
import type { CandidateListItem, CandidateSortKey, CandidateStatus } from './types.ts';
import type { EvidenceLevel, SubRoleId } from './analysis.ts';

/** A filter is off when its value is '' (a toolStatus of '' means shipped or listed). */
export interface ListFilters {
  subRole: SubRoleId | '';
  evidenceLevel: EvidenceLevel | '';
  padding: '' | 'padded' | 'clean';
  tool: string;
  toolStatus: '' | 'evidence' | 'listed';
  location: string;
  status: CandidateStatus | '';
}

export const emptyFilters: ListFilters = { subRole: '', evidenceLevel: '', padding: '', tool: '', toolStatus: '', location: '', status: '' };

export function matchesFilters(item: CandidateListItem, filters: ListFilters): boolean {
  if (filters.subRole && item.subRole !== filters.subRole) return false;
  if (filters.evidenceLevel && item.evidenceLevel !== filters.evidenceLevel) return false;
  if (filters.padding === 'padded' && item.isPadded !== true) return false;
  if (filters.padding === 'clean' && item.isPadded !== false) return false;
  if (filters.status && item.status !== filters.status) return false;
  if (filters.location) {
    const needle = filters.location.trim().toLocaleLowerCase();
    if (needle && !(item.location ?? '').toLocaleLowerCase().includes(needle)) return false;
  }
  if (filters.tool) {
    const isShipped = item.toolsShipped.includes(filters.tool);
    const isListed = item.toolsListed.includes(filters.tool);
    if (filters.toolStatus === 'evidence' && !isShipped) return false;
    if (filters.toolStatus === 'listed' && !isListed) return false;
    if (filters.toolStatus === '' && !isShipped && !isListed) return false;
  }
  return true;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

function compareNullable(a: number | null, b: number | null): number | null {
  if (a === null && b === null) return 0;
  if (a === null) return null; // nulls always last
  if (b === null) return null;
  return a - b;
}

export function sortCandidates(items: readonly CandidateListItem[], sort: CandidateSortKey, direction: 'asc' | 'desc'): CandidateListItem[] {
  const sign = direction === 'asc' ? 1 : -1;
  const nullsLast = (a: unknown, b: unknown) => (a === null ? 1 : 0) - (b === null ? 1 : 0);
  return [...items].sort((a, b) => {
    let result: number;
    switch (sort) {
      case 'evidence': {
        const compared = compareNullable(a.evidenceScore, b.evidenceScore);
        if (compared === null) return nullsLast(a.evidenceScore, b.evidenceScore);
        result = compared;
        break;
      }
      case 'years': {
        const compared = compareNullable(a.yearsExperience, b.yearsExperience);
        if (compared === null) return nullsLast(a.yearsExperience, b.yearsExperience);
        result = compared;
        break;
      }
      case 'name':
        if (a.name === null || b.name === null) return nullsLast(a.name, b.name) || a.id - b.id;
        result = collator.compare(a.name, b.name);
        break;
      case 'imported':
        result = a.importedAt < b.importedAt ? -1 : a.importedAt > b.importedAt ? 1 : 0;
        break;
      default: {
        const unexpected: never = sort;
        throw new Error(`unknown sort ${String(unexpected)}`);
      }
    }
    return result * sign || a.id - b.id;
  });
}

/** The items that pass the filters, in the given order. */
/** The list's default order, as the Candidates screen first shows it and the CLI lists it: strongest evidence first. */
export function strongestFirst(items: readonly CandidateListItem[]): CandidateListItem[] {
  return sortCandidates(items, 'evidence', 'desc');
}

export function filterAndSort(items: readonly CandidateListItem[], filters: ListFilters, sort: CandidateSortKey, direction: 'asc' | 'desc'): CandidateListItem[] {
  return sortCandidates(items.filter((item) => matchesFilters(item, filters)), sort, direction);
}
