// The engine's reading of LABELING.md: evidence parts and the table's caps, padding cues, sub-role
// boundaries, and the data files' validation when an analyzer is built from them. Resumes here are written for these tests.
import { describe, expect, it } from 'vitest';
import rulesJson from '../../resources/analysis-rules.json' with { type: 'json' };
import { analyzeResume, createAnalyzer, defaultAnalyzer } from '../../main/analysis/index.ts';
import { OWNER_RESUME as owner, TEST_NOW } from './fixtures.ts';

const analyze = (text: string) => analyzeResume(text, { now: TEST_NOW });
const { policy } = defaultAnalyzer;
const withRules = (rules: unknown) => createAnalyzer({ ...policy, rules });
const withModel = (evidenceModel: unknown) => createAnalyzer({ ...policy, evidenceModel });
const partKinds = (text: string) => (analyze(text).evidence.parts ?? []).map((part) => part.kind);
/** An ML engineer's resume whose one work bullet (line 6) is `line`. */
const oneBulletResume = (line: string) => `Kim Lee
Machine Learning Engineer

EXPERIENCE
ML Engineer, Brightline Retail, Jan 2022 – Present
- ${line}
`;
/** The lines read as keeping ML running in production. */
const ownership = (line: string) => analyze(oneBulletResume(line)).evidence.parts?.find((part) => part.kind === 'ml-ownership')?.lines ?? [];

const sre = `Alex Rivera
Site Reliability Engineer

EXPERIENCE
Senior SRE, Harbor Payments, Jan 2019 – Present
- On call one week in four for the payments API; held 99.99% availability through 2024.
- Wrote post-incident reviews for 9 outages and cut p99 latency from 400 ms to 120 ms.
- Terraform for every AWS account; moved the services onto Kubernetes.
`;

const hostingSre = `Jo Park
Site Reliability Engineer

EXPERIENCE
SRE, Corvus Health, Jan 2021 – Present
- Keep the Kubernetes clusters and GPU node pools that host the data-science team's 18 inference services at 99.9% availability.
- On call one week in four for the clusters and the inference gateway; wrote the post-mortem for a quota outage.
- Model quality, drift and retraining stay with the data-science team.
`;

const pilot = `Ana Costa
Machine Learning Engineer

EXPERIENCE
ML Engineer, Ridgeway Insurance, Jan 2022 – Present
- Built a claims-triage model with XGBoost and ran a four-week pilot with six reviewers on historical cases.
- The model never reached production; the business chose a vendor instead.
`;

