import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { CandidateDetail, CandidateListItem, CandidateStatus, ResumeReading } from '../../contract/types.ts';
import { describeReading, needsReview, uncertainWordsIn } from '../../contract/reading.ts';
import { candidateStatuses } from '../../contract/types.ts';
import { readSignals, type Flag, type FlagKind, type ResumeAnalysis, type ToolFinding } from '../../contract/analysis.ts';
import { call, errorMessage } from '../api.ts';
import { useAutosave } from '../use-autosave.ts';
import { evidenceLabels, flagKindLabels, formatDate, formatDateTime, formatMonth, formatYears, plural, seniorityLabels, statusLabels, subRoleLabels } from '../format.ts';
import { EvidenceMeter, RecruiterMark, SubRoleBadge } from '../components/Badges.tsx';
import { ErrorBanner, Loading, Notice } from '../components/Feedback.tsx';
import { ConfirmDialog, PromptDialog } from '../components/Dialog.tsx';
import { RoleFitPanel } from './roles/RoleFitPanel.tsx';
import { CorrectionsPanel } from './CorrectionsPanel.tsx';
import type { CorrectionField } from '../../contract/corrections.ts';

interface Props {
  id: number;
  onBack: () => void;
  onDeleted: (id: number) => void;
  onChanged: (item: CandidateListItem) => void;
  onOpenScreening: (screeningId: number) => void;
  onShowHistory: () => void;
}

type Load = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; detail: CandidateDetail };

