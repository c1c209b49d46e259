import type { ResumeLine } from './lines.ts';
import { blockTexts } from './lines.ts';
import type { AnalysisRules, SectionKind } from './rules.ts';
import { LETTER_CHAR, ruleRegex } from './taxonomy.ts';
import { UNNAMED_SECTIONS } from './timeline.ts';

const LIST_SPLIT = /\s*(?:[,|·•;]|\s{2,}|\s\/\s)\s*/;
const WORK_SECTIONS: ReadonlySet<SectionKind> = new Set(['experience', 'projects']);
const LABELLED_LINE = /^([^:.]{1,40}):\s+(\S.*)$/u;
// "Automation", "Deployment": a noun made from an action verb names a topic, not something done.
const NOUN_ENDING = /(?:ion|ions|ment|ments|ance|ence|ity|ics)$/i;

/** Everything the engine needs to know about where a line sits and what kind of statement it is. */
export interface LineContext {
  line: ResumeLine;
  block: string;
  isWork: boolean;
  isList: boolean;
  isCourse: boolean;
  /**
   * In a project nobody besides its author is shown using (LABELING.md, "Real work"): ML work all the same, but its
   * tools are claims and its figures prove nothing kept running for users.
   */
  isOwnProject: boolean;
  isInterest: boolean;
  hasAction: boolean;
}

const CLAUSE_ENDS = ['.', ';', ' but '] as const;

/** The clause (between sentence punctuation) around a character range of the line. */
export function clauseAround(text: string, from: number, to: number): { before: string; after: string } {
  const start = Math.max(text.lastIndexOf('.', from - 1), text.lastIndexOf(';', from - 1), text.lastIndexOf(' but ', from - 1)) + 1;
  let end = text.length;
  for (const boundary of CLAUSE_ENDS) {
    const at = text.indexOf(boundary, to);
    if (at >= 0 && at < end) end = at;
  }
  return { before: text.slice(start, from), after: text.slice(to, end) };
}

export interface ContextReader {
  /**
   * `jobLines`: the lines of the jobs the timeline found by their dates. Outside any named section they are
   * work all the same: a resume may list its jobs with no Experience heading above them.
   */
  buildContexts(lines: ResumeLine[], jobLines?: ReadonlySet<number>): LineContext[];
  /**
   * Negation close before the match ("never deployed to X") or a "not in production" remark in the same clause; with
   * `othersOwnIt`, also work the clause gives to someone else ("retraining stays with the data-science team"), which
   * denies a production signal but not the use of a tool named beside it.
   */
  isNegated(text: string, from: number, to: number, othersOwnIt?: boolean): boolean;
  notInProduction(text: string): RegExpExecArray | null;
  /** Hedged wording ("familiar with", "exposure to"): a padding flag on its line, and no claim for a tool named after it. */
  isHedged(text: string): boolean;
}

