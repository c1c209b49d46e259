import { describe, expect, it } from 'vitest';
import { buildSearchIndex, candidateSearchFields, searchCandidates, searchWords } from '../../renderer/candidate-search.ts';
import type { CandidateListItem } from '../../contract/types.ts';

function candidate(id: number, overrides: Partial<CandidateListItem>): CandidateListItem {
  // Fields a test does not name get blanks; the cast lets a new list field leave this fixture as it is.
  return {
    id,
    name: null,
    email: null,
    location: null,
    currentTitle: null,
    employers: [],
    status: 'new',
    fileCount: 1,
    importedAt: '2026-11-01',
    updatedAt: '2026-11-01',
    subRole: null,
    evidenceLevel: null,
    evidenceScore: null,
    isPadded: null,
    paddingScore: null,
    seniority: null,
    yearsExperience: null,
    toolsShipped: [],
    toolsListed: [],
    ...overrides,
  } as CandidateListItem;
}

const toolNames: Record<string, string> = { mlflow: 'MLflow', kubeflow: 'Kubeflow', kubernetes: 'Kubernetes' };
const fields = candidateSearchFields((id) => toolNames[id] ?? id);

const people = [
  candidate(1, { name: 'Priya Patel', currentTitle: 'ML Platform Engineer', employers: ['Stripe'], location: 'Berlin, Germany', toolsShipped: ['mlflow'] }),
  candidate(2, { name: 'José Álvarez', currentTitle: 'SRE', employers: ['Berlin Brands Group'], location: 'Madrid, Spain', toolsListed: ['kubeflow'] }),
  candidate(3, { name: 'Sam Berliner', currentTitle: 'Data Scientist', employers: ['Acme'], location: 'Austin, TX', toolsShipped: ['kubernetes'] }),
];
const index = buildSearchIndex(people, fields);
const ids = (query: string) => searchCandidates(index, query)?.map((item) => item.id) ?? null;

describe('candidate search', () => {
  it('splits text into lower-case words without accents', () => {
    expect(searchWords('José Álvarez, C++ / ML-Ops')).toEqual(['jose', 'alvarez', 'c++', 'ml', 'ops']);
  });

  it('returns null for an empty query, so the list shows everything in its own order', () => {
    expect(ids('')).toBeNull();
    expect(ids('  , ')).toBeNull();
  });

  it('matches as the user types: every prefix of a word finds its candidates', () => {
    for (const typed of ['p', 'pr', 'pri', 'priy', 'priya']) expect(ids(typed)).toContain(1);
    expect(ids('jose')).toEqual([2]);
    expect(ids('álv')).toEqual([2]);
  });

  it('searches title, employers, tools by display name and location', () => {
    expect(ids('platform')).toEqual([1]);
    expect(ids('stripe')).toEqual([1]);
    expect(ids('mlflow')).toEqual([1]);
    expect(ids('kubeflow')).toEqual([2]);
    expect(ids('austin')).toEqual([3]);
  });

  it('ranks by field: a name before an employer before a place', () => {
    expect(ids('berlin')).toEqual([3, 2, 1]);
    expect(ids('berliner')).toEqual([3]);
  });

  it('forgives a typo in a longer word', () => {
    expect(ids('kubernets')).toEqual([3]);
    expect(ids('pattel')).toEqual([1]);
  });

  it('requires every word of the query to match', () => {
    expect(ids('berlin stripe')).toEqual([1]);
    expect(ids('berlin acme')).toEqual([3]);
    expect(ids('berlin nobodyknows')).toEqual([]);
  });

  it('indexes each distinct word once', () => {
    expect(new Set(index.words).size).toBe(index.words.length);
    expect(index.words).toEqual([...index.words].sort());
  });
});
