// Where things live when the services run from source under Node (CLI, tests,
// benchmark, test harness). The Electron entry passes its own bundled locations.
export const repoRoot = new URL('../../', import.meta.url);
export const sourceSamplesFolder = new URL('resources/samples/', repoRoot);
export const sourceExtractWorkerUrl = new URL('main/import/extract-worker.ts', repoRoot);
export const sourceBriefWorkerUrl = new URL('main/briefs/brief-worker.ts', repoRoot);
export const sourceCheckWorkerUrl = new URL('main/data/check-worker.ts', repoRoot);
export const sourceFontsFolder = new URL('resources/fonts/', repoRoot);