/** Reads where each line sits and what kind of statement it is, by the rules' patterns. */
export function createContextReader(rules: AnalysisRules): ContextReader {
  const ACTION_VERB = new RegExp(`(?<![${LETTER_CHAR}])(?:${rules.actionVerbStems.map(RegExp.escape).join('|')})`, 'i');
  const NEGATION = ruleRegex(rules.negationPattern, 'i');
  const FAMILIARITY = ruleRegex(rules.padding.familiarityPattern, 'i');
  const LIST_LABEL = ruleRegex(rules.listLabelPattern, 'i');
  const COURSE_LINE = ruleRegex(rules.courseLinePattern, 'i');
  const INTEREST_LINE = ruleRegex(rules.interestLinePattern, 'i');
  const HOME_LAB = ruleRegex(rules.homeLabPattern, 'i');
  const PROJECT_IN_USE = ruleRegex(rules.projectInUsePattern, 'i');
  const NOT_IN_PRODUCTION = ruleRegex(rules.notInProductionPattern, 'i');
  const NOT_THEIRS = ruleRegex(rules.evidenceContext.notTheirsPattern, 'i');

  function isListLike(content: string): boolean {
    if (LIST_LABEL.test(content)) return true;
    // "Infrastructure Automation: Ansible, Terraform, CloudFormation": a short label of its own, then the list. A label
    // that opens with a verb starts a sentence instead ("Manage AWS with Terraform: VPCs, IAM and EKS").
    const labelled = content.includes(':') ? LABELLED_LINE.exec(content) : null;
    const labelWords = labelled?.[1]?.split(/\s+/) ?? [];
    const opensWithVerb = ACTION_VERB.test(labelWords[0] ?? '') && !NOUN_ENDING.test(labelWords[0] ?? '');
    const isLabel = labelled !== null && labelWords.length <= 4 && !opensWithVerb;
    const body = isLabel ? (labelled[2] ?? content) : content;
    const items = body.split(LIST_SPLIT).filter((item) => item.length > 0);
    const words = body.split(/\s+/);
    if (items.length >= 3 && words.length / items.length <= 3.2 && !ACTION_VERB.test(words.slice(0, 2).join(' '))) return true;
    // A lone sidebar entry ("Kubernetes", "Keras (TensorFlow)") from a two-column layout.
    return words.length <= 3 && !/[.!?]$/.test(content) && !ACTION_VERB.test(content);
  }

  /** A line that opens a project: a short title, not a bullet and not a sentence. */
  function isProjectTitle(line: ResumeLine): boolean {
    return !line.isBullet && !line.isBlank && line.block === line.number && line.content.split(/\s+/).length <= 14 && !/[.!?]$/.test(line.content);
  }

  /** The lines of the projects whose text shows someone besides the author used them. */
  function linesOfProjectsInUse(lines: readonly ResumeLine[]): Set<number> {
    const inUse = new Set<number>();
    let project: ResumeLine[] = [];
    const closeProject = () => {
      if (project.some((line) => PROJECT_IN_USE.test(line.content))) for (const line of project) inUse.add(line.number);
      project = [];
    };
    for (const line of lines) {
      if (line.section !== 'projects' || line.isHeading || isProjectTitle(line)) closeProject();
      if (line.section === 'projects' && !line.isHeading) project.push(line);
    }
    closeProject();
    return inUse;
  }

  function buildContexts(lines: ResumeLine[], jobLines: ReadonlySet<number> = new Set()): LineContext[] {
    const hasAnyHeading = lines.some((line) => line.isHeading);
    const blocks = blockTexts(lines);
    const projectsInUse = linesOfProjectsInUse(lines);
    // Bullets under a project titled "Churn model (bootcamp capstone)" are coursework too.
    let inCourseProject = false;
    return lines.map((line) => {
      if (line.section !== 'projects' || line.isHeading) inCourseProject = false;
      else if (!line.isBullet && !line.isBlank && line.block === line.number) inCourseProject = COURSE_LINE.test(line.content);
      const block = blocks.get(line.block) ?? line.content;
      const isInterest = line.section === 'interests' || INTEREST_LINE.test(line.content) || HOME_LAB.test(line.content);
      // The wrapped tail of a sentence ("Kubernetes, model registry on MLflow, ...") is judged with its whole block.
      const isList = isListLike(line.content) && (line.block === line.number || isListLike(block));
      // Resumes with no recognisable headings: treat bullets as descriptions of work.
      const inWorkSection =
        WORK_SECTIONS.has(line.section) || (!hasAnyHeading && line.isBullet) || (UNNAMED_SECTIONS.has(line.section) && jobLines.has(line.number));
      return {
        line,
        block,
        isWork: inWorkSection && !line.isHeading && !line.isArtifact && !isInterest,
        isList,
        isCourse: COURSE_LINE.test(line.content) || line.section === 'certifications' || (inCourseProject && line.isBullet),
        isOwnProject: line.section === 'projects' && !projectsInUse.has(line.number),
        isInterest,
        hasAction: ACTION_VERB.test(block),
      };
    });
  }

  function isNegated(text: string, from: number, to: number, othersOwnIt = false): boolean {
    const { before, after } = clauseAround(text, from, to);
    const nearBefore = before.split(/\s+/).slice(-7).join(' ');
    const clause = before + text.slice(from, to) + after;
    return NEGATION.test(nearBefore) || NOT_IN_PRODUCTION.test(clause) || (othersOwnIt && NOT_THEIRS.test(clause));
  }

  function notInProduction(text: string): RegExpExecArray | null {
    return NOT_IN_PRODUCTION.exec(text);
  }

  return { buildContexts, isNegated, notInProduction, isHedged: (text) => FAMILIARITY.test(text) };
}