describe('evidence parts and the rubric table', () => {
  it('reads strong operations with no ML in them as none, however strong', () => {
    const result = analyze(sre);
    expect(result.evidence.level).toBe('none');
    expect(partKinds(sre)).toContain('generic-operations');
    expect(result.evidence.reasons?.[0]).toMatch(/^None: no machine learning appears/);
  });

  it('caps operations on infrastructure that hosts others\u2019 ML at moderate, and counts work left to others against', () => {
    const result = analyze(hostingSre);
    expect(result.evidence.level).toBe('moderate');
    const hosting = result.evidence.parts?.find((part) => part.kind === 'ml-hosting');
    expect(hosting?.lines).toEqual(expect.arrayContaining([6, 7]));
    expect(result.flags.some((flag) => flag.code.startsWith('negated-') && flag.line === 8)).toBe(true);
  });

  it('reads owned models with figures, pager and retraining as strong, naming the lines', () => {
    const result = analyze(owner);
    expect(result.evidence.level).toBe('strong');
    expect(result.evidence.parts?.find((part) => part.kind === 'ml-ownership')?.lines).toEqual([6, 7, 8]);
    expect(result.evidence.reasons?.[0]).toMatch(/^Strong: keeps machine learning running in production \(lines 6, 7, 8\)/);
  });

  it('reads volumes of images or documents a day, and a deployed model that customers use, as ML kept in production', () => {
    expect(ownership('Run the PyTorch defect-detection model that checks ~120K images across 30 plants daily.')).toEqual([6]);
    expect(ownership('Scaled the document classifier to 2M documents/day on GPU inference.')).toEqual([6]);
    expect(ownership('Deployed a churn model whose weekly scores our account managers and customers use.')).toEqual([6]);
    // A deployment with no model in it, and a volume with no time, prove no ML kept running.
    expect(ownership('Deployed the new checkout website for customers.')).toEqual([]);
    expect(ownership('Labelled 120K images for the first detection model.')).toEqual([]);
  });

  it('reads a model serving an app since a date, a team using it on a cadence, its users and online A/B tests as production', () => {
    expect(ownership('Deployed the pricing model as a real-time endpoint; it has served the checkout app since May 2024.')).toEqual([6]);
    expect(ownership('Deployed the demand-forecast model as a batch endpoint; the planning team runs it every Monday.')).toEqual([6]);
    expect(ownership('Engineered and deployed a recommendation engine for the storefront, serving 10M+ DAUs.')).toEqual([6]);
    expect(ownership('Tuned the ranking model through online A/B tests, lifting conversion 3%.')).toEqual([6]);
    // A model tried offline only, and a team that merely exists, prove nothing kept running.
    expect(ownership('Compared the ranking models in offline A/B tests on last year\'s logs.')).toEqual([]);
    expect(ownership('Trained the demand-forecast model with the planning team.')).toEqual([]);
  });

  it('reads more ways of saying a model runs for users: counts in words, shadow scoring, A/B tests on traffic, inference times', () => {
    expect(analyze(oneBulletResume('Three of my ranking models run in production today.')).signals.modelsInProduction).toBe(3);
    expect(ownership('Every model launch goes through two weeks of shadow scoring against the live ranker.')).toEqual([6]);
    expect(ownership('The v9 ranking model went through an A/B test on 10% of traffic.')).toEqual([6]);
    expect(ownership('Led the pipelines behind a 4x rise in the volume of model predictions used in production.')).toEqual([6]);
    expect(ownership('Batched the model inference, resulting in a 50% reduction in response times.')).toEqual([6]);
    expect(ownership('Monitored and analysed model performance each week.')).toEqual([6]);
    expect(ownership('Compared three ranking models offline.')).toEqual([]);
  });

  it('reads a measured effect of a model on its users (bookings, conversions, approvals it powers) as a model in production', () => {
    expect(ownership('Built contextual bandit personalisation models, boosting bookings by 500/day.')).toEqual([6]);
    expect(ownership('Built an underwriting model for thin-file applicants, now behind 80% of card approvals.')).toEqual([6]);
    expect(ownership('Developed a budgeting model powering 250,000 personal financial plans.')).toEqual([6]);
    // The same figures with no model behind them are business results, not ML in production.
    expect(ownership('Redesigned the checkout page, boosting bookings by 500/day.')).toEqual([]);
    expect(ownership('Lead a team of 3 engineers while shipping 2 AI/ML products to production.')).toEqual([6]);
    expect(ownership('Drove the demand forecasting model to production for the planning team.')).toEqual([6]);
    // Helping others take it there is their production, not this person's.
    expect(ownership('Worked with engineering to move the forecasting model into production.')).toEqual([]);
  });

  it('reads ML systems and deployments written with hyphens or counted in devices (a 6-node GPU cluster, 50M+ devices), and no ML in a data model', () => {
    const parts = (line: string) => (analyze(oneBulletResume(line)).evidence.parts ?? []).filter((part) => part.lines.includes(6)).map((part) => part.kind);
    expect(parts('Provisioned a 6-node GPU cluster for model training.')).toContain('ml-systems');
    expect(parts('Designed an auto-scaling GPU job scheduler for distributed ML inference.')).toContain('ml-systems');
    expect(parts('Created an on-device model compression pipeline deployed across 50M+ devices.')).toContain('ml-ownership');
    expect(parts('Developed an inference optimization for our models, reducing latency by 73%.')).toContain('ml-ownership');
    // Without ML in the statement the same words are generic operations at most.
    expect(parts('Provisioned a 6-node Kafka cluster for the payments team.')).not.toContain('ml-systems');
    // A data model is a schema, not machine learning.
    expect(parts('Designed the data model for each step of the ETL process, from raw to mart layer.')).not.toContain('ml-work');
    expect(parts('Designed the churn model for each step of the renewal process, from raw features to scores.')).toContain('ml-work');
    // A research cluster is research, not an ML system run for users (LABELING.md).
    expect(parts('Ran PyTorch experiments on the university GPU cluster.')).not.toContain('ml-systems');
  });

  it('reads a signal in a sentence wrapped over several lines, on the line where it starts', () => {
    const text = `Kim Lee
Machine Learning Engineer

EXPERIENCE
ML Engineer, Brightline Retail, Jan 2022 – Present
• Used TensorFlow and PyTorch to build and deploy custom models for
real-time inventory management and demand forecasting, resulting in a 10%
reduction in stockouts.
`;
    expect(analyze(text).evidence.parts?.find((part) => part.kind === 'ml-ownership')?.lines).toEqual([6]);
  });

  it('reads one production line without operations history as moderate at most, and lets on-call make it strong', () => {
    const resume = (extra: string) => `Kim Lee
Machine Learning Engineer

EXPERIENCE
ML Engineer, Brightline Retail, Jan 2022 – Present
- Deployed the demand-forecast model in PyTorch as a real-time endpoint; it has served the store app since May 2024.
- Built the feature pipelines in Python and Spark and trained the forecasting models in PyTorch with XGBoost baselines.
- Tuned the model's features with the merchandising team and evaluated each model version against last year's sales.
- Wrote the model documentation and the data-quality checks on the training data.
${extra}`;
    const strongModel = createAnalyzer({ ...policy, evidenceModel: { ...policy.evidenceModel, thresholds: [-100, -99, -98] } });
    const level = (text: string) => strongModel.analyze(text, { now: TEST_NOW }).evidence.level;
    expect(level(resume(''))).toBe('moderate');
    expect(level(resume('- On call for the forecast endpoint one week in four.\n'))).toBe('strong');
    expect(level(resume('- Retrained the model monthly; two more models went live in 2025.\n'))).toBe('strong');
  });

  it('reads several production models, each on a line of its own, as strong even where the fitted level says moderate', () => {
    const resume = (lines: string[]) => `Kim Lee
Machine Learning Engineer

EXPERIENCE
ML Engineer, Brightline Retail, Jan 2022 – Present
${lines.map((line) => `- ${line}`).join('\n')}
`;
    const moderateModel = createAnalyzer({ ...policy, evidenceModel: { ...policy.evidenceModel, thresholds: [-100, -99, 100] } });
    const verdict = (lines: string[]) => moderateModel.analyze(resume(lines), { now: TEST_NOW }).evidence;
    const models = [
      'Deployed the pricing model as a real-time endpoint; it has served the checkout app since May 2024.',
      'Run the PyTorch defect-detection model that checks ~120K images across 30 plants daily.',
      'Scaled the document classifier to 2M documents/day on GPU inference.',
    ];
    expect(verdict(models.slice(0, 2)).level).toBe('moderate');
    const several = verdict(models);
    expect(several.level).toBe('strong');
    expect(several.score).toBeGreaterThanOrEqual(83);
  });

  it('reads a model that never reached users as weak at most', () => {
    const result = analyze(pilot);
    expect(result.evidence.level).toBe('weak');
    expect(partKinds(pilot)).toContain('not-production');
  });

  it('uses the evidence model it is given', () => {
    const always = withModel({ ...policy.evidenceModel, thresholds: [-100, -99, -98] });
    expect(always.analyze(hostingSre, { now: TEST_NOW }).evidence.level).toBe('moderate');
    expect(always.analyze(owner, { now: TEST_NOW }).evidence.level).toBe('strong');
  });
});

