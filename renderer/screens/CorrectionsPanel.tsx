// The recruiter's corrections of the engine's verdict on the resume shown: the form that makes one,
// the corrections in force (each can be taken back), and, as hints, corrections made on an earlier
// version of the resume. What a correction changes is decided in contract/corrections.ts.
import { useId, useState } from 'react';
import { evidenceLevels, subRoleIds, type EvidenceLevel, type ResumeAnalysis, type SubRoleId } from '../../contract/analysis.ts';
import { correctionFieldLabels, describeCorrection, maxCorrectionNote, type Correction, type CorrectionField, type CorrectionKey, type CorrectionTarget } from '../../contract/corrections.ts';
import type { CandidateDetail } from '../../contract/types.ts';
import { call, errorMessage } from '../api.ts';
import { evidenceLabels, formatDateTime, subRoleLabels } from '../format.ts';

interface Props {
  id: number;
  analysis: ResumeAnalysis;
  corrections: CandidateDetail['corrections'];
  onCorrected: (detail: CandidateDetail) => void;
}

const keyOf = (correction: Correction): CorrectionKey =>
  correction.field === 'tool' ? { field: 'tool', toolId: correction.toolId } : { field: correction.field };

/** The correction as the form would make it again. */
const targetOf = (correction: Correction): CorrectionTarget =>
  correction.field === 'tool' ? { field: 'tool', toolId: correction.toolId, value: correction.value } : ({ field: correction.field, value: correction.value } as CorrectionTarget);

