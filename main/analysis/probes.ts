import type { Flag, Probe, ProductionSignals, ToolFinding } from '../../contract/analysis.ts';

interface ProbeInputs {
  tools: ToolFinding[];
  signals: ProductionSignals;
  flags: Flag[];
}

const MAX_PROBES = 8;
const MONITORING_TOOLS = ['evidently', 'arize', 'whylabs', 'fiddler', 'prometheus', 'grafana', 'datadog'];
const SERVING_TOOLS = ['kserve', 'seldon', 'bentoml', 'torchserve', 'triton', 'vllm', 'tgi'];
const KUBEFLOW_COMPONENTS = ['kubeflow-pipelines', 'kserve', 'katib'];
const GPU_PLATFORMS = ['sagemaker', 'vertex-ai', 'azure-ml', 'ray', 'databricks'];

/** One verification question per claim that the resume makes but does not back up. */
export function buildProbes({ tools, signals, flags }: ProbeInputs): Probe[] {
  const probes: Probe[] = [];
  const byId = new Map(tools.map((tool) => [tool.id, tool]));
  const listedOnly = (id: string): boolean => byId.get(id)?.status === 'listed';
  const nameOf = (id: string): string => byId.get(id)?.name ?? id;
  const has = (id: string): boolean => byId.has(id);
  const flagged = (code: string): Flag | undefined => flags.find((flag) => flag.code === code);
  const push = (questionId: string | null, text: string, because: string): void => {
    if (!probes.some((probe) => probe.text === text)) probes.push({ questionId, text, because });
  };

  for (const flag of flags.filter((candidate) => candidate.code === 'tool-before-release').slice(0, 2)) {
    push(null, `Line ${flag.line} places a tool in a role that ended before the tool existed. When and where did you actually use it?`, flag.message);
  }
  if (has('kubeflow') && !KUBEFLOW_COMPONENTS.some(has)) {
    push('notebook-to-service', 'Which Kubeflow pieces did you personally put into use (Pipelines, KServe/KFServing, Katib), and what ran on them?', 'Kubeflow is named without any specific component.');
  }
  if (has('terraform')) {
    push('notebook-to-service', 'Describe the last Terraform module you wrote: what it created, where state lived and how locking worked.', listedOnly('terraform') ? 'Terraform appears only in a list.' : 'Terraform is claimed; module and state details confirm real use.');
  }
  if ((listedOnly('docker') || listedOnly('kubernetes') || listedOnly('fastapi')) && !SERVING_TOOLS.some((id) => byId.get(id)?.status === 'evidence')) {
    push('notebook-to-service', 'Take one model you packaged: how did it go from notebook to a container behind an API, and who ran it afterwards?', 'Container and API tools are listed but no shipped service is described.');
  }
  const productionClaim = flagged('production-without-numbers');
  if (productionClaim) {
    push('monitoring-strategy', 'How many models did you have live, how often were they redeployed, and what uptime or latency did you hold them to?', `Production is claimed without figures (line ${productionClaim.line}).`);
  }
  const monitoringListed = MONITORING_TOOLS.filter(listedOnly);
  if (monitoringListed.length > 0 || (flags.some((flag) => flag.code === 'drift-monitoring') && !flags.some((flag) => flag.code === 'retraining-pipeline'))) {
    push('monitoring-strategy', 'What exactly did your model monitoring watch, what threshold fired an alert, and what kicked off a retrain?', monitoringListed.length > 0 ? `Monitoring tools listed without use: ${monitoringListed.map(nameOf).join(', ')}.` : 'Drift is mentioned but no retraining trigger is described.');
  }
  if (signals.onCall) {
    push('oncall-alert', 'Walk through the most recent page you answered: what fired, what you checked first, and how it ended.', 'On-call duty is claimed.');
  } else if (flags.some((flag) => flag.code === 'negated-on-call')) {
    push('oncall-alert', 'The resume says there was no on-call rotation. Who was paged when a model endpoint broke, and what was your part?', 'On-call is explicitly ruled out.');
  }
  if (signals.postmortemAuthored) {
    push('silent-failure', 'Pick one post-mortem you wrote: what failed, how was it noticed, and which lasting change came out of it?', 'Incident write-ups are claimed.');
  } else if (signals.modelsInProduction !== null || flags.some((flag) => flag.kind === 'evidence' && flag.code === 'models-in-production')) {
    push('silent-failure', 'Tell me about a model of yours that went wrong without raising an error. How did you find out?', 'Models in production are claimed but no incident ownership is described.');
  }
  const canary = flagged('canary-rollback');
  if (canary) {
    push('canary-delayed-metric', 'How did you decide a canary model was safe to promote when the business metric only settles days later?', `Canary or rollback work is claimed (line ${canary.line}).`);
  }
  const compliance = flagged('compliance');
  if (compliance) {
    push('compliance-data-access', 'How did you give data scientists access to regulated production data while satisfying the compliance team?', `A compliance regime is named (line ${compliance.line}).`);
  }
  if (GPU_PLATFORMS.some(has) || flags.some((flag) => flag.code === 'cost-saved')) {
    push('training-costs', 'If training spend tripled next quarter, what would you measure first and which three changes would you try?', 'Cloud ML platforms or cost claims appear.');
  }
  if (signals.llmServing) {
    push(null, 'For the LLM serving you describe: which batching and GPU memory settings did you tune, and what throughput did you reach?', 'LLM serving is claimed.');
  }
  const tracking = ['mlflow', 'wandb'].filter(listedOnly);
  if (tracking.length > 0) {
    push(null, 'Where did your experiment tracking run (server, backend store, artifact storage), and how did a model get from a run into the registry?', `${tracking.map(nameOf).join(' and ')} appear only in lists.`);
  }
  const hedged = flagged('familiarity');
  if (hedged) {
    push(null, 'For the tools you describe as "familiar" or "exposure", name one task you finished with each.', `Hedged wording on line ${hedged.line}.`);
  }
  if (flagged('certificate-main-evidence') || flagged('notebook-only')) {
    push('notebook-to-service', 'Outside courses and notebooks, what have you deployed that someone else relied on?', 'Most of the evidence is coursework, notebooks or prototypes.');
  }
  return probes.slice(0, MAX_PROBES);
}
