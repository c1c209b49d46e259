// Hand-written resumes and their analyses for brief tests. Line numbers in the
// analyses index the resume text (1-based), as the analysis engine's do.
import type { ResumeAnalysis, ToolFinding } from '../../contract/analysis.ts';
import type { CandidateProfile } from '../../db/queries/candidates.ts';

export interface FixtureCandidate {
  resumeText: string;
  analysis: ResumeAnalysis | null;
  /** Candidate row values (the import service derives them from the analysis). */
  profile: CandidateProfile;
}

/** 1-based line number of the first line containing `needle`. */
export function lineOf(text: string, needle: string): number {
  const index = text.split('\n').findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`fixture: "${needle}" not in resume`);
  return index + 1;
}

export const janeResume = [
  'Jane Q. Doe',
  'Senior MLOps Engineer',
  'Austin, TX',
  'jane.doe@example.com | +1 (512) 555-0142 | github.com/janedoe-ml | linkedin.com/in/jane-doe-42',
  '',
  'SUMMARY',
  'Platform-minded MLOps engineer who has run model serving for 40M daily users.',
  '',
  'EXPERIENCE',
  'Senior MLOps Engineer, Acme Robotics Inc. (2021-03 – Present)',
  '- Built a Kubeflow and Argo Workflows training platform used by 60 data scientists at Acme Robotics.',
  '- Served 14 models in production on Kubernetes with KServe behind a canary rollout, p99 latency under 80 ms.',
  '- Was on-call for the inference fleet; wrote the postmortem for the March 2023 feature-store outage.',
  '- Added drift monitoring with Evidently and Prometheus alerts that trigger retraining in Airflow.',
  'ML Engineer, Globex Corporation (2018-06 – 2021-02)',
  '- Moved batch scoring from cron to Airflow and MLflow model registry; cut failed runs by 70%.',
  '- Deployed a vLLM endpoint for internal support search serving 2,000 requests per minute.',
  '',
  'EDUCATION',
  'M.S. Computer Science, University of Texas at Austin, 2018',
  'B.S. Mathematics, Rice University, 2016',
  '',
  'SKILLS',
  'Python, Go, Terraform, Docker, Kubernetes, Ray, Feast, Spark, SageMaker, Vertex AI',
].join('\n');

function tool(id: string, name: string, category: string, status: ToolFinding['status'], lines: number[]): ToolFinding {
  return { id, name, category, status, lines };
}

export const janeAnalysis: ResumeAnalysis = {
  engineVersion: 'fixture-1',
  contact: {
    name: 'Jane Q. Doe',
    email: 'jane.doe@example.com',
    phone: '+1 (512) 555-0142',
    location: 'Austin, TX',
    links: ['github.com/janedoe-ml', 'linkedin.com/in/jane-doe-42'],
  },
  currentTitle: 'Senior MLOps Engineer',
  roles: [
    { title: 'Senior MLOps Engineer', employer: 'Acme Robotics Inc.', start: '2021-03', end: null, isCurrent: true, line: 10 },
    { title: 'ML Engineer', employer: 'Globex Corporation', start: '2018-06', end: '2021-02', isCurrent: false, line: 15 },
  ],
  yearsExperience: 7.7,
  seniority: 'senior',
  subRole: {
    id: 'ml-platform',
    confidence: 0.82,
    reasons: ['Built a training platform used by other teams', 'Kubeflow and Argo named in experience'],
  },
  evidence: { level: 'strong', score: 84 },
  padding: { detected: false, score: 12, reasons: [] },
  tools: [
    tool('kubeflow', 'Kubeflow', 'orchestration', 'evidence', [11]),
    tool('argo', 'Argo Workflows', 'orchestration', 'evidence', [11]),
    tool('kubernetes', 'Kubernetes', 'infrastructure', 'evidence', [12, 24]),
    tool('kserve', 'KServe', 'serving', 'evidence', [12]),
    tool('evidently', 'Evidently', 'monitoring', 'evidence', [14]),
    tool('prometheus', 'Prometheus', 'monitoring', 'evidence', [14]),
    tool('airflow', 'Airflow', 'orchestration', 'evidence', [14, 16]),
    tool('mlflow', 'MLflow', 'registry', 'evidence', [16]),
    tool('vllm', 'vLLM', 'serving', 'evidence', [17]),
    tool('terraform', 'Terraform', 'infrastructure', 'listed', [24]),
    tool('ray', 'Ray', 'compute', 'listed', [24]),
    tool('feast', 'Feast', 'feature store', 'listed', [24]),
    tool('sagemaker', 'SageMaker', 'platform', 'listed', [24]),
  ],
  signals: { modelsInProduction: 14, postmortemAuthored: true, onCall: true, llmServing: true, clearance: false },
  flags: [
    {
      kind: 'evidence',
      code: 'models-in-production',
      message: 'States a count of models in production',
      line: 12,
      excerpt: 'Served 14 models in production on Kubernetes',
    },
    {
      kind: 'evidence',
      code: 'postmortem',
      message: 'Wrote a postmortem',
      line: 13,
      excerpt: 'wrote the postmortem for the March 2023 feature-store outage',
    },
    {
      kind: 'risk',
      code: 'listed-feature-store',
      message: 'Feast is listed but no feature-store work is described',
      line: 24,
      excerpt: 'Feast',
    },
  ],
  probes: [
    { questionId: 'monitoring-strategy', text: 'Which drift thresholds triggered retraining, and who chose them?', because: 'Line 14 claims drift-triggered retraining without numbers.' },
    { questionId: null, text: 'What did the canary rollout check before promoting a model?', because: 'Line 12 mentions a canary rollout.' },
  ],
};

