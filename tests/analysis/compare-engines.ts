// Compares the analysis engine of a git revision with the working tree, byte for byte, over stored resume texts.
// Usage: npx node tests/analysis/compare-engines.ts <revision> [database.db | folder]...
// Texts: the `resume_files` of each database (as `npx shipped import <folder> --db <database.db>` stores them), the
// .txt/.md files of each folder (and its subfolders), and the analysis fixtures; each also upper-cased, lower-cased, and with characters
// that stress case folding and word edges glued to its words. Exits with 1 on the first difference.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { FIXTURE_DIR } from './fixtures.ts';

const [revision, ...sources] = process.argv.slice(2);
if (!revision) {
  console.error('usage: compare-engines.ts <revision> [database.db | folder]...');
  process.exit(2);
}
const root = resolve(import.meta.dirname, '..', '..');

function textFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.(?:txt|md)$/i.test(name))
    .sort()
    .map((name) => readFileSync(join(folder, name), 'utf8'));
}

const texts: string[] = textFiles(FIXTURE_DIR);
for (const source of sources) {
  if (statSync(source).isDirectory()) {
    texts.push(...textFiles(source));
  } else {
    const db = new Database(source, { readonly: true });
    texts.push(...db.prepare<[], { text: string }>(`SELECT text FROM resume_files WHERE status = 'imported' ORDER BY id`).all().map((row) => row.text));
    db.close();
  }
}
const glued = ['é', 'ß', 'Ж', 'İ', '\u212A', '_', '0', '-', '.', '@', '/', '\u200B', '\uE001'];
const variants = texts.flatMap((text, index) => [
  text,
  text.toUpperCase(),
  text.toLowerCase(),
  text.replace(/\b/g, (_, offset: number) => ((offset * 7 + index) % 13 === 0 ? (glued[(offset + index) % glued.length] ?? '') : '')),
]);

const oldTree = mkdtempSync(join(tmpdir(), 'shipped-engine-'));
try {
  const archive = join(oldTree, 'engine.tar');
  // The engine imports its output types from contract/ since the layers were split; older revisions have none.
  const hasContract = (() => {
    try {
      execFileSync('git', ['cat-file', '-e', `${revision}:contract`], { cwd: root, stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();
  const paths = ['main/analysis', 'resources/analysis-rules.json', 'resources/taxonomy.json', ...(hasContract ? ['contract'] : [])];
  execFileSync('git', ['archive', `--output=${archive}`, revision, ...paths], { cwd: root });
  execFileSync('tar', ['-x', '-f', archive, '-C', oldTree]);
  symlinkSync(join(root, 'node_modules'), join(oldTree, 'node_modules'));
  const oldEngine = await import(join(oldTree, 'main', 'analysis', 'index.ts'));
  const newEngine = await import(join(root, 'main', 'analysis', 'index.ts'));
  for (const [index, text] of variants.entries()) {
    const before = JSON.stringify(oldEngine.analyzeResume(text));
    const after = JSON.stringify(newEngine.analyzeResume(text));
    if (before !== after) {
      console.error(`text ${index} differs:\n${text.slice(0, 300)}\n--- ${revision}\n${before}\n--- working tree\n${after}`);
      process.exit(1);
    }
  }
  console.log(`${variants.length} texts (${texts.length} and 3 variants of each): identical output`);
} finally {
  rmSync(oldTree, { recursive: true, force: true });
}