export function CandidateScreen({ id, onBack, onDeleted, onChanged, onOpenScreening, onShowHistory }: Props) {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [activeLine, setActiveLine] = useState<number | null>(null);
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const [dialog, setDialog] = useState<'delete' | 'start-screening' | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const [isSuppressing, setIsSuppressing] = useState(false);

  const reload = useCallback(() => {
    setLoad({ state: 'loading' });
    call('candidates.get', { id }).then(
      (detail) => setLoad({ state: 'ready', detail }),
      (error: unknown) => setLoad({ state: 'error', message: errorMessage(error) }),
    );
  }, [id]);
  useEffect(reload, [reload]);

  if (load.state === 'loading') return <div className="screen"><Loading label="Opening candidate…" /></div>;
  if (load.state === 'error')
    return (
      <div className="screen">
        <BackLink onBack={onBack} />
        <ErrorBanner message={load.message} onRetry={reload} />
      </div>
    );

  const { detail } = load;
  const { candidate, analysis } = detail;
  const displayName = candidate.name ?? 'Unnamed candidate';

  const setStatus = async (status: CandidateStatus) => {
    setMessage(null);
    try {
      const updated = await call('candidates.setStatus', { id, status });
      setLoad({ state: 'ready', detail: { ...detail, candidate: { ...detail.candidate, ...updated } } });
      onChanged(updated);
    } catch (error) {
      setMessage({ tone: 'error', text: errorMessage(error) });
    }
  };

  const exportBrief = async () => {
    setMessage(null);
    try {
      const path = await call('dialog.chooseSavePath', { defaultName: `${displayName.replace(/[\\/:*?"<>|]+/g, ' ').trim() || 'Candidate'} - brief.pdf`, kind: 'pdf-file' });
      if (!path) return;
      setIsBusy(true);
      const result = await call('briefs.export', { candidateIds: [id], target: { kind: 'file', path } });
      setMessage({ tone: 'success', text: `Brief saved to ${result.files[0] ?? path}` });
    } catch (error) {
      setMessage({ tone: 'error', text: `The brief could not be exported: ${errorMessage(error)}` });
    } finally {
      setIsBusy(false);
    }
  };

  const deleteCandidate = async () => {
    setIsBusy(true);
    try {
      await call('candidates.delete', { id, isSuppressing });
      setDialog(null);
      onDeleted(id);
    } catch (error) {
      setDialog(null);
      setMessage({ tone: 'error', text: errorMessage(error) });
    } finally {
      setIsBusy(false);
    }
  };

  const startScreening = async (label: string) => {
    setIsBusy(true);
    try {
      const started = await call('screening.start', { candidateId: id, label });
      setDialog(null);
      onOpenScreening(started.screening.id);
    } catch (error) {
      setDialog(null);
      setMessage({ tone: 'error', text: `The screening could not be started: ${errorMessage(error)}` });
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <div className="screen screen-candidate">
      <header className="candidate-header">
        <BackLink onBack={onBack} />
        <div className="candidate-title-row">
          <div className="candidate-title">
            <h1>{displayName}</h1>
            <p className="subtle">
              {candidate.currentTitle ?? 'No title found'}
              {analysis && ` · ${seniorityLabels[analysis.seniority]} · ${formatYears(analysis.yearsExperience)} experience`}
            </p>
          </div>
          <div className="candidate-actions">
            <label className="inline-field">
              <span className="filter-label">Status</span>
              <select className={`select status-select status-${candidate.status}`} value={candidate.status} onChange={(event) => void setStatus(event.target.value as CandidateStatus)}>
                {candidateStatuses.map((status) => (
                  <option key={status} value={status}>
                    {statusLabels[status]}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" className="button" onClick={() => void exportBrief()} disabled={isBusy}>
              Export brief…
            </button>
            <button type="button" className="button button-ghost" onClick={onShowHistory}>
              History
            </button>
            <button type="button" className="button button-danger-ghost" onClick={() => setDialog('delete')}>
              Delete
            </button>
          </div>
        </div>
        <ContactLine detail={detail} />
        <ReadingLine reading={detail.resumeReading} />
        {message && (message.tone === 'error' ? <ErrorBanner message={message.text} onDismiss={() => setMessage(null)} /> : <Notice tone="success">{message.text}</Notice>)}
      </header>

      <div className="candidate-body">
        <div className="candidate-analysis">
          {analysis ? (
            <AnalysisPanels analysis={analysis} verdict={candidate} reading={detail.resumeReading} activeLine={activeLine} onShowLine={setActiveLine}>
              <CorrectionsPanel
                id={id}
                analysis={analysis}
                corrections={detail.corrections}
                onCorrected={(corrected) => {
                  setLoad({ state: 'ready', detail: corrected });
                  onChanged(corrected.candidate);
                }}
              />
            </AnalysisPanels>
          ) : (
            <section className="panel">
              <h2 className="panel-title">Analysis</h2>
              <p className="subtle">This resume has not been analysed (no text could be read from it).</p>
            </section>
          )}
          {analysis && <RoleFitPanel candidateId={id} onShowLine={setActiveLine} />}
          <ScreeningsPanel detail={detail} onStart={() => setDialog('start-screening')} onOpen={onOpenScreening} />
          <NotesPanel key={id} id={id} initialNotes={candidate.notes} />
          <FilesPanel detail={detail} />
        </div>
        <ResumeText text={detail.resumeText} flags={analysis?.flags ?? []} activeLine={activeLine} />
      </div>

      {dialog === 'delete' && (
        <ConfirmDialog
          title={`Delete ${displayName}?`}
          confirmLabel="Delete candidate"
          isDestructive
          isBusy={isBusy}
          onConfirm={() => void deleteCandidate()}
          onCancel={() => {
            setIsSuppressing(false);
            setDialog(null);
          }}
        >
          <p>
            This erases the candidate and every trace of them from Shipped: resume text, analysis, notes and {detail.screenings.length > 0 ? `${detail.screenings.length} screening(s)` : 'screenings'}, along
            with records of their files that failed to import. The space they took is overwritten. The original files on disk are not touched.
          </p>
          <label className="check-field">
            <input type="checkbox" checked={isSuppressing} onChange={(event) => setIsSuppressing(event.target.checked)} />
            <span>
              Don&rsquo;t import this person again
              <span className="subtle small check-hint">
                Shipped keeps only one-way fingerprints of their files and email address, and later imports skip them.
              </span>
            </span>
          </label>
          <p className="subtle">
            This cannot be undone. Backups made before now still hold them until they are replaced: the daily ones within a week, the others when you delete them from the
            backups folder.
          </p>
        </ConfirmDialog>
      )}
      {dialog === 'start-screening' && (
        <PromptDialog
          title="Start a screening"
          label="Label"
          initialValue="Recruiter screen"
          confirmLabel="Start screening"
          maxLength={80}
          isBusy={isBusy}
          onConfirm={(label) => void startScreening(label)}
          onCancel={() => setDialog(null)}
        />
      )}
    </div>
  );
}

function BackLink({ onBack }: { onBack: () => void }) {
  return (
    <button type="button" className="link-button back-link" onClick={onBack}>
      ← Candidates
    </button>
  );
}

function ContactLine({ detail }: { detail: CandidateDetail }) {
  const { candidate, analysis } = detail;
  const links = analysis?.contact.links ?? [];
  const parts: Array<{ label: string; value: string }> = [];
  if (candidate.email) parts.push({ label: 'Email', value: candidate.email });
  if (candidate.phone) parts.push({ label: 'Phone', value: candidate.phone });
  if (candidate.location) parts.push({ label: 'Location', value: candidate.location });
  return (
    <dl className="contact-line" aria-label="Contact">
      {parts.map((part) => (
        <div key={part.label} className="contact-item">
          <dt>{part.label}</dt>
          <dd className="selectable">{part.value}</dd>
        </div>
      ))}
      {links.length > 0 && (
        <div className="contact-item">
          <dt>Links</dt>
          <dd className="selectable links" title="Shown as text: Shipped opens nothing outside the app">
            {links.join('  ·  ')}
          </dd>
        </div>
      )}
      {parts.length === 0 && links.length === 0 && <span className="subtle">No contact details found in the resume.</span>}
    </dl>
  );
}

/** How the resume was read, for every resume not read from real text only; a warning when OCR was unsure. */
function ReadingLine({ reading }: { reading: ResumeReading | null }) {
  if (!reading || (reading.ocrConfidence === null && reading.note === null)) return null;
  const isUnsure = needsReview(reading);
  return (
    <p className={`reading-line${isUnsure ? ' is-unsure' : ''}`} data-testid="reading-line">
      <span>Resume {describeReading(reading)}.</span>
      {isUnsure && <span> OCR was unsure of parts of it: check the contact details against the page (Review list).</span>}
      {reading.note && <span className="subtle"> Note: {reading.note}.</span>}
    </p>
  );
}

/** The engine's analysis, shown with the effective verdict (`verdict`: the list item, corrections applied). */
function AnalysisPanels({
  analysis,
  verdict,
  reading,
  activeLine,
  onShowLine,
  children,
}: {
  analysis: ResumeAnalysis;
  verdict: CandidateListItem;
  reading: ResumeReading | null;
  activeLine: number | null;
  onShowLine: (line: number) => void;
  children: ReactNode;
}) {
  const isCorrected = (field: CorrectionField) => verdict.correctedFields.includes(field);
  const shipped = analysis.tools.filter((tool) => verdict.toolsShipped.includes(tool.id));
  const listed = analysis.tools.filter((tool) => verdict.toolsListed.includes(tool.id));
  const subRole = verdict.subRole ?? analysis.subRole.id;
  const evidenceLevel = verdict.evidenceLevel ?? analysis.evidence.level;
  const isPadded = verdict.isPadded ?? analysis.padding.detected;
  const engineSaid = (text: string) => <span className="subtle small">engine said {text}</span>;
  const flagOrder: FlagKind[] = ['risk', 'padding', 'evidence'];
  const flags = [...analysis.flags].sort((a, b) => flagOrder.indexOf(a.kind) - flagOrder.indexOf(b.kind) || a.line - b.line);
  const signals = analysis.signals;
  return (
    <>
      <section className="panel summary-panel" aria-label="Summary">
        <div className="summary-tiles">
          <div className="summary-card">
            <h2 className="card-label">Sub-role</h2>
            <div className="summary-main">
              <SubRoleBadge subRole={subRole} />
              {isCorrected('subRole') ? <RecruiterBadge /> : <span className="subtle small">{Math.round(analysis.subRole.confidence * 100)}% confidence</span>}
            </div>
            {isCorrected('subRole') && engineSaid(subRoleLabels[analysis.subRole.id])}
          </div>
          <div className="summary-card">
            <h2 className="card-label">Production evidence</h2>
            <div className="summary-main">
              <EvidenceMeter level={evidenceLevel} score={verdict.evidenceScore ?? analysis.evidence.score} />
              {isCorrected('evidence') && <RecruiterBadge />}
            </div>
            {isCorrected('evidence') && engineSaid(`${evidenceLabels[analysis.evidence.level].toLowerCase()} (${Math.round(analysis.evidence.score)}/100)`)}
          </div>
          <div className="summary-card">
            <h2 className="card-label">Keyword padding</h2>
            <div className="summary-main">
              {isPadded ? <span className="badge badge-padding">Padded</span> : <span className="badge badge-clean">Not padded</span>}
              {isCorrected('padding') ? <RecruiterBadge /> : <span className="subtle small">score {Math.round(analysis.padding.score)}/100</span>}
            </div>
            {isCorrected('padding') && engineSaid(`${analysis.padding.detected ? 'padded' : 'not padded'} (${Math.round(analysis.padding.score)}/100)`)}
          </div>
        </div>
        <dl className="reason-rows">
          <div className="reason-row">
            <dt>{isCorrected('subRole') ? `Why the engine said ${subRoleLabels[analysis.subRole.id]}` : `Why ${subRoleLabels[analysis.subRole.id]}`}</dt>
            <dd>
              <ul className="reasons">
                {analysis.subRole.reasons.length === 0 ? <li>No specific reasons recorded.</li> : analysis.subRole.reasons.map((reason) => <li key={reason}>{reason}</li>)}
              </ul>
            </dd>
          </div>
          <div className="reason-row">
            <dt>{isCorrected('evidence') ? 'The engine on evidence' : 'Evidence'}</dt>
            <dd>
              <ul className="reasons">
                <li>
                  {evidenceLabels[analysis.evidence.level]} ({Math.round(analysis.evidence.score)}/100) from {plural(analysis.flags.filter((flag) => flag.kind === 'evidence').length, 'line')} describing shipped work
                  {shipped.length > 0 ? ` and ${plural(shipped.length, 'tool')} used in that work` : ''}.
                </li>
              </ul>
            </dd>
          </div>
          <div className="reason-row">
            <dt>{isCorrected('padding') ? 'The engine on padding' : 'Padding'}</dt>
            <dd>
              <ul className="reasons">
                {analysis.padding.reasons.length === 0 ? <li>No padding patterns found.</li> : analysis.padding.reasons.map((reason) => <li key={reason}>{reason}</li>)}
              </ul>
            </dd>
          </div>
        </dl>
      </section>

      {children}

      <section className="panel" aria-labelledby="flags-title">
        <h2 className="panel-title" id="flags-title">
          Flags <span className="count">{flags.length}</span>
        </h2>
        {flags.length === 0 ? (
          <p className="subtle">No flags.</p>
        ) : (
          <ul className="flag-list">
            {flags.map((flag, index) => (
              <li key={`${flag.code}-${flag.line}-${index}`}>
                <FlagButton flag={flag} isActive={activeLine === flag.line} onClick={() => onShowLine(flag.line)} />
                <UncertainWords words={uncertainWordsIn(flag.excerpt, reading)} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="panel" aria-labelledby="probes-title">
        <h2 className="panel-title" id="probes-title">
          Questions to ask <span className="count">{analysis.probes.length}</span>
        </h2>
        {analysis.probes.length === 0 ? (
          <p className="subtle">No specific probes for this resume; use the standard script.</p>
        ) : (
          <ol className="probe-list">
            {analysis.probes.map((probe, index) => (
              <li key={index}>
                <p className="probe-text">{probe.text}</p>
                <p className="subtle small">Why: {probe.because.replace(/^because\s+/i, '')}</p>
              </li>
            ))}
          </ol>
        )}
      </section>

      <section className="panel" aria-labelledby="tools-title">
        <h2 className="panel-title" id="tools-title">Tools</h2>
        {analysis.tools.length === 0 ? (
          <p className="subtle">No tools from the taxonomy were found.</p>
        ) : (
          <div className="tool-matrix">
            <ToolColumn tone="shipped" title="Shipped with" explanation="Named in a sentence about building or running something." tools={shipped} isRecruiters={(tool) => tool.status !== 'evidence'} onShowLine={onShowLine} />
            <ToolColumn tone="listed" title="Only listed" explanation="Appears in a skills list with no work behind it." tools={listed} isRecruiters={(tool) => tool.status !== 'listed'} onShowLine={onShowLine} />
          </div>
        )}
      </section>

      <section className="panel" aria-labelledby="signals-title">
        <h2 className="panel-title" id="signals-title">Production signals</h2>
        <ul className="signals">
          {readSignals(signals).map((signal) => (
            <li key={signal.key} className={`signal${signal.isPositive ? ' is-on' : ''}`}>
              <span className="signal-dot" aria-hidden="true" />
              <span>{signal.shortLabel}</span>
              <span className="signal-value">{signal.value}</span>
            </li>
          ))}
        </ul>
      </section>

      <section className="panel" aria-labelledby="timeline-title">
        <h2 className="panel-title" id="timeline-title">
          Timeline <span className="count">{analysis.roles.length}</span>
        </h2>
        {analysis.roles.length === 0 ? (
          <p className="subtle">No roles with dates were found.</p>
        ) : (
          <ol className="timeline">
            {analysis.roles.map((role, index) => (
              <li key={index} className="timeline-item">
                <span className="timeline-dates">
                  {formatMonth(role.start)} – {role.isCurrent ? 'Present' : formatMonth(role.end)}
                </span>
                <button type="button" className="link-button timeline-role" onClick={() => onShowLine(role.line)}>
                  <strong>{role.title ?? 'Role'}</strong>
                  {role.employer && <span className="subtle"> · {role.employer}</span>}
                </button>
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}

function ToolColumn(props: {
  tone: 'shipped' | 'listed';
  title: string;
  explanation: string;
  tools: ToolFinding[];
  /** True for a tool the recruiter moved into this column. */
  isRecruiters: (tool: ToolFinding) => boolean;
  onShowLine: (line: number) => void;
}) {
  const { tone, tools, onShowLine, isRecruiters } = props;
  return (
    <div className="tool-column">
      <h3 className={`tool-heading tool-heading-${tone}`}>
        {props.title} ({tools.length})
      </h3>
      <p className="subtle small">{props.explanation}</p>
      <div className="chips">
        {tools.map((tool) => (
          <button key={tool.id} type="button" className={`chip chip-${tone}`} title={`${tool.category} · line ${tool.lines.join(', ')}`} onClick={() => tool.lines[0] && onShowLine(tool.lines[0])}>
            {tool.name}
            {isRecruiters(tool) && <RecruiterMark />}
          </button>
        ))}
        {tools.length === 0 && <span className="muted">None</span>}
      </div>
    </div>
  );
}

function RecruiterBadge() {
  return (
    <span className="badge badge-recruiter" title="Your correction: the list, filters and briefs use it">
      Recruiter
    </span>
  );
}

function UncertainWords({ words }: { words: string[] }) {
  if (words.length === 0) return null;
  return (
    <p className="flag-uncertain small">
      OCR was unsure of {words.map((word) => `“${word}”`).join(', ')}: this flag may rest on a misreading.
    </p>
  );
}

function FlagButton({ flag, isActive, onClick }: { flag: Flag; isActive: boolean; onClick: () => void }) {
  return (
    <button type="button" className={`flag flag-${flag.kind}${isActive ? ' is-active' : ''}`} onClick={onClick} aria-pressed={isActive} data-line={flag.line}>
      <span className={`flag-kind kind-${flag.kind}`}>{flagKindLabels[flag.kind]}</span>
      <span className="flag-message">{flag.message}</span>
      <span className="flag-line">line {flag.line}</span>
    </button>
  );
}

function ResumeText({ text, flags, activeLine }: { text: string | null; flags: Flag[]; activeLine: number | null }) {
  const lines = useMemo(() => (text ?? '').split(/\r?\n/), [text]);
  const kindByLine = useMemo(() => {
    const rank: Record<FlagKind, number> = { risk: 3, padding: 2, evidence: 1 };
    const map = new Map<number, FlagKind>();
    for (const flag of flags) {
      const current = map.get(flag.line);
      if (!current || rank[flag.kind] > rank[current]) map.set(flag.line, flag.kind);
    }
    return map;
  }, [flags]);
  const panelRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (activeLine === null) return;
    const element = panelRef.current?.querySelector<HTMLElement>(`[data-line="${activeLine}"]`);
    element?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [activeLine]);

  return (
    <section className="resume-panel" aria-labelledby="resume-title">
      <div className="resume-head">
        <h2 className="panel-title" id="resume-title">Resume text</h2>
        <span className="legend">
          <span className="legend-item kind-evidence">Evidence</span>
          <span className="legend-item kind-padding">Padding</span>
          <span className="legend-item kind-risk">Risk</span>
        </span>
      </div>
      {text === null ? (
        <p className="subtle resume-empty">No text was stored for this resume.</p>
      ) : (
        <div className="resume-text" ref={panelRef} data-testid="resume-text" tabIndex={0} aria-label="Resume text with line numbers">
          {lines.map((line, index) => {
            const number = index + 1;
            const kind = kindByLine.get(number);
            const isActive = number === activeLine;
            return (
              <div
                key={number}
                className={`resume-line${kind ? ` line-${kind}` : ''}${isActive ? ' is-active' : ''}`}
                data-line={number}
                aria-current={isActive ? 'true' : undefined}
              >
                <span className="line-number" aria-hidden="true">
                  {number}
                </span>
                <span className="line-text">{line === '' ? '\u00a0' : line}</span>
              </div>
            );
          })}
        </div>
      )}
    </section>
  );
}

function ScreeningsPanel({ detail, onStart, onOpen }: { detail: CandidateDetail; onStart: () => void; onOpen: (id: number) => void }) {
  return (
    <section className="panel" aria-labelledby="screenings-title">
      <div className="panel-title-row">
        <h2 className="panel-title" id="screenings-title">
          Screenings <span className="count">{detail.screenings.length}</span>
        </h2>
        <button type="button" className="button button-small button-primary" onClick={onStart}>
          Start screening
        </button>
      </div>
      {detail.screenings.length === 0 ? (
        <p className="subtle">No screening calls yet. Starting one opens the script with this candidate&rsquo;s probes.</p>
      ) : (
        <ul className="screening-list">
          {detail.screenings.map((screening) => (
            <li key={screening.id}>
              <button type="button" className="screening-item" onClick={() => onOpen(screening.id)}>
                <strong>{screening.label}</strong>
                <span className="subtle">{formatDateTime(screening.startedAt)}</span>
                <span className={`badge ${screening.status === 'finished' ? 'badge-clean' : 'badge-status status-screening'}`}>
                  {screening.status === 'finished' ? (screening.recommendation ? `Finished · ${screening.recommendation}` : 'Finished') : 'In progress'}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

const notesSaveDelayMs = 600;

function NotesPanel({ id, initialNotes }: { id: number; initialNotes: string }) {
  const [notes, setNotes] = useState(initialNotes);
  const [saveState, setSaveState] = useState<'saved' | 'pending' | 'saving' | 'error'>('saved');
  const [error, setError] = useState<string | null>(null);
  const autosave = useAutosave(async (value: string) => {
    setSaveState('saving');
    try {
      await call('candidates.setNotes', { id, notes: value });
      setSaveState(autosave.isPending() ? 'pending' : 'saved');
      setError(null);
    } catch (failure) {
      setSaveState('error');
      setError(errorMessage(failure));
    }
  }, notesSaveDelayMs);

  const onChange = (value: string) => {
    setNotes(value);
    setSaveState('pending');
    autosave.schedule(value);
  };

  const stateLabel = { saved: 'Saved', pending: 'Editing…', saving: 'Saving…', error: 'Not saved' }[saveState];
  return (
    <section className="panel" aria-labelledby="notes-title">
      <div className="panel-title-row">
        <h2 className="panel-title" id="notes-title">
          <label htmlFor="candidate-notes">Notes</label>
        </h2>
        <span className={`save-state save-${saveState}`} role="status" data-testid="notes-state">
          {stateLabel}
        </span>
      </div>
      <textarea id="candidate-notes" className="textarea" rows={5} maxLength={20_000} value={notes} placeholder="Your notes on this candidate. Saved automatically." onChange={(event) => onChange(event.target.value)} onBlur={autosave.flush} />
      {error && <p className="error-text">{error}</p>}
    </section>
  );
}

function FilesPanel({ detail }: { detail: CandidateDetail }) {
  if (detail.files.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="files-title">
      <h2 className="panel-title" id="files-title">
        Resume files <span className="count">{detail.files.length}</span>
      </h2>
      <ul className="file-list">
        {detail.files.map((file, index) => (
          <li key={file.id}>
            <span className="selectable" title={file.path}>
              {file.fileName}
            </span>
            <span className="subtle small">
              {file.detectedType.toUpperCase()} · {Math.max(1, Math.round(file.sizeBytes / 1024))} KB · imported {formatDate(file.importedAt)}
              {index === 0 ? ' · shown' : ''}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

