import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../db/open.ts';
import {
  deleteCandidate,
  findCandidateIdByIdentity,
  getCandidateListItem,
  insertCandidate,
  listCandidates,
  setCandidateStatus,
  setLatestResume,
} from '../../db/queries/candidates.ts';
import { replaceCandidateTools, saveAnalysis, getAnalysis } from '../../db/queries/analyses.ts';
import type { ResumeAnalysis } from '../../contract/analysis.ts';
import type { CandidateSortKey } from '../../contract/types.ts';
import { emptyFilters, filterAndSort, sortCandidates, type ListFilters } from '../../contract/candidate-list.ts';
import { queryPlan, statementsRunBy } from './query-plans.ts';
import { createServiceContext } from '../../main/services/create-context.ts';
import { createHandlers } from '../../main/api/handlers.ts';
import { dispatch } from '../../main/api/dispatch.ts';

const now = '2026-11-20T10:00:00.000Z';

function analysisWith(overrides: Partial<ResumeAnalysis>): ResumeAnalysis {
  return {
    engineVersion: 'test',
    contact: { name: null, email: null, phone: null, location: null, links: [] },
    currentTitle: null,
    roles: [],
    yearsExperience: 5,
    seniority: 'senior',
    subRole: { id: 'applied-mlops', confidence: 0.8, reasons: [] },
    evidence: { level: 'strong', score: 80 },
    padding: { detected: false, score: 10, reasons: [] },
    tools: [],
    signals: { modelsInProduction: null, postmortemAuthored: false, onCall: false, llmServing: false, clearance: false },
    flags: [],
    probes: [],
    ...overrides,
  };
}

function addCandidate(db: Db, name: string, location: string, analysis: ResumeAnalysis): number {
  const profile = { name, email: null, phone: null, location, currentTitle: null, employers: ['Acme 100% Corp'] };
  const id = insertCandidate(db, `name:${name.toLowerCase()}`, profile, now);
  const fileId = Number(
    db
      .prepare(
        `INSERT INTO resume_files (candidate_id, path, file_name, sha256, size_bytes, mtime_ms, detected_type, text, status, imported_at)
         VALUES (?, ?, ?, ?, 1, 0, 'txt', 'text', 'imported', ?)`,
      )
      .run(id, `/r/${name}.txt`, `${name}.txt`, `sha-${name}`, now).lastInsertRowid,
  );
  saveAnalysis(db, fileId, id, analysis, now);
  replaceCandidateTools(db, id, analysis);
  setLatestResume(db, id, fileId, profile, now);
  return id;
}

