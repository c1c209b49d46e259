import { describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/main.ts';

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  // No --db and no SHIPPED_DB: the band needs no store, so none is opened.
  const code = await runCli(args, { out: (text) => out.push(text), err: (text) => err.push(text), isInteractive: false }, {});
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('shipped band', () => {
  it('prints the arithmetic and sources', async () => {
    const result = await run(['band', '--level', 'senior', '--city', 'seattle', '--engagement', 'c2c', '--llm']);
    expect(result.code).toBe(0);
    expect(result.out).toContain('$1,250–$1,750/day × (1 + 11–16% LLM serving at scale) = $1,388–$2,030/day');
    expect(result.out).toContain('Acceler8 Talent, "How to Hire an MLOps Contractor in the US (2026 Guide)", Jun 2026');
    expect(result.out).toContain('no figure in the guides: The guides give no day rate for Seattle of its own');
  });

  it('--json gives the band object', async () => {
    const result = await run(['band', '--level', 'staff', '--city', 'nyc', '--engagement', 'direct', '--clearance', '--json']);
    const band = JSON.parse(result.out) as { sections: Array<{ base: { low: number } }>; input: { factors: string[] } };
    expect(band.sections[0]!.base.low).toBe(285_000);
    expect(band.input.factors).toEqual(['clearance']);
  });

  it.each([
    [['--level', 'principal', '--city', 'seattle', '--engagement', 'c2c'], '--level "principal" is not one of: junior, mid, senior, staff'],
    [['--level', 'senior', '--city', 'denver', '--engagement', 'c2c'], '--city "denver" is not one of: bay-area, nyc, seattle, austin'],
    [['--level', 'senior', '--city', 'seattle', '--engagement', 'freelance'], '--engagement "freelance" is not one of: direct, w2, c2c, contract-to-hire'],
    [['--city', 'seattle', '--engagement', 'c2c'], 'missing --level (one of: junior, mid, senior, staff)'],
  ])('bad input %j exits 2 naming the allowed values', async (args, message) => {
    const result = await run(['band', ...args]);
    expect(result.code).toBe(2);
    expect(result.err).toContain(message);
  });
});
