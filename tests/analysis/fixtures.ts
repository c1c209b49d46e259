import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { evidenceLevels, subRoleIds } from '../../contract/analysis.ts';

export const FIXTURE_DIR = join(import.meta.dirname, '..', 'fixtures', 'analysis');
/** Resumes written independently of the rules, never used to tune them; scored separately. */
export const HELDOUT_DIR = join(FIXTURE_DIR, 'heldout');
/** Fixed "today" for tests so "Present" resolves the same way forever. */
export const TEST_NOW = new Date('2026-06-01T00:00:00Z');

/** Owned models in production with figures, pager and retraining: strong evidence, applied MLOps (written for the tests). */
export const OWNER_RESUME = `Sam Okoro
MLOps Engineer

EXPERIENCE
MLOps Engineer, Lumen Retail, Mar 2020 – Present
- Keep 12 demand-forecasting models in production, serving 2,000 predictions per second at p99 under 60 ms.
- Carry the pager for the model endpoints; wrote the post-mortem for a feature-drift incident in 2024.
- Retrain weekly when PSI drift crosses 0.2, with a shadow run and automatic rollback.
`;

const labelSchema = z.object({
  subRole: z.enum(subRoleIds),
  evidence: z.enum(evidenceLevels),
  padding: z.boolean(),
  evidenceTools: z.array(z.string()),
  contact: z.object({ name: z.string().nullable(), email: z.string().nullable(), phone: z.string().nullable(), location: z.string().nullable() }),
  /** Why a careful recruiter would label it this way (held-out set). */
  why: z.string().optional(),
});
export type FixtureLabel = z.infer<typeof labelSchema>;

export interface Fixture {
  name: string;
  text: string;
  label: FixtureLabel;
}

export function loadFixtures(dir: string = FIXTURE_DIR): Fixture[] {
  const labels = z.record(z.string(), labelSchema).parse(JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')));
  return readdirSync(dir)
    .filter((file) => file.endsWith('.txt'))
    .sort()
    .map((file) => {
      const name = file.replace(/\.txt$/, '');
      const label = labels[name];
      if (!label) throw new Error(`fixture ${name} has no entry in labels.json`);
      return { name, text: readFileSync(join(dir, file), 'utf8'), label };
    });
}