describe('padding cues from the rubric', () => {
  it('flags years of a tool longer than the tool has existed, and a career claim longer than the career', () => {
    const text = `Lee Wong
MLOps Engineer

SUMMARY
15+ years in MLOps, including 10 years of Kubernetes.

EXPERIENCE
MLOps Engineer, Orbit Labs, Jan 2021 – Present
- Deployed 3 models to production on Kubernetes with weekly retraining.
`;
    const result = analyze(text);
    expect(result.padding.detected).toBe(true);
    const flags = result.flags.filter((flag) => flag.code === 'years-claim-contradiction');
    expect(flags.map((flag) => flag.line)).toEqual([5]);
    expect(result.padding.reasons[0]).toMatch(/Claims 15\+ years/);
  });

  it('counts languages among the canonical tools of the padding figures, as LABELING.md does, but not notebooks', () => {
    const text = `Ivan Petrov
ML Engineer

EXPERIENCE
Analyst, Keystone Bank, Jan 2022 – Present
- Write the monthly reports for the risk team.

SKILLS
Python, Go, PyTorch, scikit-learn, Docker, Kubernetes, MLflow, Airflow, Jupyter, Kaggle
`;
    const result = analyze(text);
    expect(result.padding.detected).toBe(true);
    expect(result.padding.reasons).toContain('Names 8 tools only as claims against 0 in described work.');
  });

  it('does not pad an honest junior who is familiar with a few tools', () => {
    const text = `Mia Lund
Junior ML Engineer

EXPERIENCE
ML Engineer I, Fjord Analytics, Jan 2025 – Present
- Deployed one churn model to a SageMaker endpoint used by the retention team; monthly retraining.

SKILLS
Python, SQL · familiar with Docker and MLflow
`;
    expect(analyze(text).padding.detected).toBe(false);
  });

  it('pads a tool list that dwarfs weak work, naming the numbers', () => {
    const text = `Kim Ortiz
MLOps Engineer

EXPERIENCE
Support Engineer, Helpdesk Co, Jan 2020 – Present
- Answered customer tickets and wrote internal guides.

SKILLS
Kubernetes, Docker, MLflow, Kubeflow, Airflow, SageMaker, Vertex AI, Terraform, Prometheus, Grafana, Seldon, BentoML
`;
    const result = analyze(text);
    expect(result.padding.detected).toBe(true);
    expect(result.padding.reasons[0]).toMatch(/^Names 12 tools only as claims against 0 in described work/);
  });
});

