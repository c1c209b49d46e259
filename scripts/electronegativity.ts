// Doyensec's Electronegativity over the code that runs in Electron (main process, preload,
// renderer, the contract they share, package.json), offline. `npm run electronegativity`
// prints the findings; tests/electron/electronegativity.test.ts fails on any finding that
// scripts/electronegativity-allowlist.json has not reviewed, and on a review nothing matches.
//
// Offline: the tool fetches translations on start and Electron's release list for its
// "available security fixes" check. Without a network the second fetch's retry crashes
// Node 24 (got 11 / p-cancelable: "The onCancel handler was attached after the promise
// settled"). So `got` is replaced by an immediate failure while the tool loads (it then
// uses its bundled English text), and the release-list check, the one that needs the
// network, is left out: which Electron is current is a release decision, not a code finding.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../', import.meta.url));
export const allowlistPath = join(repoRoot, 'scripts', 'electronegativity-allowlist.json');
const electronVersion = '45.4.1'; // electron-builder.yml electronVersion
const scanned = ['package.json', 'main', 'preload', 'renderer', 'contract'];
const networkChecks = ['availablesecurityfixesglobalcheck'];

export interface Finding {
  id: string;
  file: string;
  line: number | null;
  description: string;
  severity: string;
  confidence: string;
  sample: string | null;
}

export interface Review {
  id: string;
  file: string;
  reason: string;
}

interface RawIssue {
  id: string;
  file: string;
  location?: { line?: number };
  description: string;
  severity: { name: string };
  confidence: { name: string };
  sample?: string;
}

type Runner = (options: Record<string, unknown>, forCli: boolean) => Promise<{ issues: RawIssue[]; errors: unknown[] }>;

/**
 * Runs `work` with two module redirections in place: `got` (the tool's network client) fails at
 * once, and `typescript` asked for by the tool's parser (@typescript-eslint/typescript-estree 4,
 * hoisted to the top of node_modules) is the TypeScript 4.2 the tool ships with, not the
 * project's TypeScript 7, which has no JavaScript API.
 */
async function withToolModules<T>(work: (run: Runner) => Promise<T>): Promise<T> {
  const requireFromRoot = createRequire(join(repoRoot, 'package.json'));
  const toolPackage = requireFromRoot.resolve('@doyensec/electronegativity/package.json');
  const toolTypescript = createRequire(toolPackage).resolve('typescript');
  const loader = Module as unknown as { _load(request: string, parent: { filename?: string } | undefined, ...rest: unknown[]): unknown };
  const originalLoad = loader._load;
  loader._load = function load(request, parent, ...rest) {
    if (request === 'got') return () => Promise.reject(new Error('offline: Shipped scans without a network'));
    if (request === 'typescript' && parent?.filename?.includes(`${join('node_modules', '@typescript-eslint')}`)) {
      return originalLoad.call(this, toolTypescript, parent, ...rest);
    }
    return originalLoad.call(this, request, parent, ...rest);
  };
  try {
    return await work(requireFromRoot('@doyensec/electronegativity') as Runner);
  } finally {
    loader._load = originalLoad;
  }
}

/** Runs every check but the network one over a copy of the Electron-side sources. */
export async function scanApp(): Promise<{ findings: Finding[]; errors: unknown[] }> {
  const stage = mkdtempSync(join(tmpdir(), 'shipped-electronegativity-'));
  try {
    for (const entry of scanned) cpSync(join(repoRoot, entry), join(stage, entry), { recursive: true });
    const quietLog = console.log;
    console.log = () => {}; // the tool's notice that it could not fetch translations
    let result: Awaited<ReturnType<Runner>>;
    try {
      result = await withToolModules((run) => run(
        {
          input: stage,
          isSarif: false,
          customScan: [],
          excludeFromScan: networkChecks,
          isRelative: true,
          isVerbose: false,
          electronVersionOverride: electronVersion,
          parserPlugins: [],
        },
        false,
      ));
    } finally {
      console.log = quietLog;
    }
    const findings = result.issues.map((issue) => ({
      id: issue.id,
      file: issue.file,
      line: issue.location?.line ?? null,
      description: issue.description,
      severity: issue.severity.name,
      confidence: issue.confidence.name,
      sample: issue.sample ?? null,
    }));
    return { findings, errors: result.errors };
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

export function readReviews(path = allowlistPath): Review[] {
  return (JSON.parse(readFileSync(path, 'utf8')) as { reviewed: Review[] }).reviewed;
}

const matches = (finding: Finding, review: Review) => finding.id === review.id && finding.file === review.file;

/** Findings no review covers (a review is one check in one file, so moving a line does not unreview it). */
export function unreviewed(findings: readonly Finding[], reviews: readonly Review[]): Finding[] {
  return findings.filter((finding) => !reviews.some((review) => matches(finding, review)));
}

/** Reviews that match no finding any more: the code changed, so the review should go. */
export function staleReviews(findings: readonly Finding[], reviews: readonly Review[]): Review[] {
  return reviews.filter((review) => !findings.some((finding) => matches(finding, review)));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { findings, errors } = await scanApp();
  const reviews = readReviews();
  for (const finding of findings) {
    const review = reviews.find((candidate) => matches(finding, candidate));
    process.stdout.write(
      `${review ? 'reviewed  ' : 'NEW       '}${finding.severity.padEnd(13)} ${finding.id}  ${finding.file}:${finding.line ?? '-'}\n` +
        `          ${finding.description}${review ? `\n          why it stays: ${review.reason}` : ''}\n`,
    );
  }
  for (const review of staleReviews(findings, reviews)) process.stdout.write(`STALE     ${review.id}  ${review.file}: no such finding any more\n`);
  for (const error of errors) process.stdout.write(`PARSE ERROR ${JSON.stringify(error)}\n`);
  const problems = unreviewed(findings, reviews).length + staleReviews(findings, reviews).length + errors.length;
  process.stdout.write(`${findings.length} findings, ${problems} not reviewed, stale or unparsed\n`);
  process.exitCode = problems === 0 ? 0 : 1;
}
