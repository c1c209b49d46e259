// The candidate list's view state (search, filters, sort, selection), kept by
// the App so it survives opening a candidate and coming back. What the filters and
// sort mean is in contract/candidate-list.ts.
import type { CandidateSortKey } from '../contract/types.ts';
import { emptyFilters, type ListFilters } from '../contract/candidate-list.ts';

export interface ListView {
  query: string;
  filters: ListFilters;
  sort: CandidateSortKey;
  direction: 'asc' | 'desc';
  selectedId: number | null;
}

export const initialListView: ListView = { query: '', filters: emptyFilters, sort: 'evidence', direction: 'desc', selectedId: null };

export function activeFilterCount(filters: ListFilters): number {
  return (Object.keys(filters) as Array<keyof ListFilters>).filter((key) => key !== 'toolStatus' && filters[key] !== '').length;
}
