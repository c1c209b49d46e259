import { describe, expect, it } from 'vitest';
import { emptyFilters, filterAndSort, matchesFilters, sortCandidates } from '../../contract/candidate-list.ts';
import type { CandidateListItem } from '../../contract/types.ts';

function item(id: number, overrides: Partial<CandidateListItem> = {}): CandidateListItem {
  // Fields a test does not name get blanks; the cast lets a new list field leave this fixture as it is.
  return {
    id,
    name: `Person ${id}`,
    email: null,
    location: null,
    currentTitle: null,
    employers: [],
    status: 'new',
    fileCount: 1,
    importedAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    subRole: 'devops',
    evidenceLevel: 'weak',
    evidenceScore: 10,
    isPadded: false,
    paddingScore: 0,
    seniority: 'mid',
    yearsExperience: 3,
    toolsShipped: [],
    toolsListed: [],
    ...overrides,
  } as CandidateListItem;
}

const ids = (items: readonly CandidateListItem[]) => items.map((candidate) => candidate.id);

describe('candidate list filters', () => {
  const shipped = item(1, { toolsShipped: ['mlflow'] });
  const listed = item(2, { toolsListed: ['mlflow'] });
  const neither = item(3, { location: '  Berlin, Germany' });

  it('tells a tool shipped with from a tool only listed, and takes either when the tool use is open', () => {
    const list = [shipped, listed, neither];
    expect(ids(list.filter((candidate) => matchesFilters(candidate, { ...emptyFilters, tool: 'mlflow', toolStatus: 'evidence' })))).toEqual([1]);
    expect(ids(list.filter((candidate) => matchesFilters(candidate, { ...emptyFilters, tool: 'mlflow', toolStatus: 'listed' })))).toEqual([2]);
    expect(ids(list.filter((candidate) => matchesFilters(candidate, { ...emptyFilters, tool: 'mlflow' })))).toEqual([1, 2]);
  });

  it('matches a location by any part of it, whatever the case and surrounding spaces of the query', () => {
    expect(matchesFilters(neither, { ...emptyFilters, location: ' BERLIN ' })).toBe(true);
    expect(matchesFilters(neither, { ...emptyFilters, location: 'munich' })).toBe(false);
    expect(matchesFilters(shipped, { ...emptyFilters, location: 'berlin' })).toBe(false); // no location at all
  });

  it('counts an unanalysed candidate as neither padded nor clean', () => {
    const unanalysed = item(4, { isPadded: null });
    expect(matchesFilters(unanalysed, { ...emptyFilters, padding: 'padded' })).toBe(false);
    expect(matchesFilters(unanalysed, { ...emptyFilters, padding: 'clean' })).toBe(false);
    expect(matchesFilters(unanalysed, emptyFilters)).toBe(true);
  });
});

describe('candidate list order', () => {
  it('puts missing values last in either direction and breaks ties by id', () => {
    const list = [item(1, { evidenceScore: null }), item(2, { evidenceScore: 50 }), item(3, { evidenceScore: 80 }), item(4, { evidenceScore: 50 })];
    expect(ids(sortCandidates(list, 'evidence', 'desc'))).toEqual([3, 2, 4, 1]);
    expect(ids(sortCandidates(list, 'evidence', 'asc'))).toEqual([2, 4, 3, 1]);
  });

  it('sorts names as the reader expects: case, accents and numbers included, nameless last', () => {
    const list = [item(1, { name: 'dubois' }), item(2, { name: 'Dąbrowski' }), item(3, { name: null }), item(4, { name: 'Ana 10' }), item(5, { name: 'Ana 9' })];
    expect(ids(sortCandidates(list, 'name', 'asc'))).toEqual([5, 4, 2, 1, 3]);
    expect(ids(sortCandidates(list, 'name', 'desc'))).toEqual([1, 2, 4, 5, 3]);
  });

  it('filters and sorts a copy, leaving the loaded list as it was', () => {
    const list = [item(1, { yearsExperience: 2 }), item(2, { yearsExperience: 9, status: 'advanced' }), item(3, { yearsExperience: 5 })];
    expect(ids(filterAndSort(list, emptyFilters, 'years', 'desc'))).toEqual([2, 3, 1]);
    expect(ids(filterAndSort(list, { ...emptyFilters, status: 'advanced' }, 'years', 'desc'))).toEqual([2]);
    expect(ids(list)).toEqual([1, 2, 3]);
  });
});
