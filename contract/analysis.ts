// The analysis output contract. Field names are fixed by `shipped analyze --json`,
// the UI, the PDF briefs and an external evaluation: rename nothing here.

export const subRoleIds = ['ml-platform', 'ml-infra', 'applied-mlops', 'devops', 'ml-engineer', 'research'] as const;
export type SubRoleId = (typeof subRoleIds)[number];

/** The one place sub-roles are named for people: the app, the briefs and the engine's reasons use these. */
export const subRoleLabels: Record<SubRoleId, string> = {
  'ml-platform': 'ML Platform',
  'ml-infra': 'ML Infra',
  'applied-mlops': 'Applied MLOps',
  devops: 'DevOps',
  'ml-engineer': 'ML Engineer',
  research: 'Research',
};

/** The same sub-roles as a person's title, for prose such as the PDF brief. */
export const subRoleTitles: Record<SubRoleId, string> = {
  'ml-platform': 'ML platform engineer',
  'ml-infra': 'ML infrastructure engineer',
  'applied-mlops': 'Applied MLOps engineer',
  devops: 'DevOps engineer',
  'ml-engineer': 'ML engineer',
  research: 'ML researcher',
};

export const evidenceLevels = ['strong', 'moderate', 'weak', 'none'] as const;
export type EvidenceLevel = (typeof evidenceLevels)[number];

export const seniorityLevels = ['junior', 'mid', 'senior', 'staff'] as const;
export type Seniority = (typeof seniorityLevels)[number];

export type ToolStatus = 'evidence' | 'listed';
export type FlagKind = 'evidence' | 'padding' | 'risk';

export interface Contact {
  name: string | null;
  email: string | null;
  phone: string | null;
  location: string | null;
  links: string[];
}

export interface WorkRole {
  title: string | null;
  employer: string | null;
  /** ISO month, `YYYY-MM`. */
  start: string | null;
  /** ISO month, `YYYY-MM`; null with `isCurrent` for "Present". */
  end: string | null;
  isCurrent: boolean;
  /** 1-based line in the stored text where the role starts. */
  line: number;
}

export interface ToolFinding {
  id: string;
  name: string;
  category: string;
  status: ToolStatus;
  /** 1-based lines of the stored text where the tool is named. */
  lines: number[];
}

export interface Flag {
  kind: FlagKind;
  code: string;
  message: string;
  /** 1-based line of the stored text that caused the flag. */
  line: number;
  excerpt: string;
}

export interface Probe {
  /** Id of a screening question in resources/screening-script.json, or null. */
  questionId: string | null;
  text: string;
  because: string;
}

export interface ProductionSignals {
  modelsInProduction: number | null;
  postmortemAuthored: boolean;
  onCall: boolean;
  llmServing: boolean;
  clearance: boolean;
}

/**
 * One thing the resume shows about production ML (owning ML in production, operating ML-specific
 * systems, operating generic infrastructure that hosts ML, claims without specifics...). The kinds
 * and their labels are data (resources/analysis-rules.json), so `kind` is an open string here.
 */
export interface EvidencePart {
  kind: string;
  label: string;
  /** 1-based lines of the stored text that show this part. */
  lines: number[];
}

/** One production signal as the candidate screen and the brief show it. */
export interface SignalReading {
  key: keyof ProductionSignals;
  /** The brief's wording. */
  label: string;
  /** The candidate screen's shorter wording. */
  shortLabel: string;
  value: string;
  isPositive: boolean;
}

/** The production signals in the order they are shown, each once. */
export function readSignals(signals: ProductionSignals): SignalReading[] {
  const flag = (key: Exclude<keyof ProductionSignals, 'modelsInProduction'>, label: string, shortLabel = label): SignalReading => ({
    key,
    label,
    shortLabel,
    value: signals[key] ? 'yes' : 'no',
    isPositive: signals[key],
  });
  const models = signals.modelsInProduction;
  return [
    {
      key: 'modelsInProduction',
      label: 'Models in production',
      shortLabel: 'Models in production',
      value: models === null ? 'not stated' : String(models),
      isPositive: (models ?? 0) > 0,
    },
    flag('postmortemAuthored', 'Wrote a postmortem'),
    flag('onCall', 'On-call for ML systems', 'On-call'),
    flag('llmServing', 'Served LLMs in production', 'LLM serving'),
    flag('clearance', 'Security clearance'),
  ];
}

export interface ResumeAnalysis {
  engineVersion: string;
  contact: Contact;
  /** Most recent role's title, if any. */
  currentTitle: string | null;
  roles: WorkRole[];
  yearsExperience: number | null;
  seniority: Seniority;
  subRole: { id: SubRoleId; confidence: number; reasons: string[] };
  evidence: {
    level: EvidenceLevel;
    score: number;
    /** Why the level was given, strongest reason first (engine 2.0.0 and later). */
    reasons?: string[];
    /** The explainable parts the level was built from, each with the lines that show it (engine 2.0.0 and later). */
    parts?: EvidencePart[];
  };
  padding: { detected: boolean; score: number; reasons: string[] };
  tools: ToolFinding[];
  signals: ProductionSignals;
  flags: Flag[];
  probes: Probe[];
}
