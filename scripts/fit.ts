// Fits the evidence model (resources/evidence-model.json) on a labelled set: a proportional-odds
// (ordinal logistic) regression of the rubric's level on the engine's explainable evidence parts.
// Deterministic: fixed folds, zero start, fixed steps. Reports k-fold cross-validated figures,
// never figures on the resumes a weight was fitted to.
//   npm run fit -- [labels.jsonl] [--files DIR] [--folds 5] [--write]
import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { evidenceLevels, type EvidenceLevel } from '../contract/analysis.ts';
import { createAnalyzer, defaultAnalyzer } from '../main/analysis/index.ts';
import type { EvidenceModel } from '../main/analysis/evidence.ts';
import { analyseLabelledFiles, readLabelledFiles } from '../main/eval/service.ts';
import { scoreCases, type EvalCase } from '../main/eval/score.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { files: { type: 'string' }, folds: { type: 'string', default: '5' }, write: { type: 'boolean', default: false } },
});
const repo = join(import.meta.dirname, '..');
const labelsPath = positionals[0] ?? join(repo, '..', 'shared', 'corpus', 'labeled', 'labels.jsonl');
const folds = Number(values.folds);
/** "Present" in the labelled resumes; fixed so the fit never depends on the day it runs. */
const NOW = new Date('2026-12-01T00:00:00Z');
/** L2 penalty on the weights (not the thresholds): with sixty resumes, it keeps one rare part from deciding alone. */
const L2 = 0.05;
const STEPS = 6000;
const RATE = 0.05;

/** Classes weakest first: none = 0 ... strong = 3. */
const ascending: EvidenceLevel[] = [...evidenceLevels].reverse();
/** The rules and taxonomy stay those of resources/; only the model's weights are fitted. */
const { evidenceFeatureNames, evidenceFeatures, policy } = defaultAnalyzer;
const sigmoid = (value: number): number => 1 / (1 + Math.exp(-value));

interface Sample {
  x: number[];
  y: number;
}

function fit(samples: Sample[]): { weights: number[]; thresholds: [number, number, number] } {
  const width = evidenceFeatureNames.length;
  const weights = new Array<number>(width).fill(0);
  const thresholds = [-1, 0, 1];
  for (let step = 0; step < STEPS; step++) {
    const gradW = weights.map((weight) => L2 * weight * samples.length);
    const gradT = [0, 0, 0];
    for (const { x, y } of samples) {
      const sum = x.reduce((total, value, index) => total + value * (weights[index] ?? 0), 0);
      const upper = y < 3 ? sigmoid((thresholds[y] ?? 0) - sum) : 1;
      const lower = y > 0 ? sigmoid((thresholds[y - 1] ?? 0) - sum) : 0;
      const probability = Math.max(upper - lower, 1e-12);
      const dUpper = y < 3 ? upper * (1 - upper) : 0;
      const dLower = y > 0 ? lower * (1 - lower) : 0;
      // d(-log p)/d(sum) = (dUpper - dLower) / p; d(-log p)/d(threshold) = -dUpper / p (upper), +dLower / p (lower).
      const dSum = (dUpper - dLower) / probability;
      x.forEach((value, index) => (gradW[index] = (gradW[index] ?? 0) + dSum * value));
      if (y < 3) gradT[y] = (gradT[y] ?? 0) - dUpper / probability;
      if (y > 0) gradT[y - 1] = (gradT[y - 1] ?? 0) + dLower / probability;
    }
    weights.forEach((_, index) => (weights[index] = (weights[index] ?? 0) - (RATE * (gradW[index] ?? 0)) / samples.length));
    thresholds.forEach((_, index) => (thresholds[index] = (thresholds[index] ?? 0) - (RATE * (gradT[index] ?? 0)) / samples.length));
    thresholds.sort((a, b) => a - b);
  }
  return { weights: weights.map((weight) => Math.round(weight * 1000) / 1000), thresholds: thresholds.map((value) => Math.round(value * 1000) / 1000) as [number, number, number] };
}

function toModel(fitted: ReturnType<typeof fit>, note: string): EvidenceModel {
  return { note, features: [...evidenceFeatureNames], weights: fitted.weights, thresholds: fitted.thresholds };
}

const knownToolIds = new Set(policy.taxonomy.tools.map((tool) => tool.id));
const { files } = await readLabelledFiles({ labelsPath, filesDir: values.files });
const labelled = files.filter((file) => file.text !== undefined && file.label.evidence !== undefined);
const baseline = analyseLabelledFiles(labelled, defaultAnalyzer.analyze, NOW);
const samples: Sample[] = baseline.map((found) => {
  const analysis = found.analysis!;
  const features = evidenceFeatures(analysis.evidence.parts ?? [], analysis.tools, analysis.signals.modelsInProduction);
  return { x: evidenceFeatureNames.map((name) => features[name] ?? 0), y: ascending.indexOf(found.label.evidence!) };
});

// Folds stratified by level: resumes sorted by level, then file name, and dealt out in turn.
const order = samples.map((_, index) => index).sort((a, b) => samples[a]!.y - samples[b]!.y || labelled[a]!.label.file.localeCompare(labelled[b]!.label.file));
const foldOf = new Map(order.map((index, rank) => [index, rank % folds]));
const heldOut: EvalCase[] = [];
for (let fold = 0; fold < folds; fold++) {
  const analyzer = createAnalyzer({ ...policy, evidenceModel: toModel(fit(samples.filter((_, index) => foldOf.get(index) !== fold)), `fold ${fold}`) });
  heldOut.push(...analyseLabelledFiles(labelled.filter((_, index) => foldOf.get(index) === fold), analyzer.analyze, NOW));
}
const cv = scoreCases(heldOut, knownToolIds);
const round = (value: number | undefined): number => Math.round((value ?? 0) * 1000) / 1000;
const crossValidation = {
  folds,
  resumes: heldOut.length,
  evidenceExact: round(cv.evidence?.accuracy),
  evidenceWithinOne: round(cv.evidence?.withinOneAccuracy),
  paddingF1: round(cv.padding?.f1),
  confusion: cv.evidence?.confusion,
};
const source = relative(repo, labelsPath);
const full = fit(samples);
const model: EvidenceModel & { crossValidation: typeof crossValidation } = {
  ...toModel(
    full,
    `Fitted by scripts/fit.ts on ${samples.length} resumes of ${source} (proportional-odds regression, L2 ${L2}, ${STEPS} steps). ` +
      `${folds}-fold cross-validated on the same set: evidence exact ${(crossValidation.evidenceExact * 100).toFixed(1)}%, within one step ${(crossValidation.evidenceWithinOne * 100).toFixed(1)}%.`,
  ),
  crossValidation,
};
console.log(`${folds}-fold cross-validation over ${heldOut.length} resumes (each scored by a model fitted without it):`);
console.log(`  evidence exact ${(crossValidation.evidenceExact * 100).toFixed(1)}%, within one ${(crossValidation.evidenceWithinOne * 100).toFixed(1)}%, padding F1 ${crossValidation.paddingF1.toFixed(2)}`);
console.log('  weights:', Object.fromEntries(model.features.map((name, index) => [name, model.weights[index]])), 'thresholds:', model.thresholds);
if (values.write) {
  writeFileSync(join(repo, 'resources', 'evidence-model.json'), `${JSON.stringify(model, null, 1)}\n`);
  console.log('wrote resources/evidence-model.json');
} else {
  console.log('(dry run: --write saves the model)');
}
