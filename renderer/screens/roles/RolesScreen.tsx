import { useCallback, useEffect, useState } from 'react';
import { engagementNames, premiumFactorNames, type MarketDataRef } from '../../../contract/market.ts';
import type { Role, RoleDetail, RoleRanking } from '../../../contract/roles.ts';
import { call, errorMessage } from '../../api.ts';
import { subRoleLabels } from '../../format.ts';
import { SubRoleBadge } from '../../components/Badges.tsx';
import { EmptyState, ErrorBanner, Loading, Notice } from '../../components/Feedback.tsx';
import { BandView } from './BandView.tsx';
import { FitParts, scoreClass } from './FitParts.tsx';
import { RoleIntake } from './RoleIntake.tsx';
import './roles.css';

const statusNames: Record<Role['status'], string> = { open: 'Open', 'on-hold': 'On hold', filled: 'Filled', closed: 'Closed' };

export function RolesListScreen({ onOpen, onNew }: { onOpen: (id: number) => void; onNew: () => void }) {
  const [roles, setRoles] = useState<Role[] | null>(null);
  const [market, setMarket] = useState<MarketDataRef | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    call('roles.list', {}).then(setRoles, (failure: unknown) => setError(errorMessage(failure)));
    call('market.get', {}).then(({ ref }) => setMarket(ref), () => setMarket(null));
  }, []);
  const resetMarket = async () => {
    try {
      setMarket(await call('market.resetToBundled', {}));
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };
  useEffect(load, [load]);

  return (
    <div className="screen">
      <header className="screen-header">
        <div>
          <h1>Roles</h1>
          <p className="subtle">Each role names the job behind the title, its band, and who fits it on evidence.</p>
        </div>
        <button type="button" className="button button-primary" onClick={onNew}>
          New role
        </button>
      </header>
      {error && <ErrorBanner message={error} onRetry={load} />}
      {roles === null && !error && <Loading label="Loading roles…" />}
      {roles?.length === 0 && (
        <EmptyState title="No roles yet" actions={<button type="button" className="button button-primary" onClick={onNew}>Start the intake</button>}>
          The intake helps you and the hiring manager pick which MLOps job this is, check it is time to hire, and set the band.
        </EmptyState>
      )}
      {market && (
        <p className="subtle small" aria-label="Market data in use">
          Bands use {market.origin === 'bundled' ? `the bundled figures from the two 2026 guides (version ${market.version})` : `your copy of the market data, version ${market.version}: ${market.label}`}.
          {market.origin === 'store' && (
            <>
              {' '}
              <button type="button" className="button button-small" onClick={() => void resetMarket()}>
                Use the bundled figures again
              </button>
            </>
          )}
          {market.origin === 'bundled' && ' To use your own figures: shipped market export, edit, shipped market import.'}
        </p>
      )}
      {roles && roles.length > 0 && (
        <section className="panel">
          <table className="rl-table" aria-label="Roles">
            <thead>
              <tr>
                <th>Title</th>
                <th>Sub-role</th>
                <th>Level</th>
                <th>Market</th>
                <th>Engagement</th>
                <th>Status</th>
                <th>Shortlist</th>
              </tr>
            </thead>
            <tbody>
              {roles.map((role) => (
                <tr key={role.id} className="rl-click" onClick={() => onOpen(role.id)}>
                  <td>
                    <button type="button" className="link-button" onClick={() => onOpen(role.id)}>
                      <strong>{role.title}</strong>
                    </button>
                  </td>
                  <td>
                    <SubRoleBadge subRole={role.subRole} />
                  </td>
                  <td>{role.level}</td>
                  <td>{role.city}</td>
                  <td>{engagementNames[role.engagement]}</td>
                  <td>{statusNames[role.status]}</td>
                  <td>{role.shortlistCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}

export function RoleEditScreen({ roleId, onSaved, onCancel }: { roleId: number | null; onSaved: (role: Role) => void; onCancel: () => void }) {
  return (
    <div className="screen">
      <header className="screen-header">
        <div>
          <button type="button" className="link-button back-link" onClick={onCancel}>
            ← Back
          </button>
          <h1>{roleId === null ? 'New role' : 'Edit role'}</h1>
        </div>
      </header>
      <RoleIntake roleId={roleId} onSaved={onSaved} onCancel={onCancel} />
    </div>
  );
}

interface RoleScreenProps {
  id: number;
  onBack: () => void;
  onEdit: () => void;
  onOpenCandidate: (candidateId: number) => void;
  onOpenScreening: (screeningId: number, candidateId: number) => void;
}

export function RoleScreen({ id, onBack, onEdit, onOpenCandidate, onOpenScreening }: RoleScreenProps) {
  const [detail, setDetail] = useState<RoleDetail | null>(null);
  const [ranking, setRanking] = useState<RoleRanking | null>(null);
  const [isMustHavesOnly, setIsMustHavesOnly] = useState(false);
  const [openId, setOpenId] = useState<number | null>(null);
  const [notes, setNotes] = useState<Record<number, string>>({});
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);

  const load = useCallback(() => {
    call('roles.get', { id }).then(setDetail, (failure: unknown) => setMessage({ tone: 'error', text: errorMessage(failure) }));
  }, [id]);
  useEffect(load, [load]);
  const rank = useCallback(() => {
    call('roles.rank', { roleId: id, limit: 50, isMustHavesOnly }).then(setRanking, (failure: unknown) =>
      setMessage({ tone: 'error', text: errorMessage(failure) }),
    );
  }, [id, isMustHavesOnly]);
  useEffect(rank, [rank]);

  if (!detail) {
    return <div className="screen">{message ? <ErrorBanner message={message.text} onRetry={load} /> : <Loading label="Opening role…" />}</div>;
  }
  const { role, shortlist, band } = detail;

  const shortlistAdd = async (candidateId: number) => {
    try {
      const next = await call('roles.shortlistAdd', { roleId: id, candidateId, note: notes[candidateId] ?? '' });
      setDetail({ ...detail, shortlist: next });
      rank();
    } catch (failure) {
      setMessage({ tone: 'error', text: errorMessage(failure) });
    }
  };
  const shortlistRemove = async (candidateId: number) => {
    try {
      const next = await call('roles.shortlistRemove', { roleId: id, candidateId });
      setDetail({ ...detail, shortlist: next });
      rank();
    } catch (failure) {
      setMessage({ tone: 'error', text: errorMessage(failure) });
    }
  };
  const screen = async (candidateId: number) => {
    try {
      const started = await call('roles.startScreening', { roleId: id, candidateId, label: `Screen for ${role.title}`.slice(0, 80) });
      onOpenScreening(started.screening.id, candidateId);
    } catch (failure) {
      setMessage({ tone: 'error', text: `The screening could not be started: ${errorMessage(failure)}` });
    }
  };
  const exportBrief = async (candidateId: number, name: string | null) => {
    try {
      const path = await call('dialog.chooseSavePath', { defaultName: `${(name ?? 'Candidate').replace(/[\\/:*?"<>|]+/g, ' ')} - ${role.title} - brief.pdf`, kind: 'pdf-file' });
      if (!path) return;
      const result = await call('briefs.export', { candidateIds: [candidateId], roleId: id, target: { kind: 'file', path } });
      setMessage({ tone: 'success', text: `Brief saved to ${result.files[0] ?? path}` });
    } catch (failure) {
      setMessage({ tone: 'error', text: `The brief could not be exported: ${errorMessage(failure)}` });
    }
  };

  return (
    <div className="screen">
      <header className="screen-header">
        <div>
          <button type="button" className="link-button back-link" onClick={onBack}>
            ← Roles
          </button>
          <h1>{role.title}</h1>
          <p className="subtle">
            {subRoleLabels[role.subRole]} · {role.level} · {band.cityName} · {engagementNames[role.engagement]}
            {role.factors.length > 0 && ` · ${role.factors.map((factor) => premiumFactorNames[factor]).join(', ')}`} · {statusNames[role.status]}
          </p>
          <p className="subtle small">
            Must-have: {role.mustHave.join(', ') || 'none'} · Nice-to-have: {role.niceToHave.join(', ') || 'none'}
          </p>
        </div>
        <button type="button" className="button" onClick={onEdit}>
          Edit intake
        </button>
      </header>
      {message && (message.tone === 'error' ? <ErrorBanner message={message.text} onDismiss={() => setMessage(null)} /> : <Notice tone="success">{message.text}</Notice>)}
      <div className="rl-grid">
        <div className="rl-stack">
          <section className="panel" aria-labelledby="ranked-title">
            <div className="rl-row" style={{ justifyContent: 'space-between', marginBottom: 6 }}>
              <h2 className="rl-section-title" id="ranked-title" style={{ margin: 0 }}>
                Ranked candidates {ranking && <span className="subtle small">({ranking.matched} of {ranking.scored} analysed)</span>}
              </h2>
              <label className="rl-check">
                <input type="checkbox" checked={isMustHavesOnly} onChange={(event) => setIsMustHavesOnly(event.target.checked)} />
                Every must-have backed by evidence
              </label>
            </div>
            {ranking === null && <Loading label="Ranking…" />}
            {ranking?.candidates.length === 0 && (
              <p className="rl-help">{ranking.scored === 0 ? 'No analysed candidates yet: import resumes first.' : 'Nobody has every must-have backed by evidence.'}</p>
            )}
            <ol className="rl-ranked" style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label="Ranked candidates">
              {ranking?.candidates.map((fit) => {
                const isOpen = openId === fit.candidateId;
                return (
                  <li key={fit.candidateId} className="rl-rank-item" aria-label={fit.name ?? `Candidate ${fit.candidateId}`}>
                    <div className="rl-rank-head">
                      <span className={scoreClass(fit.score)} title="Fit score out of 100">{fit.score}</span>
                      <span className="rl-name">
                        <button type="button" className="link-button" onClick={() => onOpenCandidate(fit.candidateId)}>
                          {fit.name ?? `Candidate ${fit.candidateId}`}
                        </button>
                        <span className="subtle small">
                          {fit.location ?? 'No location'} · {fit.hasAllMustHaves ? 'every must-have shown in work' : 'must-have gaps'}
                        </span>
                      </span>
                      <SubRoleBadge subRole={fit.subRole} />
                      <span className="rl-rank-actions">
                        <button type="button" className="button button-small" aria-expanded={isOpen} onClick={() => setOpenId(isOpen ? null : fit.candidateId)}>
                          {isOpen ? 'Hide why' : 'Why'}
                        </button>
                        {fit.isShortlisted ? (
                          <button type="button" className="button button-small" onClick={() => void shortlistRemove(fit.candidateId)}>
                            Shortlisted ✓
                          </button>
                        ) : (
                          <button type="button" className="button button-small button-primary" onClick={() => void shortlistAdd(fit.candidateId)}>
                            Shortlist
                          </button>
                        )}
                        <button type="button" className="button button-small" onClick={() => void screen(fit.candidateId)}>
                          Screen
                        </button>
                      </span>
                    </div>
                    {isOpen && (
                      <>
                        <FitParts fit={fit} />
                        {!fit.isShortlisted && (
                          <div className="rl-row" style={{ margin: '6px 0 0 52px' }}>
                            <input
                              className="input rl-shortlist-note"
                              placeholder="Note for the shortlist (optional)"
                              aria-label={`Shortlist note for ${fit.name ?? fit.candidateId}`}
                              value={notes[fit.candidateId] ?? ''}
                              onChange={(event) => setNotes({ ...notes, [fit.candidateId]: event.target.value })}
                            />
                          </div>
                        )}
                      </>
                    )}
                  </li>
                );
              })}
            </ol>
          </section>
        </div>
        <div className="rl-stack">
          <section className="panel" aria-labelledby="shortlist-title">
            <h2 className="rl-section-title" id="shortlist-title">
              Shortlist ({shortlist.length})
            </h2>
            {shortlist.length === 0 && <p className="rl-help">Shortlist candidates from the ranking.</p>}
            <ul className="rl-list" aria-label="Shortlist" style={{ listStyle: 'none', padding: 0 }}>
              {shortlist.map((entry) => {
                const fit = ranking?.candidates.find((candidate) => candidate.candidateId === entry.candidateId);
                return (
                  <li key={entry.candidateId} className="rl-band-line">
                    <div className="rl-row" style={{ justifyContent: 'space-between' }}>
                      <button type="button" className="link-button" onClick={() => onOpenCandidate(entry.candidateId)}>
                        <strong>{entry.name ?? `Candidate ${entry.candidateId}`}</strong>
                      </button>
                      <span className="rl-row">
                        {fit && <span className={scoreClass(fit.score)} title="Fit score out of 100">{fit.score}</span>}
                        <button type="button" className="button button-small" onClick={() => void exportBrief(entry.candidateId, entry.name)}>
                          Brief…
                        </button>
                      </span>
                    </div>
                    {entry.note && <div className="subtle small">{entry.note}</div>}
                  </li>
                );
              })}
            </ul>
          </section>
          <section className="panel" aria-labelledby="band-title">
            <h2 className="rl-section-title" id="band-title">Pay band</h2>
            <BandView band={band} />
          </section>
        </div>
      </div>
    </div>
  );
}
