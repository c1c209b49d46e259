import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readPdf, squash } from '../briefs/helpers.ts';
import { seattleApplied, tempStore } from './helpers.ts';

const store = tempStore();
let mayaId = 0;
let tomasId = 0;
beforeAll(async () => {
  await store.api['import.samples']({});
  const list = await store.api['candidates.list']({});
  mayaId = list.find((candidate) => candidate.name === 'Maya Lindqvist')!.id;
  tomasId = list.find((candidate) => candidate.name === 'Tomás Okafor')!.id;
});
afterAll(() => store.close());

const exportText = async (candidateId: number, roleId?: number, isBlind = false) => {
  const path = join(store.dir, `brief-${candidateId}-${roleId ?? 'none'}-${isBlind}.pdf`);
  await store.api['briefs.export']({ candidateIds: [candidateId], isBlind, ...(roleId === undefined ? {} : { roleId }), target: { kind: 'file', path } });
  return squash((await readPdf(path)).text);
};

describe('a brief for a role', () => {
  it('names the role, the fit part by part, and the band with its sources', async () => {
    const role = await store.api['roles.create']({ role: seattleApplied });
    const text = await exportText(mayaId, role.id);
    expect(text).toContain('Fit for the role: Senior applied MLOps contractor');
    expect(text).toMatch(/Fit \d+\/100 · every must-have backed by evidence/);
    expect(text).toContain('Must-have: Amazon SageMaker (12.5/12.5): Used in described work.');
    expect(text).toContain('$1,250–$1,750/day × (1 + 11–16% LLM serving at scale) = $1,388–$2,030/day');
    expect(text).toContain('Acceler8 Talent (2026-06), How to Hire an MLOps Contractor in the US (2026 Guide)');
    // The guide is named, not quoted: every sentence the brief shows is Shipped's own.
    expect(text).not.toContain('Day rates run');
  });

  it('without a role id, takes the role of the latest screening started from one; with neither, has no role section', async () => {
    expect(await exportText(tomasId)).not.toContain('Fit for the role');
    const role = await store.api['roles.create']({ role: { ...seattleApplied, title: 'Platform lead', subRole: 'ml-platform' } });
    await store.api['roles.startScreening']({ roleId: role.id, candidateId: tomasId, label: 'Phone screen' });
    expect(await exportText(tomasId)).toContain('Fit for the role: Platform lead');
  });

  it('blind mode keeps the role section but not the name', async () => {
    const role = await store.api['roles.create']({ role: seattleApplied });
    const text = await exportText(mayaId, role.id, true);
    expect(text).toContain('Fit for the role');
    expect(text).not.toContain('Lindqvist');
  });
});
