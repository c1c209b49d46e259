// Fit ranking of every candidate in the search store for a few roles, in a process of its
// own (as the list cases are). Target: p95 ≤ 50 ms at 10,000 candidates, the page of 50
// explained with resume lines included.
// Usage: node bench/rank-child.ts <db>. Prints one JSON line.
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../db/open.ts';
import { createRole, rankRole } from '../main/roles/service.ts';
import type { RoleFields } from '../contract/roles.ts';
import { percentile } from './stats.ts';

export interface RankBenchResult {
  candidates: number;
  cases: Array<{ label: string; matched: number; p50: number; p95: number; cpuP95: number }>;
  p50: number;
  p95: number;
  /** CPU time of this process per ranking: far less sensitive than wall time to other work on the machine. */
  cpuP50: number;
  cpuP95: number;
}

const databasePath = process.argv[2];
if (!databasePath) {
  process.stderr.write('usage: node bench/rank-child.ts <db>\n');
  process.exit(2);
}

const base: RoleFields = {
  title: 'Bench role',
  subRole: 'applied-mlops',
  level: 'senior',
  city: 'seattle',
  engagement: 'c2c',
  mustHave: [],
  niceToHave: [],
  factors: [],
  notes: '',
  status: 'open',
  intake: { alerts: [], readiness: {} },
};
const applied: RoleFields = { ...base, mustHave: ['kubernetes', 'mlflow'], niceToHave: ['prometheus', 'sagemaker'], factors: ['llm'] };
// The verdicts are kept between rankings until the store changes (main/roles/rank.ts): the
// first case writes before every timed ranking, so nothing kept can be used.
const cases: Array<{ label: string; role: RoleFields; isMustHavesOnly: boolean; isStoreChanged?: boolean }> = [
  { label: 'applied MLOps, store written before each', role: applied, isMustHavesOnly: false, isStoreChanged: true },
  { label: 'applied MLOps, 2 must-haves, 2 nice, LLM', role: applied, isMustHavesOnly: false },
  { label: 'same, must-haves backed by evidence only', role: { ...base, mustHave: ['kubernetes', 'mlflow'], niceToHave: ['prometheus', 'sagemaker'], factors: ['llm'] }, isMustHavesOnly: true },
  { label: 'platform, remote, no tools', role: { ...base, subRole: 'ml-platform', city: 'remote' }, isMustHavesOnly: false },
];

const db = openDatabase(databasePath);
const rounds = 15;
const all: number[] = [];
const allCpu: number[] = [];
const result: RankBenchResult = { candidates: 0, cases: [], p50: 0, p95: 0, cpuP50: 0, cpuP95: 0 };
for (const entry of cases) {
  const role = createRole(db, entry.role, new Date().toISOString());
  const options = { limit: 50, offset: 0, isMustHavesOnly: entry.isMustHavesOnly };
  for (let warm = 0; warm < 3; warm++) rankRole(db, role.id, options); // statements, JIT, page cache
  const times: number[] = [];
  const cpuTimes: number[] = [];
  let matched = 0;
  for (let round = 0; round < rounds; round++) {
    if (entry.isStoreChanged) db.prepare('UPDATE roles SET notes = ? WHERE id = ?').run(`round ${round}`, role.id);
    const cpuStarted = process.cpuUsage();
    const started = performance.now();
    const ranking = rankRole(db, role.id, options);
    times.push(performance.now() - started);
    const cpu = process.cpuUsage(cpuStarted);
    cpuTimes.push((cpu.user + cpu.system) / 1000);
    matched = ranking.matched;
    result.candidates = ranking.scored;
  }
  all.push(...times);
  allCpu.push(...cpuTimes);
  result.cases.push({ label: entry.label, matched, p50: percentile(times, 50), p95: percentile(times, 95), cpuP95: percentile(cpuTimes, 95) });
}
result.p50 = percentile(all, 50);
result.p95 = percentile(all, 95);
result.cpuP50 = percentile(allCpu, 50);
result.cpuP95 = percentile(allCpu, 95);
db.close();
process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(0);