describe('candidate queries', () => {
  let db: Db;
  let ada: number;
  let bo: number;
  let cy: number;

  beforeEach(() => {
    db = openDatabase(':memory:');
    const tool = (id: string, status: 'evidence' | 'listed') => ({ id, name: id, category: 'x', status, lines: [1] });
    ada = addCandidate(db, 'Ada', 'Austin, TX', analysisWith({ tools: [tool('mlflow', 'evidence'), tool('kubeflow', 'listed')] }));
    bo = addCandidate(
      db,
      'Bo',
      'Berlin, Germany',
      analysisWith({
        evidence: { level: 'weak', score: 20 },
        padding: { detected: true, score: 70, reasons: ['dump'] },
        subRole: { id: 'devops', confidence: 0.6, reasons: [] },
        yearsExperience: 12,
        tools: [tool('mlflow', 'listed')],
      }),
    );
    cy = insertCandidate(db, 'file:abc', { name: null, email: null, phone: null, location: null, currentTitle: null, employers: [] }, now);
  });

  /** The ids the list shows with these filters and this order (contract/candidate-list.ts over the whole list). */
  const view = (filters: Partial<ListFilters>, sort: CandidateSortKey = 'evidence', direction: 'asc' | 'desc' = 'desc') =>
    filterAndSort(listCandidates(db), { ...emptyFilters, ...filters }, sort, direction).map((row) => row.id);

  it('lists candidates with their latest analysis, strongest evidence first, unanalysed last', () => {
    const rows = sortCandidates(listCandidates(db), 'evidence', 'desc');
    expect(rows.map((row) => row.id)).toEqual([ada, bo, cy]);
    expect(rows[0]).toMatchObject({ name: 'Ada', evidenceLevel: 'strong', isPadded: false, toolsShipped: ['mlflow'], toolsListed: ['kubeflow'], fileCount: 1 });
    expect(rows[2]).toMatchObject({ subRole: null, evidenceScore: null, isPadded: null, fileCount: 0 });
  });

  it('filters by sub-role, padding, tool status and location, and sorts by years', () => {
    expect(view({ subRole: 'devops' })).toEqual([bo]);
    expect(view({ padding: 'padded' })).toEqual([bo]);
    expect(view({ tool: 'mlflow', toolStatus: 'evidence' })).toEqual([ada]);
    expect(view({ tool: 'mlflow' }).sort()).toEqual([ada, bo].sort());
    expect(view({ location: 'berlin' })).toEqual([bo]);
    expect(view({}, 'years', 'desc')).toEqual([bo, ada, cy]);
    expect(view({}, 'name', 'asc').slice(0, 1)).toEqual([ada]);
  });

  it('returns employers and tool lists exactly as stored, whatever their characters and however many tools there are', () => {
    const employers = ['Acme "Labs"', 'Back\\slash & Co', 'A","B', '', 'Zürich AG, Ltd.', 'Tab\there', '日本'];
    const profile = { name: 'Dee', email: null, phone: null, location: null, currentTitle: null, employers };
    const id = insertCandidate(db, 'name:dee', profile, now);
    // 150 tools, in no order: the list has them in tool-id order.
    const tools = Array.from({ length: 150 }, (_, index) => ({
      id: `tool-${String(149 - index).padStart(3, '0')}`,
      name: 'x',
      category: 'x',
      status: index % 3 === 0 ? ('listed' as const) : ('evidence' as const),
      lines: [1],
    }));
    replaceCandidateTools(db, id, analysisWith({ tools }));
    const item = getCandidateListItem(db, id);
    const idsWith = (status: 'evidence' | 'listed') => tools.filter((tool) => tool.status === status).map((tool) => tool.id).sort();
    expect(item?.employers).toEqual(employers);
    const cases = [[], [''], ['', ''], ['Zürich AG, Ltd.', '日本', '100%'], ['a', '', 'b'], ['Quote"', 'x'], ['x', 'Back\\'], ['\u0001'], ['split\u001fby', 'the separator']];
    for (const [index, list] of cases.entries()) {
      const other = insertCandidate(db, `name:case-${index}`, { ...profile, employers: list }, now);
      expect(getCandidateListItem(db, other)?.employers).toEqual(list);
    }
    for (const item of listCandidates(db)) {
      const fromColumns = getCandidateListItem(db, item.id);
      expect(item).toEqual(fromColumns);
      // Same fields in the same order, so JSON and IPC see the same object either way.
      expect(Object.keys(item)).toEqual(Object.keys(fromColumns ?? {}));
    }
    expect(item?.toolsShipped).toEqual(idsWith('evidence'));
    expect(item?.toolsListed).toEqual(idsWith('listed'));
    expect(listCandidates(db).find((row) => row.id === id)).toEqual(item);
    // Earlier candidates keep their own lists.
    expect(getCandidateListItem(db, ada)).toMatchObject({ employers: ['Acme 100% Corp'], toolsShipped: ['mlflow'], toolsListed: ['kubeflow'] });
  });

  it('reads every row of the list the same as the row on its own, whatever its NULLs, text and numbers', () => {
    const profile = (name: string | null, overrides: Partial<Parameters<typeof insertCandidate>[2]> = {}) => ({
      name,
      email: null,
      phone: null,
      location: null,
      currentTitle: null,
      employers: [],
      ...overrides,
    });
    const unusual = [
      // Control characters such as U+001F (the separator of the packed row migration 0007 dropped).
      addCandidate(db, 'Unit\u001fSeparator', 'Oslo\u001f', analysisWith({ yearsExperience: 1 / 3 })),
      addCandidate(db, 'Empty strings', '', analysisWith({ yearsExperience: 0.1 + 0.2, seniority: 'junior' })),
      addCandidate(db, 'No years', 'Lyon', analysisWith({ yearsExperience: null, subRole: { id: 'research', confidence: 1, reasons: [] } })),
      addCandidate(db, 'Negative', 'Kyiv', analysisWith({ evidence: { level: 'none', score: -5 }, padding: { detected: true, score: -1, reasons: [] } })),
      insertCandidate(db, 'name:blank', profile('', { email: '', location: '', currentTitle: '', employers: [''] }), now),
      insertCandidate(db, 'email:x@y.z', profile(null, { email: 'x@y.z', currentTitle: 'ML Engineer, "Platform"', employers: ['A', 'B'] }), now),
    ];
    const other = addCandidate(db, 'Future', 'Rome', analysisWith({ yearsExperience: 123456789.123 }));
    db.prepare("UPDATE analyses SET sub_role = 'some-future-role', seniority = 'principal' WHERE candidate_id = ?").run(other);
    unusual.push(other);

    const listed = sortCandidates(listCandidates(db), 'imported', 'asc');
    expect(listed).toHaveLength(3 + unusual.length);
    expect(listed[0]).toMatchObject({ id: ada, name: 'Ada', toolsShipped: ['mlflow'] });
    for (const item of listed) expect(item).toEqual(getCandidateListItem(db, item.id));
    const byId = new Map(listed.map((item) => [item.id, item]));
    expect(byId.get(unusual[0] as number)).toMatchObject({ name: 'Unit\u001fSeparator', location: 'Oslo\u001f', yearsExperience: 1 / 3 });
    expect(byId.get(unusual[1] as number)).toMatchObject({ location: '', yearsExperience: 0.1 + 0.2 });
    expect(byId.get(unusual[2] as number)).toMatchObject({ yearsExperience: null, subRole: 'research' });
    expect(byId.get(unusual[3] as number)).toMatchObject({ evidenceScore: -5, paddingScore: -1, isPadded: true });
    expect(byId.get(unusual[4] as number)).toMatchObject({ name: '', email: '', location: '', currentTitle: '', employers: [''], subRole: null });
    expect(byId.get(unusual[5] as number)).toMatchObject({ name: null, email: 'x@y.z', currentTitle: 'ML Engineer, "Platform"', employers: ['A', 'B'] });
    expect(byId.get(other)).toMatchObject({ subRole: 'some-future-role', seniority: 'principal', yearsExperience: 123456789.123 });
  });

  it('treats LIKE wildcards in a location filter as plain text', () => {
    expect(view({ location: '%' })).toEqual([]);
    expect(view({ location: '_' })).toEqual([]);
  });

  it('finds candidates by identity and updates status', () => {
    expect(findCandidateIdByIdentity(db, 'name:ada')).toBe(ada);
    expect(findCandidateIdByIdentity(db, 'name:nobody')).toBeNull();
    expect(setCandidateStatus(db, ada, 'advanced', now)).toBe(true);
    expect(getCandidateListItem(db, ada)?.status).toBe('advanced');
    expect(setCandidateStatus(db, 9999, 'advanced', now)).toBe(false);
  });

  it('deletes every trace of a candidate: files, text, analyses and tool rows', () => {
    const fileId = db.prepare('SELECT id FROM resume_files WHERE candidate_id = ?').pluck().get(ada) as number;
    expect(getAnalysis(db, fileId)).not.toBeNull();
    expect(deleteCandidate(db, ada)).toBe(true);
    for (const table of ['resume_files', 'analyses', 'candidate_tools']) {
      expect(db.prepare(`SELECT COUNT(*) FROM ${table} WHERE candidate_id = ?`).pluck().get(ada)).toBe(0);
    }
    expect(getAnalysis(db, fileId)).toBeNull();
    expect(deleteCandidate(db, ada)).toBe(false);
  });

  it('reads the list in one pass over candidates, finding each latest analysis by its key, with no sort step', async () => {
    const fresh = openDatabase(':memory:');
    const runs = await statementsRunBy(fresh, () => listCandidates(fresh));
    // The list itself, and the recruiter's corrections laid over it.
    expect(runs).toHaveLength(2);
    const listRun = runs.find((run) => !run.sql.includes('corrections'));
    expect(listRun).toBeDefined();
    const plan = queryPlan(fresh, listRun!);
    expect(plan).toMatch(/SCAN c\b/);
    expect(plan).toMatch(/SEARCH a USING INTEGER PRIMARY KEY/);
    expect(plan).not.toMatch(/SCAN a\b/);
    expect(plan).not.toMatch(/TEMP B-TREE/);
    fresh.close();
  });
});

describe('the first page of the list (candidates.firstPage)', () => {
  it('is the strongest candidates in the list order, with the count of all, and refuses a size outside 1–1000', async () => {
    const ctx = createServiceContext({ databasePath: ':memory:' });
    try {
      const scores = [40, 90, 10, 75, 60];
      scores.forEach((score, index) => addCandidate(ctx.db, `Person ${index}`, 'Oslo', analysisWith({ evidence: { level: 'moderate', score } })));
      const handlers = createHandlers(ctx);
      const page = await handlers['candidates.firstPage']({ size: 3 });
      expect(page.total).toBe(5);
      expect(page.items.map((item) => item.evidenceScore)).toEqual([90, 75, 60]);
      expect(page.items).toEqual(sortCandidates(listCandidates(ctx.db), 'evidence', 'desc').slice(0, 3));
      expect((await handlers['candidates.firstPage']({ size: 1000 })).items).toHaveLength(5);
      for (const size of [0, 1001, 2.5]) {
        const refused = await dispatch(handlers, 'candidates.firstPage', { size });
        expect(refused.ok).toBe(false);
      }
    } finally {
      ctx.db.close();
    }
  });
});