describe('tools and sub-role boundaries', () => {
  it('counts a managed variant as the tool, with its status (EKS is Kubernetes)', () => {
    const text = `Raj Iyer
ML Infrastructure Engineer

EXPERIENCE
ML Infra Engineer, Nimbus AI, Jan 2022 – Present
- Run the EKS GPU clusters for distributed training of 40 production models across 256 A100s.
`;
    const tools = analyze(text).tools;
    expect(tools.find((tool) => tool.id === 'eks')?.status).toBe('evidence');
    expect(tools.find((tool) => tool.id === 'kubernetes')).toMatchObject({ status: 'evidence', lines: [6] });
  });

  it('names no tool from an employer on a job line', () => {
    const text = `Dana Hill
Shift Manager — TGI Fridays, Atlanta, GA          May 2017 – Dec 2023
- Ran the evening shift for a team of twelve.
`;
    expect(analyze(text).tools.map((tool) => tool.id)).not.toContain('tgi');
  });

  it('reads clusters that host another team\u2019s models as devops, and a resume with no ML work as its claim', () => {
    expect(analyze(hostingSre).subRole.id).toBe('devops');
    const claim = `Pat Moreno
Software Engineer → ML Infrastructure

EXPERIENCE
Software Engineer, Lakes Insurance, Jan 2021 – Present
- Build internal claims APIs in Java with a PostgreSQL back end.
`;
    const result = analyze(claim);
    expect(result.subRole.id).toBe('ml-infra');
    expect(result.subRole.reasons[0]).toMatch(/No ML work is described/);
    const none = claim.replace('Software Engineer → ML Infrastructure', 'Backend developer');
    expect(analyze(none).subRole.id).toBe('devops');
  });

  it('starts the experience at the first dated job line when jobs follow the education without a heading', () => {
    const text = `Lee Park
Education:
MS, Computer Science, State University          2014 – 2016
Acme Retail
Machine Learning Engineer                       03/2019 – Present
- Keep 6 production ranking models healthy with weekly retraining and drift monitoring.
`;
    const result = analyze(text);
    expect(result.evidence.parts?.find((part) => part.kind === 'ml-ownership')?.lines).toEqual([6]);
    expect(result.tools.length).toBe(0);
  });

  it('treats home-lab lines as outside work: their tools are not evidence', () => {
    const text = `Chris Vale
Backend Engineer

EXPERIENCE
Backend Engineer, Northwind, Jan 2021 – Present
- Build billing APIs in Go.
- In my home lab I serve a small model with vLLM and KServe on a k3s cluster.
`;
    const tools = analyze(text).tools;
    expect(tools.find((tool) => tool.id === 'vllm')?.status).toBe('listed');
    expect(analyze(text).evidence.level).toBe('none');
  });
});

