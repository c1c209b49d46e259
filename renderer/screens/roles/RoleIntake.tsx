import { useEffect, useState } from 'react';
import type { ApiResult } from '../../../contract/api.ts';
import type { AlertInput, HiringSubRole, ReadinessVerdict, SubRoleSuggestion } from '../../../contract/intake.ts';
import { hiringSubRoles } from '../../../contract/intake.ts';
import type { Band, Engagement, PremiumFactor, RoleLevel } from '../../../contract/market.ts';
import { engagementNames, engagements, premiumFactorNames, premiumFactors, roleLevels } from '../../../contract/market.ts';
import type { Role, RoleFields } from '../../../contract/roles.ts';
import { roleStatuses } from '../../../contract/roles.ts';
import { call, errorMessage } from '../../api.ts';
import { ErrorBanner, Loading } from '../../components/Feedback.tsx';
import { subRoleLabels } from '../../format.ts';
import { BandView } from './BandView.tsx';
import './roles.css';

type IntakeInfo = ApiResult<'intake.get'>;

const emptyRole: RoleFields = {
  title: '',
  subRole: 'applied-mlops',
  level: 'senior',
  city: 'remote',
  engagement: 'direct',
  mustHave: [],
  niceToHave: [],
  factors: [],
  notes: '',
  status: 'open',
  intake: { alerts: [], readiness: {} },
};

const levelNames: Record<RoleLevel, string> = { junior: 'Junior', mid: 'Mid-level', senior: 'Senior', staff: 'Staff' };
const statusNames = { open: 'Open', 'on-hold': 'On hold', filled: 'Filled', closed: 'Closed' } as const;

function toFields(role: Role): RoleFields {
  const { id: _id, shortlistCount: _count, createdAt: _created, updatedAt: _updated, ...fields } = role;
  return fields;
}

