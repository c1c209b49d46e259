import type { CandidateFit } from '../../../contract/roles.ts';

function points(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

export function scoreClass(score: number): string {
  return score >= 70 ? 'rl-score rl-score-high' : score >= 45 ? 'rl-score rl-score-mid' : 'rl-score';
}

/** Each part of a fit with its points and the resume lines behind it. */
export function FitParts({ fit, onShowLine }: { fit: CandidateFit; onShowLine?: (line: number) => void }) {
  return (
    <div className="rl-parts" role="table" aria-label={`Fit of ${fit.name ?? 'candidate'}`}>
      {fit.parts.map((part) => (
        <div key={part.label} role="row" style={{ display: 'contents' }}>
          <span role="cell">{part.label}</span>
          <span role="cell" className={`rl-part-points${part.points < 0 || (part.max > 0 && part.points === 0) ? ' rl-part-bad' : ''}`}>
            {part.kind === 'padding' ? points(part.points) : `${points(part.points)}/${points(part.max)}`}
          </span>
          <span role="cell">{part.verdict}</span>
          {part.lines.map((line) => (
            <span key={line.line} className="rl-part-lines">
              {onShowLine ? (
                <button type="button" className="link-button" onClick={() => onShowLine(line.line)}>
                  line {line.line}: {line.excerpt}
                </button>
              ) : (
                <>
                  line {line.line}: {line.excerpt}
                </>
              )}
            </span>
          ))}
        </div>
      ))}
    </div>
  );
}