describe('projects: work only when someone besides the author used them', () => {
  const resume = (project: string) => `Ravi Nair
ML Engineer

EXPERIENCE
Data Analyst, Keystone Bank, Jan 2022 – Present
- Write the monthly SQL reports for the risk team.

PROJECTS
Fraud scoring service
- Built a fraud-scoring API with FastAPI and MLflow and deployed it on Kubernetes.
${project}
`;
  const status = (text: string, id: string) => analyzeResume(text, { now: TEST_NOW }).tools.find((tool) => tool.id === id)?.status;

  it('reads the tools of a project nobody is shown using as listed, and those of a project in use as described work', () => {
    expect(status(resume(''), 'fastapi')).toBe('listed');
    expect(status(resume(''), 'kubernetes')).toBe('listed');
    expect(status(resume('- Used by 3 credit unions to screen card payments.'), 'fastapi')).toBe('evidence');
    expect(status(resume('- Merged upstream into the MLflow project.'), 'mlflow')).toBe('evidence');
  });

  it('judges each project by its own lines: a later project in use does not lend its users to an earlier one', () => {
    const text = resume(`
Churn dashboard
- Built a churn dashboard in Grafana over a BigQuery job, used by 40 account managers.`);
    expect(status(text, 'fastapi')).toBe('listed');
    expect(status(text, 'bigquery')).toBe('evidence');
  });
});

describe('lists and headings that name their kind last', () => {
  it('reads "TECHNICAL EXPERIENCE" as the experience and "TECHNICAL & LEADERSHIP SKILLS" as the skills', () => {
    const text = `Mara Quinn
ML Engineer

SKILLS
Python, SQL

TECHNICAL EXPERIENCE
ML Engineer, Lumen Maps, Jan 2021 – Present
→ Trained the road-segmentation model in PyTorch that the map editors use every day.

TECHNICAL & LEADERSHIP SKILLS
Deploying services with Jenkins and Argo CD to Kubernetes
`;
    const result = analyzeResume(text, { now: TEST_NOW });
    expect(result.roles.map((role) => role.title)).toEqual(['ML Engineer']);
    const status = (id: string) => result.tools.find((tool) => tool.id === id)?.status;
    expect(status('pytorch')).toBe('evidence');
    expect(['jenkins', 'argocd', 'kubernetes'].map(status)).toEqual(Array(3).fill('listed'));
  });

  it('starts the experience at an employer line after the education whose title is on the next line, and reads no heading in a wrapped sentence', () => {
    const text = `Sam Hale
sam.hale@example.com

Education:
2017 – 2020: BSc Physics
Queen Mary University of London
Northlight Studio, London UK Nov 2023 – Present
Software Engineer - Machine Learning
Developed and deployed a distributed ML video pipeline for live events (300+ renders/day) with PyTorch. Key
achievements:
Kept the GPU inference queue within a 5-minute end-to-end SLA across four machines with Docker.
`;
    const result = analyzeResume(text, { now: TEST_NOW });
    expect(result.roles.map((role) => [role.title, role.employer])).toEqual([['Software Engineer', 'Northlight Studio']]);
    const status = (id: string) => result.tools.find((tool) => tool.id === id)?.status;
    expect(status('pytorch')).toBe('evidence');
    expect(status('docker')).toBe('evidence');
  });

  it('reads "Label: a, b, c" as a list even when its label reads like a verb', () => {
    const text = `Mara Quinn
SRE

EXPERIENCE
SRE, Lumen Maps, Jan 2021 – Present
- Run the deploy pipeline for the map services.
- Automation: Ansible, Terraform, CloudFormation, Jenkins
`;
    const status = (id: string) => analyzeResume(text, { now: TEST_NOW }).tools.find((tool) => tool.id === id)?.status;
    expect(['ansible', 'terraform', 'cloudformation', 'jenkins'].map(status)).toEqual(Array(4).fill('listed'));
  });
});

