import { useEffect, useState } from 'react';
import type { CandidateFit, Role } from '../../../contract/roles.ts';
import { call, errorMessage } from '../../api.ts';
import { FitParts, scoreClass } from './FitParts.tsx';
import './roles.css';

/** On the candidate screen: the fit against a chosen role, part by part. */
export function RoleFitPanel({ candidateId, onShowLine }: { candidateId: number; onShowLine: (line: number) => void }) {
  const [roles, setRoles] = useState<Role[]>([]);
  const [roleId, setRoleId] = useState<number | null>(null);
  const [fit, setFit] = useState<CandidateFit | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    call('roles.list', {}).then((list) => {
      setRoles(list);
      setRoleId((current) => current ?? list[0]?.id ?? null);
    }, () => setRoles([]));
  }, []);
  useEffect(() => {
    if (roleId === null) return;
    setError(null);
    call('roles.fit', { roleId, candidateId }).then(setFit, (failure: unknown) => {
      setFit(null);
      setError(errorMessage(failure));
    });
  }, [roleId, candidateId]);

  if (roles.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="fit-title">
      <div className="panel-title-row">
        <h2 className="panel-title" id="fit-title">
          Fit for a role
        </h2>
        <select className="select" aria-label="Role" style={{ maxWidth: 260 }} value={roleId ?? ''} onChange={(event) => setRoleId(Number(event.target.value))}>
          {roles.map((role) => (
            <option key={role.id} value={role.id}>
              {role.title}
            </option>
          ))}
        </select>
      </div>
      {error && <p className="error-text">{error}</p>}
      {fit && (
        <>
          <div className="rl-row" style={{ margin: '6px 0' }}>
            <span className={scoreClass(fit.score)}>{fit.score}</span>
            <span className="small">{fit.hasAllMustHaves ? 'Every must-have is backed by evidence.' : 'Not every must-have is backed by evidence.'}</span>
          </div>
          <div className="rl-fit-panel">
            <FitParts fit={fit} onShowLine={onShowLine} />
          </div>
        </>
      )}
    </section>
  );
}
