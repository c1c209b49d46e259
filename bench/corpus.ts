// Generates (or reuses) a benchmark corpus in os.tmpdir(), keyed by (n, seed)
// and the generator version. Layout: <dir>/pdf, <dir>/docx, <dir>/txt.
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileRng } from './prng.ts';
import { fileBaseName, generateResume, resumeToText, type ResumeFormat } from './resume-model.ts';
import { renderPdf } from './render-pdf.ts';
import { renderDocx } from './render-docx.ts';

/** Bump when generated content changes, so cached corpora are not reused. */
export const generatorVersion = 1;

export interface CorpusFile {
  path: string;
  kind: 'pdf' | 'docx' | 'txt' | 'other';
  format: ResumeFormat | 'existing';
  bytes: number;
  pages: number | null;
}

export interface Corpus {
  dir: string;
  files: CorpusFile[];
  /** Folder holding only the PDFs, when the corpus was generated (null for --dir). */
  pdfDir: string | null;
  isCached: boolean;
  generationMs: number;
}

interface Manifest {
  n: number;
  seed: number;
  generatorVersion: number;
  generationMs: number;
  files: CorpusFile[];
}

export function corpusDir(n: number, seed: number): string {
  return join(tmpdir(), `shipped-bench-corpus-v${generatorVersion}-n${n}-s${seed}`);
}

export async function generateCorpus(n: number, seed: number, log: (line: string) => void): Promise<Corpus> {
  const dir = corpusDir(n, seed);
  const manifestPath = join(dir, 'manifest.json');
  if (existsSync(manifestPath)) {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
    if (manifest.n === n && manifest.seed === seed && manifest.generatorVersion === generatorVersion) {
      return { dir: join(dir, 'files'), files: manifest.files, pdfDir: join(dir, 'files', 'pdf'), isCached: true, generationMs: manifest.generationMs };
    }
  }
  rmSync(dir, { recursive: true, force: true });
  const building = `${dir}.building-${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  for (const sub of ['pdf', 'docx', 'txt']) mkdirSync(join(building, 'files', sub), { recursive: true });

  const started = performance.now();
  const files: CorpusFile[] = [];
  for (let index = 0; index < n; index++) {
    const resume = generateResume(seed, index);
    const rng = fileRng(seed, index, 'render');
    const base = fileBaseName(resume);
    let relative: string;
    let bytes: Buffer;
    let pages: number | null = null;
    let kind: CorpusFile['kind'];
    switch (resume.format) {
      case 'pdf-1col':
      case 'pdf-2col': {
        const pdf = await renderPdf(resume, rng, resume.format === 'pdf-2col');
        relative = join('pdf', `${base}.pdf`);
        bytes = pdf.bytes;
        pages = pdf.pages;
        kind = 'pdf';
        break;
      }
      case 'docx':
      case 'docx-table':
        relative = join('docx', `${base}.docx`);
        bytes = await renderDocx(resume, rng, resume.format === 'docx-table');
        kind = 'docx';
        break;
      case 'txt':
        relative = join('txt', `${base}.txt`);
        bytes = Buffer.from(resumeToText(resume), 'utf8');
        kind = 'txt';
        break;
      default: {
        const exhaustive: never = resume.format;
        throw new Error(`unknown format ${String(exhaustive)}`);
      }
    }
    writeFileSync(join(building, 'files', relative), bytes);
    files.push({ path: join(dir, 'files', relative), kind, format: resume.format, bytes: bytes.length, pages });
    if ((index + 1) % 250 === 0) log(`  generated ${index + 1}/${n} files`);
  }
  const generationMs = performance.now() - started;
  const manifest: Manifest = { n, seed, generatorVersion, generationMs, files };
  writeFileSync(join(building, 'manifest.json'), JSON.stringify(manifest));
  renameSync(building, dir);
  return { dir: join(dir, 'files'), files, pdfDir: join(dir, 'files', 'pdf'), isCached: false, generationMs };
}

const kindByExtension: Record<string, CorpusFile['kind']> = { '.pdf': 'pdf', '.docx': 'docx', '.txt': 'txt' };

/** An existing folder (e.g. ../shared/corpus/real), walked recursively. */
export function existingCorpus(dir: string): Corpus {
  const files: CorpusFile[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) {
        const kind = kindByExtension[extname(entry.name).toLowerCase()] ?? 'other';
        files.push({ path, kind, format: 'existing', bytes: statSync(path).size, pages: null });
      }
    }
  };
  walk(dir);
  return { dir, files, pdfDir: null, isCached: true, generationMs: 0 };
}