export function CorrectionsPanel({ id, analysis, corrections, onCorrected }: Props) {
  const [field, setField] = useState<CorrectionField>('subRole');
  const [toolId, setToolId] = useState(analysis.tools[0]?.id ?? '');
  const [value, setValue] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const formId = useId();

  const toolName = (idOfTool: string) => analysis.tools.find((tool) => tool.id === idOfTool)?.name ?? idOfTool;
  const describe = (correction: Correction) => {
    const sentence = describeCorrection(correction, subRoleLabels);
    return correction.field === 'tool' ? sentence.replace(`${correction.toolId}: `, `${toolName(correction.toolId)}: `) : sentence;
  };

  // The choices other than what the engine already says (agreeing with it is no correction; Undo
  // takes a correction back) and other than the correction already in force.
  const tool = analysis.tools.find((found) => found.id === toolId);
  const inForce = corrections.current.find((correction) => correction.field === field && (field !== 'tool' || correction.toolId === toolId));
  const isInForce = (option: string) => inForce !== undefined && String(inForce.value === true ? 'yes' : inForce.value === false ? 'no' : inForce.value) === option;
  const options: Array<{ value: string; label: string }> = ({
    subRole: subRoleIds.filter((option) => option !== analysis.subRole.id).map((option) => ({ value: option, label: subRoleLabels[option] })),
    evidence: evidenceLevels.filter((option) => option !== analysis.evidence.level).map((option) => ({ value: option, label: evidenceLabels[option] })),
    padding: [analysis.padding.detected ? { value: 'no', label: 'Not padded' } : { value: 'yes', label: 'Padded' }],
    tool: tool ? [tool.status === 'evidence' ? { value: 'listed', label: 'Only listed' } : { value: 'evidence', label: 'Shipped with' }] : [],
  } satisfies Record<CorrectionField, Array<{ value: string; label: string }>>)[field].filter((option) => !isInForce(option.value));
  const chosen = options.some((option) => option.value === value) ? value : (options[0]?.value ?? '');

  const run = async (request: () => Promise<CandidateDetail>) => {
    setIsBusy(true);
    setError(null);
    try {
      onCorrected(await request());
      setNote('');
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setIsBusy(false);
    }
  };

  const targetFromForm = (): CorrectionTarget => {
    switch (field) {
      case 'subRole':
        return { field, value: chosen as SubRoleId };
      case 'evidence':
        return { field, value: chosen as EvidenceLevel };
      case 'padding':
        return { field, value: chosen === 'yes' };
      case 'tool':
        return { field, toolId, value: chosen as 'evidence' | 'listed' };
    }
  };

  /** What the engine says now on the resume shown; undefined for a tool it no longer finds. */
  const engineNow = (correction: Correction): string | boolean | undefined =>
    correction.field === 'tool'
      ? analysis.tools.find((found) => found.id === correction.toolId)?.status
      : { subRole: analysis.subRole.id, evidence: analysis.evidence.level, padding: analysis.padding.detected }[correction.field];

  return (
    <section className="panel corrections-panel" aria-labelledby="corrections-title">
      <h2 className="panel-title" id="corrections-title">
        Your corrections <span className="count">{corrections.current.length}</span>
      </h2>
      {corrections.current.length === 0 ? (
        <p className="subtle">The engine&rsquo;s verdict stands. Correct it where you know better: the list, its filters and the briefs use your value from then on.</p>
      ) : (
        <ul className="correction-list" aria-label="Corrections in force">
          {corrections.current.map((correction) => (
            <li key={`${correction.field}-${correction.toolId ?? ''}`} className="correction-item">
              <div>
                <strong>{describe(correction)}</strong>
                {correction.note && <p className="correction-note">{correction.note}</p>}
                <p className="subtle small">
                  {formatDateTime(correction.correctedAt)} · engine {correction.engineVersion}
                </p>
              </div>
              <button type="button" className="button button-small" disabled={isBusy} onClick={() => void run(() => call('candidates.clearCorrection', { id, correction: keyOf(correction) }))}>
                Undo
              </button>
            </li>
          ))}
        </ul>
      )}
      {corrections.earlier.length > 0 && (
        <div className="correction-hints" aria-label="Corrections on an earlier version">
          <h3 className="card-label">On an earlier version of this resume</h3>
          <ul className="correction-list">
            {corrections.earlier.map((correction) => (
              <li key={`${correction.field}-${correction.toolId ?? ''}`} className="correction-item is-hint">
                <div>
                  <span>{describe(correction)}</span>
                  {correction.note && <p className="correction-note">{correction.note}</p>}
                  <p className="subtle small">{formatDateTime(correction.correctedAt)}</p>
                </div>
                {engineNow(correction) !== undefined && engineNow(correction) !== correction.value && (
                  <button type="button" className="button button-small" disabled={isBusy} onClick={() => void run(() => call('candidates.correct', { id, correction: targetOf(correction), note: correction.note }))}>
                    Apply again
                  </button>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      <form
        className="correction-form"
        onSubmit={(event) => {
          event.preventDefault();
          void run(() => call('candidates.correct', { id, correction: targetFromForm(), note }));
        }}
      >
        <div>
          <label className="field-label" htmlFor={`${formId}-field`}>
            Correct
          </label>
          <select id={`${formId}-field`} className="select" value={field} onChange={(event) => setField(event.target.value as CorrectionField)}>
            {(Object.keys(correctionFieldLabels) as CorrectionField[])
              .filter((option) => option !== 'tool' || analysis.tools.length > 0)
              .map((option) => (
                <option key={option} value={option}>
                  {correctionFieldLabels[option]}
                </option>
              ))}
          </select>
        </div>
        {field === 'tool' && (
          <div>
            <label className="field-label" htmlFor={`${formId}-tool`}>
              Tool
            </label>
            <select id={`${formId}-tool`} className="select" value={toolId} onChange={(event) => setToolId(event.target.value)}>
              {analysis.tools.map((found) => (
                <option key={found.id} value={found.id}>
                  {found.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div>
          <label className="field-label" htmlFor={`${formId}-value`}>
            To
          </label>
          <select id={`${formId}-value`} className="select" value={chosen} onChange={(event) => setValue(event.target.value)}>
            {options.length === 0 && <option value="">Already corrected</option>}
            {options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        <label className="correction-note-field">
          <span className="field-label">Note (optional)</span>
          <input className="input input-small" value={note} maxLength={maxCorrectionNote} placeholder="Why, for whoever reads the brief" onChange={(event) => setNote(event.target.value)} />
        </label>
        <button type="submit" className="button button-small button-primary" disabled={isBusy || chosen === ''}>
          Save correction
        </button>
      </form>
      {error && <p className="error-text">{error}</p>}
    </section>
  );
}
