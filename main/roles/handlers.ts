import type { ApiHandlers } from '../../contract/api.ts';
import type { ServiceContext } from '../services/context.ts';
import { notFound } from '../api/errors.ts';
import { deleteRole, getRole, listRoles, listShortlist, removeFromShortlist, roleIdOfScreening, upsertShortlist } from '../../db/queries/roles.ts';
import { getCandidateListItem } from '../../db/queries/candidates.ts';
import { engagementGuidance, intakeData, judgeReadiness, suggestSubRole } from './intake.ts';
import {
  bandFor,
  bandOfRole,
  createRole,
  editRole,
  fitForCandidate,
  marketInForce,
  rankRole,
  requireRole,
  resetMarketToBundled,
  saveMarketCopy,
  screeningKitsFor,
  startRoleScreening,
  taxonomyTools,
} from './service.ts';

type RoleHandlers = Pick<
  ApiHandlers,
  | 'roles.list'
  | 'roles.get'
  | 'roles.create'
  | 'roles.update'
  | 'roles.delete'
  | 'roles.rank'
  | 'roles.fit'
  | 'roles.shortlistAdd'
  | 'roles.shortlistRemove'
  | 'roles.screeningKits'
  | 'roles.startScreening'
  | 'roles.ofScreening'
  | 'market.band'
  | 'market.get'
  | 'market.saveCopy'
  | 'market.resetToBundled'
  | 'intake.get'
  | 'intake.suggest'
  | 'intake.readiness'
>;

export function createRoleHandlers(ctx: ServiceContext): RoleHandlers {
  const { db } = ctx;
  const stamp = () => ctx.now().toISOString();

  return {
    'roles.list': async () => listRoles(db),
    'roles.get': async ({ id }) => {
      const role = requireRole(db, id);
      return { role, shortlist: listShortlist(db, id), band: bandOfRole(db, role) };
    },
    'roles.create': async ({ role }) => createRole(db, role, stamp()),
    'roles.update': async ({ id, role }) => editRole(db, id, role, stamp()),
    'roles.delete': async ({ id }) => {
      if (!deleteRole(db, id)) throw notFound('Role', id);
      return { id };
    },
    'roles.rank': async ({ roleId, limit, offset, isMustHavesOnly }) => rankRole(db, roleId, { limit, offset, isMustHavesOnly }),
    'roles.fit': async ({ roleId, candidateId }) => fitForCandidate(db, roleId, candidateId),
    'roles.shortlistAdd': async ({ roleId, candidateId, note }) => {
      requireRole(db, roleId);
      if (!getCandidateListItem(db, candidateId)) throw notFound('Candidate', candidateId);
      upsertShortlist(db, roleId, candidateId, note.trim(), stamp());
      return listShortlist(db, roleId);
    },
    'roles.shortlistRemove': async ({ roleId, candidateId }) => {
      requireRole(db, roleId);
      removeFromShortlist(db, roleId, candidateId);
      return listShortlist(db, roleId);
    },
    'roles.screeningKits': async ({ roleId }) => screeningKitsFor(requireRole(db, roleId)),
    'roles.startScreening': async ({ roleId, candidateId, label }) =>
      db.transaction(() => startRoleScreening(db, roleId, candidateId, label, stamp())).immediate(),
    'roles.ofScreening': async ({ screeningId }) => {
      const roleId = roleIdOfScreening(db, screeningId);
      return roleId === null ? null : getRole(db, roleId);
    },

    'market.band': async (input) => bandFor(db, input),
    'market.get': async () => {
      const { market, ref } = marketInForce(db);
      return { ref, data: market };
    },
    'market.saveCopy': async ({ data, label }) => saveMarketCopy(db, data, label, stamp()),
    'market.resetToBundled': async () => resetMarketToBundled(db),

    'intake.get': async () => ({
      intake: intakeData(),
      guidance: engagementGuidance(),
      tools: taxonomyTools(),
      cities: marketInForce(db).market.cities.map((city) => ({ id: city.id, name: city.name })),
    }),
    'intake.suggest': async ({ alerts }) => suggestSubRole(alerts),
    'intake.readiness': async ({ answers }) => judgeReadiness(answers),
  };
}
