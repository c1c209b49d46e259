// Summarises .cpuprofile files (node --cpu-prof): self time per function, top N.
// Usage: node bench/profile-summary.ts <dir-or-file>... [--top 25]
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
  startTime: number;
  endTime: number;
}

export interface ProfileLine {
  selfMs: number;
  share: number;
  name: string;
}

const repoRoot = new URL('../', import.meta.url).href;

function shortUrl(url: string): string {
  if (url.startsWith(repoRoot)) return url.slice(repoRoot.length);
  return url.replace(/^file:\/\//, '') || '(native)';
}

export function summariseProfile(path: string, top = 25): { totalMs: number; lines: ProfileLine[]; byFile: ProfileLine[] } {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let index = 0; index < samples.length; index++) {
    const id = samples[index] as number;
    selfUs.set(id, (selfUs.get(id) ?? 0) + Math.max(0, deltas[index] ?? 0));
  }
  const byName = new Map<string, number>();
  const byFileMap = new Map<string, number>();
  let total = 0;
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    if (!node) continue;
    const frame = node.callFrame;
    const file = shortUrl(frame.url);
    const name = `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`;
    byName.set(name, (byName.get(name) ?? 0) + us);
    const fileKey = frame.url ? file : frame.functionName || '(native)';
    byFileMap.set(fileKey, (byFileMap.get(fileKey) ?? 0) + us);
    total += us;
  }
  const toLines = (map: Map<string, number>) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ selfMs: us / 1000, share: total > 0 ? us / total : 0, name }));
  return { totalMs: total / 1000, lines: toLines(byName), byFile: toLines(byFileMap) };
}

function profilesIn(target: string): string[] {
  if (statSync(target).isDirectory()) return readdirSync(target).filter((name) => name.endsWith('.cpuprofile')).map((name) => join(target, name));
  return [target];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const topIndex = args.indexOf('--top');
  const top = topIndex >= 0 ? Number(args[topIndex + 1]) : 25;
  const targets = args.filter((arg, index) => arg !== '--top' && index !== topIndex + 1);
  for (const file of targets.flatMap(profilesIn)) {
    const summary = summariseProfile(file, top);
    console.log(`\n${basename(file)}: ${summary.totalMs.toFixed(0)} ms sampled`);
    console.log('  by file:');
    for (const line of summary.byFile.slice(0, 12)) console.log(`    ${line.selfMs.toFixed(0).padStart(7)} ms ${(line.share * 100).toFixed(1).padStart(5)}%  ${line.name}`);
    console.log('  by function (self):');
    for (const line of summary.lines) console.log(`    ${line.selfMs.toFixed(0).padStart(7)} ms ${(line.share * 100).toFixed(1).padStart(5)}%  ${line.name}`);
  }
}
