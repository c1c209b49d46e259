// `npm run lint` must fail on what it is there to catch: each boundary rule and the React hook
// rules are run against a small tree made to break them, laid out like the repository.
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
// The boundary trees lie inside the checkout, so packages such as electron resolve from its
// node_modules; the lint tree outside it, as oxlint skips test-results/ whatever it is told.
mkdirSync(join(repoRoot, 'test-results'), { recursive: true });
const inCheckout = mkdtempSync(join(repoRoot, 'test-results', 'guard-rails-'));
const outside = mkdtempSync(join(tmpdir(), 'shipped-guard-rails-'));
afterAll(() => {
  rmSync(inCheckout, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

function tree(scratch: string, name: string, files: Record<string, string>): string {
  const root = join(scratch, name);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

function run(bin: string, args: string[], cwd: string) {
  // Plain text: npm test asks its children for colour, which would wrap the report's words in escapes.
  return spawnSync(process.execPath, [join(repoRoot, 'node_modules', bin), ...args], { cwd, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
}

/** Runs the boundary check as `npm run lint` does; its report lists one "error rule: from → to" line per violation. */
function cruise(root: string): { status: number | null; violations: string[] } {
  const result = run('dependency-cruiser/bin/dependency-cruiser.mjs', ['--config', join(repoRoot, '.dependency-cruiser.cjs'), 'contract', 'db', 'main', 'preload', 'renderer'], root);
  // A cycle is listed over several lines: its first step is kept.
  const violations = [...result.stdout.matchAll(/^\s*error (\S+): (\S+) →\s+(\S+)/gm)].map(
    ([, rule, from, to]) => `${rule}: ${from} → ${to?.replace(/^.*node_modules\//, 'node_modules/')}`,
  );
  return { status: result.status, violations: violations.sort() };
}

describe('the boundary rules (dependency-cruiser)', () => {
  it('fail on each import that crosses a layer the wrong way, and on a cycle', () => {
    const root = tree(inCheckout, 'boundaries', {
      'contract/types.ts': `import { version } from '../db/store.ts';\nexport const apiVersion = version;\n`,
      'db/store.ts': `import { logLevel } from '../main/logger.ts';\nexport const version = logLevel;\n`,
      'main/logger.ts': `export const logLevel = 1;\nexport type Level = number;\n`,
      'main/service.ts': `import { app } from 'electron';\nexport const name = app;\n`,
      'main/ping.ts': `import { pong } from './pong.ts';\nexport const ping = () => pong();\n`,
      'main/pong.ts': `import { ping } from './ping.ts';\nexport const pong = () => ping();\n`,
      'renderer/view.ts': `import { logLevel } from '../main/logger.ts';\nimport { readFileSync } from 'node:fs';\nimport { version } from '../db/store.ts';\nexport const shown = [logLevel, readFileSync, version];\n`,
      'preload/bridge.ts': `import { logLevel } from '../main/logger.ts';\nexport const exposed = logLevel;\n`,
    });
    const { status, violations } = cruise(root);
    expect(violations).toEqual(
      [
        'contract-imports-only-contract: contract/types.ts → db/store.ts',
        'db-imports-only-contract: db/store.ts → main/logger.ts',
        'no-circular: main/ping.ts → main/pong.ts',
        'preload-imports-only-contract-and-electron: preload/bridge.ts → main/logger.ts',
        'renderer-imports-no-server-side-code: renderer/view.ts → db/store.ts',
        'renderer-imports-only-types-from-main: renderer/view.ts → main/logger.ts',
        'renderer-uses-no-node-builtins: renderer/view.ts → fs',
        'services-do-not-import-electron: main/service.ts → node_modules/electron/index.js',
      ].sort(),
    );
    expect(status).not.toBe(0);
  });

  it('pass what the layers allow: types from main/ in the renderer, electron in the shell, the contract everywhere', () => {
    const root = tree(inCheckout, 'allowed', {
      'contract/types.ts': `import { z } from 'zod';\nexport const id = z.number();\n`,
      'db/store.ts': `import { id } from '../contract/types.ts';\nexport const parse = id.parse;\n`,
      'main/logger.ts': `import { parse } from '../db/store.ts';\nexport type Level = number;\nexport const level: Level = parse(1);\n`,
      'main/electron/shell.ts': `import { app } from 'electron';\nimport { level } from '../logger.ts';\nexport const started = [app, level];\n`,
      'renderer/view.ts': `import type { Level } from '../main/logger.ts';\nimport { id } from '../contract/types.ts';\nexport const shown: Level = id.parse(2);\n`,
      'preload/bridge.ts': `import { contextBridge } from 'electron';\nimport { id } from '../contract/types.ts';\nexport const exposed = [contextBridge, id];\n`,
    });
    expect(cruise(root)).toEqual({ status: 0, violations: [] });
  });
});

describe('the React hook rules (oxlint)', () => {
  it('fail on a hook called conditionally and on an effect that misses a dependency', () => {
    const root = tree(outside, 'hooks', {
      'renderer/Badge.tsx': [
        `import { useEffect, useState } from 'react';`,
        `export function Badge({ isOpen }: { isOpen: boolean }) {`,
        `  if (isOpen) {`,
        `    const [count] = useState(0);`,
        `    return <p>{count}</p>;`,
        `  }`,
        `  return null;`,
        `}`,
        `export function Title({ id }: { id: number }) {`,
        `  useEffect(() => {`,
        `    document.title = String(id);`,
        `  }, []);`,
        `  return null;`,
        `}`,
        ``,
      ].join('\n'),
    });
    const result = run('oxlint/bin/oxlint', ['-c', join(repoRoot, '.oxlintrc.json'), '--format=json', 'renderer'], root);
    const report = JSON.parse(result.stdout) as { diagnostics: Array<{ code: string; labels: Array<{ span: { line: number } }> }> };
    const found = report.diagnostics.map((diagnostic) => `${diagnostic.code} at line ${diagnostic.labels[0]?.span.line}`).sort();
    expect(found).toEqual(['react-hooks(exhaustive-deps) at line 11', 'react-hooks(rules-of-hooks) at line 4']);
    expect(result.status).not.toBe(0);
  });
});