describe('jobs listed without an Experience heading', () => {
  // Jobs set straight under the contact lines, each a title, an employer and years, with Skills the only heading.
  const noHeading = `Sam Ortiz
Pittsburgh, PA
sam.ortiz@example.com

Platform Engineer
Northwind Freight — Pittsburgh, PA
2021–2025
Built the Kubernetes platform and the Helm charts that 40 product teams deploy with.
Ran Terraform for 12 AWS accounts and cut deploy time from 2 hours to 10 minutes with Jenkins pipelines.

Systems Engineer
Northwind Freight — Pittsburgh, PA
2017–2021
Moved 30 services from VMs onto Docker and wrote the runbooks for their on-call rotation.

SKILLS
Kubernetes, Helm, Terraform, AWS, Jenkins, Docker, Ansible
`;

  it('reads the lines of a job found by its dates as described work, so its tools are evidence and the skills list is not padding', () => {
    const result = analyze(noHeading);
    expect(result.roles.map((role) => role.title)).toEqual(['Platform Engineer', 'Systems Engineer']);
    const status = (id: string) => result.tools.find((tool) => tool.id === id)?.status;
    expect(['kubernetes', 'helm', 'terraform', 'aws', 'jenkins', 'docker'].map(status)).toEqual(Array(6).fill('evidence'));
    expect(status('ansible')).toBe('listed');
    expect(result.padding.detected).toBe(false);
  });
});

describe('rules and models are checked when an analyzer is built', () => {
  const clone = () => JSON.parse(JSON.stringify(rulesJson)) as typeof rulesJson & Record<string, unknown>;

  it('rejects a signal that proves an evidence part the table does not define', () => {
    const raw = clone();
    (raw.signals[0]!.proves as Record<string, string>).ml = 'mind-reading';
    expect(() => withRules(raw)).toThrow(/signals\.0\.proves\.ml: unknown evidence part "mind-reading"/);
  });

  it('rejects a probe naming a tool id or a flag code that does not exist', () => {
    const raw = clone();
    raw.probes.rules[1]!.when = { toolsAny: ['kubeflowz'] };
    expect(() => withRules(raw)).toThrow(/probes\.rules\.1\.when\.toolsAny: unknown tool id "kubeflowz"/);
    const flagged = clone();
    flagged.probes.rules[5]!.when = { flag: 'made-up-flag' };
    expect(() => withRules(flagged)).toThrow(/probes\.rules\.5\.flag: unknown flag code "made-up-flag"/);
  });

  it('rejects an evidence model with an unknown feature, a missing weight or descending thresholds', () => {
    expect(() => withModel({ ...policy.evidenceModel, features: ['part:luck'], weights: [1] })).toThrow(/Invalid evidence model: features\.0: unknown feature "part:luck"/);
    expect(() => withModel({ ...policy.evidenceModel, weights: [1] })).toThrow(/weights: one weight per feature/);
    expect(() => withModel({ ...policy.evidenceModel, thresholds: [2, 1, 3] })).toThrow(/thresholds must ascend/);
  });
});