export const jane: FixtureCandidate = {
  resumeText: janeResume,
  analysis: janeAnalysis,
  profile: {
    name: 'Jane Q. Doe',
    email: 'jane.doe@example.com',
    phone: '+1 (512) 555-0142',
    location: 'Austin, TX',
    currentTitle: 'Senior MLOps Engineer',
    employers: ['Acme Robotics Inc.', 'Globex Corporation'],
  },
};

const toolNames = [
  'Kubeflow', 'Argo Workflows', 'Kubernetes', 'KServe', 'Seldon Core', 'BentoML', 'Triton Inference Server', 'TorchServe',
  'vLLM', 'MLflow', 'Weights & Biases', 'DVC', 'Feast', 'Tecton', 'Airflow', 'Dagster', 'Prefect', 'Ray', 'Spark',
  'Databricks', 'SageMaker', 'Vertex AI', 'Azure ML', 'Terraform', 'Pulumi', 'Helm', 'Prometheus', 'Grafana',
  'Evidently', 'WhyLabs', 'Great Expectations', 'Kafka', 'Flink', 'Redis',
];

const longName = 'Maximiliana Alexandrina Konstantinopoulou-Vanderbergh-Santísima de la Trinidad Oyelaran-Featherstonehaugh';

export const longResume = [
  longName,
  'Principal Machine Learning Platform and Infrastructure Reliability Engineer',
  'Lisbon, Portugal',
  'maximiliana.k@example.org',
  '',
  'EXPERIENCE',
  'Principal ML Platform Engineer, Initech Global Holdings (2019-01 – Present)',
  ...toolNames.map(
    (name, index) =>
      `- Operated ${name} in production for the fraud-scoring platform serving ${index + 3} models, handling incident review, capacity planning, cost reporting and the migration of every legacy pipeline to the new platform without downtime for downstream consumers (stage ${index + 1}).`,
  ),
  '',
  'EDUCATION',
  'PhD, Instituto Superior Técnico, 2012',
  '',
  'SKILLS',
  toolNames.join(', '),
].join('\n');

export const longAnalysis: ResumeAnalysis = {
  ...janeAnalysis,
  contact: { name: longName, email: 'maximiliana.k@example.org', phone: null, location: 'Lisbon, Portugal', links: [] },
  currentTitle: 'Principal Machine Learning Platform and Infrastructure Reliability Engineer',
  roles: [{ title: 'Principal ML Platform Engineer', employer: 'Initech Global Holdings', start: '2019-01', end: null, isCurrent: true, line: 7 }],
  yearsExperience: 14,
  seniority: 'staff',
  padding: {
    detected: true,
    score: 58,
    reasons: ['Skills list names 34 tools; 16 of them appear nowhere in the work history'],
  },
  tools: toolNames.map((name, index) =>
    tool(name.toLowerCase().replace(/\W+/g, '-'), name, index % 3 === 0 ? 'serving' : 'orchestration', index < 18 ? 'evidence' : 'listed', index < 18 ? [8 + index, 47] : [47]),
  ),
  flags: [
    { kind: 'evidence', code: 'models-in-production', message: 'States a count of models in production', line: 9, excerpt: 'serving 4 models' },
    { kind: 'padding', code: 'skills-dump', message: 'Long skills list with little support', line: 47, excerpt: toolNames.slice(0, 6).join(', ') },
  ],
  probes: Array.from({ length: 7 }, (_, index) => ({
    questionId: null,
    text: `Walk through stage ${index + 1} of the migration: what broke, and how did you know?`,
    because: `Stage ${index + 1} is described without an outcome.`,
  })),
};

export const longCandidate: FixtureCandidate = {
  resumeText: longResume,
  analysis: longAnalysis,
  profile: {
    name: longName,
    email: 'maximiliana.k@example.org',
    phone: null,
    location: 'Lisbon, Portugal',
    currentTitle: longAnalysis.currentTitle,
    employers: ['Initech Global Holdings'],
  },
};

/** A resume that was imported but never analysed. */
export const unanalysed: FixtureCandidate = {
  resumeText: 'Sam Okafor\nDevOps Engineer\nsam@okafor.dev\n\nEXPERIENCE\nDevOps Engineer, Hooli (2020 – Present)',
  analysis: null,
  profile: { name: 'Sam Okafor', email: 'sam@okafor.dev', phone: null, location: null, currentTitle: 'DevOps Engineer', employers: [] },
};

/** A numbered variant of Jane for batches: different identity, same shape. */
export function numberedCandidate(index: number): FixtureCandidate {
  const name = `Test Person${index}`;
  const email = `person${index}@example.com`;
  const resumeText = janeResume.replace('Jane Q. Doe', name).replace('jane.doe@example.com', email);
  return {
    resumeText,
    analysis: { ...janeAnalysis, contact: { ...janeAnalysis.contact, name, email } },
    profile: { ...jane.profile, name, email },
  };
}
