import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../main/cli/main.ts';
import { seattleApplied, tempStore } from './helpers.ts';

const store = tempStore();
beforeAll(async () => {
  await store.api['import.samples']({});
});
afterAll(() => store.close());

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli([...args, '--db', store.databasePath], { out: (text) => out.push(text), err: (text) => err.push(text), isInteractive: false }, {});
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function roleFile(name: string, role: unknown): string {
  const path = join(store.dir, name);
  writeFileSync(path, typeof role === 'string' ? role : JSON.stringify(role));
  return path;
}

describe('shipped role / rank', () => {
  it('creates from a file, lists, shows with the band, and ranks with reasons', async () => {
    const created = await run(['role', 'create', '--file', roleFile('role.json', seattleApplied)]);
    expect(created.code).toBe(0);
    const id = /#(\d+)/.exec(created.out)![1]!;
    expect((await run(['role', 'list'])).out).toMatch(new RegExp(`${id}\\s+Senior applied MLOps contractor\\s+applied-mlops\\s+senior\\s+seattle\\s+c2c\\s+open`));
    const shown = await run(['role', 'show', id]);
    expect(shown.out).toContain('Market:       Seattle');
    expect(shown.out).toContain('$1,250–$1,750/day × (1 + 11–16% LLM serving at scale) = $1,388–$2,030/day');

    const ranked = await run(['rank', id, '--limit', '2']);
    expect(ranked.code).toBe(0);
    expect(ranked.out).toMatch(/1\s+\d+\s+Maya Lindqvist\s+\d+\s+applied-mlops\s+strong\s+yes/);
    expect(ranked.out).toContain('Must-have: Amazon SageMaker');
    expect(ranked.out).toMatch(/line \d+: • Cut SageMaker training cost/);
    expect(ranked.out).toContain('2 shown of 6 matching (6 analysed)');

    const filtered = JSON.parse((await run(['rank', id, '--must-haves-only', '--json'])).out) as { candidates: unknown[] };
    expect(filtered.candidates).toHaveLength(1);
  });

  it('names the field and allowed values for a bad role file', async () => {
    const bad = await run(['role', 'create', '--file', roleFile('bad.json', { ...seattleApplied, mustHave: ['sagemaker', 'kubeflw'] })]);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/mustHave: "kubeflw" is not a tool id Shipped knows. Allowed: kubernetes, kubeflow/);
    const city = await run(['role', 'create', '--file', roleFile('city.json', { ...seattleApplied, city: 'Denver' })]);
    expect(city.err).toMatch(/city: "Denver" is not a market Shipped knows. Allowed: bay-area/);
    const notJson = await run(['role', 'create', '--file', roleFile('broken.json', '{ nope')]);
    expect(notJson.code).toBe(2);
    expect(notJson.err).toContain('is not valid JSON');
  });

  it('usage errors exit 2; an unknown role exits 1', async () => {
    expect((await run(['role', 'create'])).err).toContain('role create needs --file role.json');
    expect((await run(['role', 'fly'])).err).toContain('unknown action "fly"');
    expect((await run(['rank', 'abc'])).code).toBe(2);
    expect((await run(['rank', '1', '--limit', '0'])).err).toContain('--limit "0" is not a whole number from 1 to 500');
    const missing = await run(['rank', '4242']);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('Role 4242 does not exist');
  });
});

describe('shipped market', () => {
  it('exports, imports a versioned copy the bands then name, and resets', async () => {
    const file = join(store.dir, 'market.json');
    expect((await run(['market', 'show'])).out).toContain('Bands use the bundled guide figures (version 1)');
    expect((await run(['market', 'export', '--out', file])).code).toBe(0);
    const data = JSON.parse(readFileSync(file, 'utf8')) as { dayRates: Array<{ level: string; engagement: string; low: number }> };
    data.dayRates.find((rate) => rate.level === 'senior' && rate.engagement === 'c2c')!.low = 1300;
    writeFileSync(file, JSON.stringify(data));
    const imported = await run(['market', 'import', '--file', file, '--label', 'Signed contracts Q4']);
    expect(imported.out).toMatch(/Bands now use your copy, version \d+: Signed contracts Q4/);
    const id = /#(\d+)/.exec((await run(['role', 'create', '--file', roleFile('m.json', seattleApplied)])).out)![1]!;
    const shown = await run(['role', 'show', id]);
    expect(shown.out).toMatch(/Market data: your copy, version \d+ \(Signed contracts Q4\)/);
    expect(shown.out).toContain('$1,300–$1,750/day');
    expect((await run(['market', 'reset'])).out).toContain('Bands now use the bundled guide figures');
  });

  it('refuses market data that fails validation, naming the field', async () => {
    const file = join(store.dir, 'bad-market.json');
    writeFileSync(file, JSON.stringify({ version: 1 }));
    const result = await run(['market', 'import', '--file', file, '--label', 'Broken']);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/bad-market.json: label: /);
    expect((await run(['market', 'import', '--file', file])).code).toBe(2);
  });
});
