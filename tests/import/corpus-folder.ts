// The public resume corpus shared with the other engineers (not part of the repo): the folder
// `shared/corpus/real/` beside the checkout, or SHIPPED_CORPUS.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll } from 'vitest';

export const corpusFolder = process.env.SHIPPED_CORPUS
  ? join(process.env.SHIPPED_CORPUS, '/')
  : fileURLToPath(new URL('../../../shared/corpus/real/', import.meta.url));

/**
 * Whether the corpus suites run. On a developer's machine without the corpus they are
 * skipped; CI always has it, so there they always run and a missing corpus is a failure.
 */
export const runsCorpusSuites = existsSync(corpusFolder) || Boolean(process.env.CI);

/** Called inside a corpus suite: every test in it fails, naming the folder, when the corpus is missing. */
export function requireCorpus(): void {
  beforeAll(() => {
    if (!existsSync(corpusFolder)) throw new Error(`The resume corpus is missing: ${corpusFolder} (CI must provide it).`);
  });
}
