// `shipped eval`: reads a labels file, runs every labelled resume through the import's own
// extraction and the analysis engine, and scores the result (score.ts).
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import type { TextLayout } from '../../contract/layout.ts';
import { defaultAnalyzer, type AnalyzeText, type Analyzer } from '../analysis/index.ts';
import { extractText } from '../import/extract.ts';
import { LabelsFileError, parseLabels, type EvalLabel } from './labels.ts';
import { scoreCases, type EvalCase, type EvalScores } from './score.ts';

export interface EvalOptions {
  labelsPath: string;
  /** Folder the labels' file names are relative to; the labels file's own folder by default. */
  filesDir?: string;
  now: Date;
  /** The engine to score; the default one (built from resources/) unless given. */
  analyzer?: Analyzer;
}

export interface EvalReport extends EvalScores {
  labelsFile: string;
  filesDir: string;
  labelled: number;
  engineVersion: string | null;
}

async function readLabels(labelsPath: string) {
  let text: string;
  try {
    text = await readFile(labelsPath, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new LabelsFileError(code === 'ENOENT' ? `no labels file at ${labelsPath}` : `cannot read the labels file ${labelsPath} (${code ?? String(error)})`);
  }
  return parseLabels(text, labelsPath);
}

export interface LabelledFile {
  label: EvalLabel;
  /** The extracted text, or why there is none. */
  text?: string;
  /** How the text's lines looked (PDF, Word), as the import stores it. */
  layout?: TextLayout;
  failure?: string;
}

/** Reads each labelled file through the import's extraction; a file that cannot be read is reported, not fatal. */
export async function readLabelledFiles(options: Pick<EvalOptions, 'labelsPath' | 'filesDir'>): Promise<{ files: LabelledFile[]; filesDir: string }> {
  const labelsPath = resolve(options.labelsPath);
  const labels = await readLabels(labelsPath);
  const filesDir = resolve(options.filesDir ?? dirname(labelsPath));
  const files: LabelledFile[] = [];
  // One file at a time: extraction is CPU-bound and this runs beside the recruiter's other work.
  for (const label of labels) {
    const path = isAbsolute(label.file) ? label.file : resolve(filesDir, label.file);
    let bytes: Uint8Array;
    try {
      bytes = await readFile(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      files.push({ label, failure: code === 'ENOENT' ? `no such file ${path}` : `cannot read ${path} (${code})` });
      continue;
    }
    const outcome = await extractText(bytes, label.file);
    files.push(outcome.ok ? { label, text: outcome.text, layout: outcome.layout } : { label, failure: outcome.failure.reason });
  }
  return { files, filesDir };
}

export function analyseLabelledFiles(files: readonly LabelledFile[], analyze: AnalyzeText, now: Date): EvalCase[] {
  return files.map(({ label, text, layout, failure }) =>
    text === undefined ? { file: label.file, label, analysis: null, failure: failure ?? 'could not be read' } : { file: label.file, label, analysis: analyze(text, { now, layout }) },
  );
}

export async function evaluateLabels(options: EvalOptions): Promise<EvalReport> {
  const analyzer = options.analyzer ?? defaultAnalyzer;
  const { files, filesDir } = await readLabelledFiles(options);
  const cases = analyseLabelledFiles(files, analyzer.analyze, options.now);
  const knownToolIds = new Set(analyzer.policy.taxonomy.tools.map((tool) => tool.id));
  return {
    labelsFile: resolve(options.labelsPath),
    filesDir,
    labelled: cases.length,
    engineVersion: cases.find((found) => found.analysis)?.analysis?.engineVersion ?? null,
    ...scoreCases(cases, knownToolIds),
  };
}