/** The guided form that creates or edits a role: which job, is it time, which engagement, then the details. */
export function RoleIntake({ roleId, onSaved, onCancel }: { roleId: number | null; onSaved: (role: Role) => void; onCancel: () => void }) {
  const [info, setInfo] = useState<IntakeInfo | null>(null);
  const [draft, setDraft] = useState<RoleFields>(emptyRole);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [typedAlert, setTypedAlert] = useState('');
  const [suggestion, setSuggestion] = useState<SubRoleSuggestion | null>(null);
  const [readiness, setReadiness] = useState<ReadinessVerdict | null>(null);
  const [band, setBand] = useState<Band | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);

  useEffect(() => {
    Promise.all([call('intake.get', {}), roleId === null ? Promise.resolve(null) : call('roles.get', { id: roleId })]).then(
      ([intake, detail]) => {
        setInfo(intake);
        if (detail) setDraft(toFields(detail.role));
      },
      (failure: unknown) => setLoadError(errorMessage(failure)),
    );
  }, [roleId]);

  useEffect(() => {
    if (!info) return;
    call('market.band', { level: draft.level, city: draft.city, engagement: draft.engagement, factors: draft.factors }).then(setBand, () => setBand(null));
  }, [info, draft.level, draft.city, draft.engagement, draft.factors]);

  useEffect(() => {
    if (!info) return;
    call('intake.readiness', { answers: draft.intake.readiness }).then(setReadiness, () => setReadiness(null));
  }, [info, draft.intake.readiness]);

  if (loadError) return <ErrorBanner message={loadError} />;
  if (!info) return <Loading label="Opening the intake…" />;

  const update = (patch: Partial<RoleFields>) => setDraft((current) => ({ ...current, ...patch }));
  const alerts = draft.intake.alerts;
  const setAlerts = (next: AlertInput[]) => {
    update({ intake: { ...draft.intake, alerts: next } });
    setSuggestion(null);
  };
  const isAlertOn = (id: string) => alerts.some((alert) => alert.id === id);
  const toggleAlert = (id: string) => setAlerts(isAlertOn(id) ? alerts.filter((alert) => alert.id !== id) : [...alerts, { id, text: '' }]);
  const toolName = (id: string) => info.tools.find((tool) => tool.id === id)?.name ?? id;

  const suggest = async () => {
    setError(null);
    try {
      setSuggestion(await call('intake.suggest', { alerts }));
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };

  const save = async () => {
    setError(null);
    setIsSaving(true);
    try {
      const saved = roleId === null ? await call('roles.create', { role: draft }) : await call('roles.update', { id: roleId, role: draft });
      onSaved(saved);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setIsSaving(false);
    }
  };

  const addTool = (list: 'mustHave' | 'niceToHave', id: string) => {
    if (id === '' || draft.mustHave.includes(id) || draft.niceToHave.includes(id)) return;
    update({ [list]: [...draft[list], id] });
  };
  const toolPicker = (list: 'mustHave' | 'niceToHave', label: string) => (
    <div>
      <label className="field-label" htmlFor={`tool-${list}`}>{label}</label>
      <select id={`tool-${list}`} className="select" value="" onChange={(event) => addTool(list, event.target.value)}>
        <option value="">Add a tool…</option>
        {info.tools
          .filter((tool) => !draft.mustHave.includes(tool.id) && !draft.niceToHave.includes(tool.id))
          .map((tool) => (
            <option key={tool.id} value={tool.id}>
              {tool.name}
            </option>
          ))}
      </select>
      <div className="rl-chips" aria-label={`${label} chosen`}>
        {draft[list].map((id) => (
          <span className="rl-chip" key={id}>
            {toolName(id)}
            <button type="button" aria-label={`Remove ${toolName(id)}`} onClick={() => update({ [list]: draft[list].filter((entry) => entry !== id) })}>
              ×
            </button>
          </span>
        ))}
      </div>
    </div>
  );

  return (
    <div className="rl-grid">
      <div className="rl-stack">
        {error && <ErrorBanner message={error} onDismiss={() => setError(null)} />}
        <section className="panel" aria-labelledby="intake-job">
          <h2 className="rl-section-title" id="intake-job">1. Which job is it?</h2>
          <p className="rl-help">Tick the alerts the new hire will own in their first months, or type your own. The alerts point to a row of the role table.</p>
          <div className="rl-checks">
            {info.intake.alerts.map((alert) => (
              <label className="rl-check" key={alert.id}>
                <input type="checkbox" checked={isAlertOn(alert.id)} onChange={() => toggleAlert(alert.id)} />
                <span>{alert.text}</span>
              </label>
            ))}
          </div>
          <div className="rl-row" style={{ marginTop: 8 }}>
            <input
              className="input"
              style={{ flex: 1 }}
              placeholder="Another alert, in your words"
              aria-label="Another alert"
              value={typedAlert}
              onChange={(event) => setTypedAlert(event.target.value)}
            />
            <button
              type="button"
              className="button"
              disabled={typedAlert.trim() === ''}
              onClick={() => {
                setAlerts([...alerts, { id: null, text: typedAlert.trim() }]);
                setTypedAlert('');
              }}
            >
              Add alert
            </button>
            <button type="button" className="button button-primary" disabled={alerts.length === 0} onClick={() => void suggest()}>
              Suggest the sub-role
            </button>
          </div>
          {alerts.some((alert) => alert.id === null) && (
            <div className="rl-chips">
              {alerts
                .filter((alert) => alert.id === null)
                .map((alert) => (
                  <span className="rl-chip" key={alert.text}>
                    {alert.text}
                    <button type="button" aria-label={`Remove ${alert.text}`} onClick={() => setAlerts(alerts.filter((entry) => entry !== alert))}>
                      ×
                    </button>
                  </span>
                ))}
            </div>
          )}
          {suggestion && (
            <div className="rl-suggestion" aria-label="Suggestion">
              {suggestion.subRole === null ? (
                <strong>None of these alerts points to a row; pick the sub-role yourself.</strong>
              ) : (
                <>
                  <strong>
                    Suggested: {subRoleLabels[suggestion.subRole]}
                    {suggestion.isClear ? '' : ' (a close call)'}
                  </strong>{' '}
                  <button type="button" className="button button-small" onClick={() => update({ subRole: suggestion.subRole! })}>
                    Use {subRoleLabels[suggestion.subRole]}
                  </button>
                  <div className="subtle small">{suggestion.tally.map((entry) => `${subRoleLabels[entry.subRole]}: ${entry.count}`).join(' · ')}</div>
                </>
              )}
              <ul>
                {suggestion.reasons.map((reason, index) => (
                  <li key={index}>
                    “{reason.alert}” → {subRoleLabels[reason.subRole]}: {reason.why}
                  </li>
                ))}
                {suggestion.unmatched.map((text) => (
                  <li key={text}>“{text}”: no known word; it was not counted.</li>
                ))}
              </ul>
            </div>
          )}
        </section>

        <section className="panel" aria-labelledby="intake-time">
          <h2 className="rl-section-title" id="intake-time">2. Is it time to hire?</h2>
          {info.intake.readiness.map((question) => (
            <div className="rl-question" key={question.id} role="radiogroup" aria-label={question.question}>
              <div className="rl-question-text">{question.question}</div>
              <div className="rl-options">
                {question.options.map((option) => {
                  const isOn = draft.intake.readiness[question.id] === option.id;
                  return (
                    <button
                      type="button"
                      role="radio"
                      aria-checked={isOn}
                      key={option.id}
                      className={`rl-option${isOn ? ' is-on' : ''}`}
                      onClick={() => update({ intake: { ...draft.intake, readiness: { ...draft.intake.readiness, [question.id]: option.id } } })}
                    >
                      {option.text}
                    </button>
                  );
                })}
              </div>
            </div>
          ))}
          {readiness && readiness.verdict !== 'unanswered' && (
            <div className={`rl-verdict rl-verdict-${readiness.verdict}`} aria-label="Readiness">
              <strong>{readiness.message}</strong>
              {readiness.alternatives.length > 0 && (
                <ul className="rl-list">
                  {readiness.alternatives.map((alternative) => (
                    <li key={alternative}>{alternative}</li>
                  ))}
                </ul>
              )}
            </div>
          )}
        </section>

        <section className="panel" aria-labelledby="intake-role">
          <h2 className="rl-section-title" id="intake-role">3. The role</h2>
          <div className="rl-fields">
            <div style={{ gridColumn: '1 / -1' }}>
              <label className="field-label" htmlFor="role-title">Title</label>
              <input id="role-title" className="input" value={draft.title} onChange={(event) => update({ title: event.target.value })} placeholder="Senior applied MLOps engineer" />
            </div>
            <div>
              <label className="field-label" htmlFor="role-subrole">Sub-role</label>
              <select id="role-subrole" className="select" value={draft.subRole} onChange={(event) => update({ subRole: event.target.value as HiringSubRole })}>
                {hiringSubRoles.map((subRole) => (
                  <option key={subRole} value={subRole}>
                    {subRoleLabels[subRole]}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label className="field-label" htmlFor="role-level">Level</label>
              <select id="role-level" className="select" value={draft.level} onChange={(event) => update({ level: event.target.value as RoleLevel })}>
                {roleLevels.map((level) => (
                  <option key={level} value={level}>
                    {levelNames[level]}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label className="field-label" htmlFor="role-city">Location</label>
              <select id="role-city" className="select" value={draft.city} onChange={(event) => update({ city: event.target.value })}>
                {info.cities.map((city) => (
                  <option key={city.id} value={city.id}>
                    {city.name}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label className="field-label" htmlFor="role-status">Status</label>
              <select id="role-status" className="select" value={draft.status} onChange={(event) => update({ status: event.target.value as RoleFields['status'] })}>
                {roleStatuses.map((status) => (
                  <option key={status} value={status}>
                    {statusNames[status]}
                  </option>
                ))}
              </select>
            </div>
            <div style={{ gridColumn: '1 / -1' }}>
              <label className="field-label" htmlFor="role-engagement">Engagement</label>
              <select id="role-engagement" className="select" style={{ maxWidth: 260 }} value={draft.engagement} onChange={(event) => update({ engagement: event.target.value as Engagement })}>
                {engagements.map((engagement) => (
                  <option key={engagement} value={engagement}>
                    {engagementNames[engagement]}
                  </option>
                ))}
              </select>
              <ul className="rl-guidance" aria-label="Engagement guidance">
                {(info.guidance.find((entry) => entry.engagement === draft.engagement)?.points ?? []).map((point) => (
                  <li key={point}>{point}</li>
                ))}
              </ul>
            </div>
            {toolPicker('mustHave', 'Must-have tools')}
            {toolPicker('niceToHave', 'Nice-to-have tools')}
            <div style={{ gridColumn: '1 / -1' }}>
              <span className="field-label">Premium factors</span>
              <div className="rl-row">
                {premiumFactors.map((factor: PremiumFactor) => (
                  <label className="rl-check" key={factor}>
                    <input
                      type="checkbox"
                      checked={draft.factors.includes(factor)}
                      onChange={() => update({ factors: draft.factors.includes(factor) ? draft.factors.filter((entry) => entry !== factor) : [...draft.factors, factor] })}
                    />
                    {premiumFactorNames[factor]}
                  </label>
                ))}
              </div>
            </div>
            <div style={{ gridColumn: '1 / -1' }}>
              <label className="field-label" htmlFor="role-notes">Notes</label>
              <textarea id="role-notes" className="textarea" rows={2} value={draft.notes} onChange={(event) => update({ notes: event.target.value })} />
            </div>
          </div>
          <div className="rl-row" style={{ marginTop: 10, justifyContent: 'flex-end' }}>
            <button type="button" className="button button-ghost" onClick={onCancel}>
              Cancel
            </button>
            <button type="button" className="button button-primary" disabled={isSaving || draft.title.trim().length < 2} onClick={() => void save()}>
              {roleId === null ? 'Create role' : 'Save role'}
            </button>
          </div>
        </section>
      </div>
      <section className="panel rl-sticky" aria-labelledby="intake-band">
        <h2 className="rl-section-title" id="intake-band">Pay band</h2>
        {band ? <BandView band={band} isCompact /> : <Loading label="Working out the band…" />}
      </section>
    </div>
  );
}
