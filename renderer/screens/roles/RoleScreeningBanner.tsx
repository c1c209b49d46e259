import { useEffect, useState } from 'react';
import type { Role } from '../../../contract/roles.ts';
import { call } from '../../api.ts';
import './roles.css';

/** Above a screening call started from a role: the role, and the extra kits its sub-role calls for. */
export function RoleScreeningBanner({ screeningId }: { screeningId: number }) {
  const [role, setRole] = useState<Role | null>(null);
  const [kits, setKits] = useState<Array<{ questionId: string; title: string }>>([]);
  useEffect(() => {
    // The role and its kits show together, so the banner never says "no extra kits" while they load.
    call('roles.ofScreening', { screeningId })
      .then(async (found) => ({ found, foundKits: found ? await call('roles.screeningKits', { roleId: found.id }) : [] }))
      .then(
        ({ found, foundKits }) => {
          setKits(foundKits);
          setRole(found);
        },
        () => setRole(null),
      );
  }, [screeningId]);
  if (!role) return null;
  return (
    <div className="rl-kits" role="note" aria-label="Role of this call">
      <strong>For: {role.title}</strong>
      <span className="subtle">
        {kits.length > 0 ? `This role adds the extra kits: ${kits.map((kit) => kit.title).join(' · ')} (after the core questions).` : 'No extra kits for this sub-role.'}
      </span>
    </div>
  );
}
