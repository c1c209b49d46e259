import type { CandidateStatus } from '../../contract/types.ts';
import type { EvidenceLevel, SubRoleId } from '../../contract/analysis.ts';
import { evidenceLabels, statusLabels, subRoleLabels } from '../format.ts';

export function SubRoleBadge({ subRole }: { subRole: SubRoleId | null }) {
  if (!subRole) return <span className="muted">—</span>;
  return <span className={`badge badge-role role-${subRole}`}>{subRoleLabels[subRole]}</span>;
}

export function StatusBadge({ status }: { status: CandidateStatus }) {
  return <span className={`badge badge-status status-${status}`}>{statusLabels[status]}</span>;
}

export function EvidenceMeter({ level, score }: { level: EvidenceLevel | null; score: number | null }) {
  if (!level || score === null) return <span className="muted">Not analysed</span>;
  const clamped = Math.max(0, Math.min(100, score));
  return (
    <span className={`evidence evidence-${level}`} title={`Evidence ${evidenceLabels[level]} (${score}/100)`}>
      <span className="evidence-label">{evidenceLabels[level]}</span>
      <span className="meter" role="meter" aria-valuemin={0} aria-valuemax={100} aria-valuenow={clamped} aria-label="Evidence score">
        <span className="meter-fill" style={{ width: `${clamped}%` }} />
      </span>
      <span className="evidence-score">{score}</span>
    </span>
  );
}

export function PaddingTag({ isPadded, score }: { isPadded: boolean | null; score: number | null }) {
  if (isPadded === null) return <span className="muted">—</span>;
  return isPadded ? (
    <span className="badge badge-padding" title={`Padding score ${score ?? '?'}/100`}>
      Padded {score ?? ''}
    </span>
  ) : (
    <span className="padding-ok" title={`Padding score ${score ?? '?'}/100`}>
      {score ?? 0}
    </span>
  );
}

/** Marks a verdict the recruiter corrected (contract/corrections.ts). */
export function RecruiterMark() {
  return (
    <span className="recruiter-mark" title="Corrected by the recruiter" aria-label="corrected by the recruiter">
      R
    </span>
  );
}
