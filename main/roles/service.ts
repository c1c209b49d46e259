// Roles: validation against the taxonomy and market data, the store, the band with the
// market data in force, ranking and the shortlist, and screenings started from a role.
import { z } from 'zod';
import type { Db } from '../../db/open.ts';
import { marketDataSchema, type Band, type BandInput, type MarketData, type MarketDataRef } from '../../contract/market.ts';
import { roleInputSchema, type CandidateFit, type Role, type RoleFields, type RoleRanking } from '../../contract/roles.ts';
import type { ScreeningDetail } from '../../contract/screening.ts';
import { notFound, UserFacingError } from '../api/errors.ts';
import {
  deleteMarketVersions,
  getRole,
  insertMarketVersion,
  insertRole,
  latestMarketVersion,
  linkScreeningToRole,
  updateRole,
} from '../../db/queries/roles.ts';
import { getCandidateListItem } from '../../db/queries/candidates.ts';
import { startScreening } from '../screening/service.ts';
import { computeBand } from './band.ts';
import { intakeData } from './intake.ts';
import { bundledMarketData, bundledMarketRef, resolveCity } from './market.ts';
import { prepareRole, type RoleForFit } from './fit.ts';
import { fitOfCandidate, rankCandidates, type RankOptions } from './rank.ts';
import taxonomyJson from '../../resources/taxonomy.json' with { type: 'json' };
import screeningScriptJson from '../../resources/screening-script.json' with { type: 'json' };

const toolListSchema = z.object({ tools: z.array(z.object({ id: z.string(), name: z.string(), category: z.string() })) });

let toolNames: Map<string, string> | undefined;

/** Tool id → display name, from the taxonomy the analysis scores against. */
export function taxonomyToolNames(): ReadonlyMap<string, string> {
  toolNames ??= new Map(toolListSchema.parse(taxonomyJson).tools.map((tool) => [tool.id, tool.name]));
  return toolNames;
}

export function taxonomyTools(): Array<{ id: string; name: string; category: string }> {
  return toolListSchema.parse(taxonomyJson).tools.map(({ id, name, category }) => ({ id, name, category }));
}

// ---- Market data in force ---------------------------------------------------------

/** The recruiter's latest copy in the store, or the bundled data when there is none. */
export function marketInForce(db: Db): { market: MarketData; ref: MarketDataRef } {
  const row = latestMarketVersion(db);
  if (!row) return { market: bundledMarketData(), ref: bundledMarketRef() };
  // Stored only after validation; parsing again guards against hand-edited databases.
  const market = marketDataSchema.parse(JSON.parse(row.data_json));
  return { market, ref: { origin: 'store', version: row.version, label: row.label } };
}

export function saveMarketCopy(db: Db, market: MarketData, label: string, now: string): MarketDataRef {
  const version = insertMarketVersion(db, label, JSON.stringify(market), now);
  return { origin: 'store', version, label };
}

export function resetMarketToBundled(db: Db): MarketDataRef {
  deleteMarketVersions(db);
  return bundledMarketRef();
}

export function bandFor(db: Db, input: BandInput): Band {
  const { market, ref } = marketInForce(db);
  return computeBand(input, market, ref);
}

export function bandOfRole(db: Db, role: Role): Band {
  return bandFor(db, { level: role.level, city: role.city, engagement: role.engagement, factors: role.factors });
}

// ---- Validation ---------------------------------------------------------------------

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let value = raw;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/**
 * A role as written in a file or a form: the schema first, then tool ids against the
 * taxonomy and the city against the market data. Every message names the field and,
 * for a value outside a fixed list, the allowed values.
 */
export function parseRoleInput(raw: unknown, market: MarketData): RoleFields {
  const parsed = roleInputSchema.safeParse(raw);
  if (!parsed.success) {
    const messages = parsed.error.issues.slice(0, 3).map((issue) => {
      const field = issue.path.length > 0 ? issue.path.join('.') : 'role';
      if (issue.code === 'invalid_value') {
        return `${field}: ${JSON.stringify(valueAt(raw, issue.path))} is not allowed. Allowed: ${issue.values.map(String).join(', ')}.`;
      }
      if (issue.code === 'unrecognized_keys') return `${field}: unknown field(s) ${issue.keys.join(', ')}.`;
      return `${field}: ${issue.message}.`;
    });
    throw new UserFacingError(messages.join(' '));
  }
  const fields = parsed.data;
  const known = taxonomyToolNames();
  const allowedTools = [...known.keys()].join(', ');
  for (const listName of ['mustHave', 'niceToHave'] as const) {
    fields[listName] = [...new Set(fields[listName].map((toolId) => toolId.toLowerCase()))];
    const unknown = fields[listName].find((toolId) => !known.has(toolId));
    if (unknown !== undefined) {
      throw new UserFacingError(`${listName}: "${unknown}" is not a tool id Shipped knows. Allowed: ${allowedTools}.`);
    }
  }
  const both = fields.mustHave.find((toolId) => fields.niceToHave.includes(toolId));
  if (both !== undefined) throw new UserFacingError(`niceToHave: "${both}" is already a must-have; list it once.`);
  fields.city = resolveCity(market, fields.city).id;
  fields.factors = [...new Set(fields.factors)];
  return fields;
}

// ---- Roles ------------------------------------------------------------------------------

export function requireRole(db: Db, id: number): Role {
  const role = getRole(db, id);
  if (!role) throw notFound('Role', id);
  return role;
}

export function createRole(db: Db, raw: unknown, now: string): Role {
  const fields = parseRoleInput(raw, marketInForce(db).market);
  return requireRole(db, insertRole(db, fields, now));
}

export function editRole(db: Db, id: number, raw: unknown, now: string): Role {
  const fields = parseRoleInput(raw, marketInForce(db).market);
  if (!updateRole(db, id, fields, now)) throw notFound('Role', id);
  return requireRole(db, id);
}

function roleForFit(db: Db, role: Role): RoleForFit {
  const { market } = marketInForce(db);
  return prepareRole(role, market, intakeData(), taxonomyToolNames());
}

export function rankRole(db: Db, roleId: number, options: RankOptions): RoleRanking {
  return rankCandidates(db, roleForFit(db, requireRole(db, roleId)), options);
}

export function fitForCandidate(db: Db, roleId: number, candidateId: number): CandidateFit {
  const fit = fitOfCandidate(db, roleForFit(db, requireRole(db, roleId)), candidateId);
  if (!fit) {
    if (!getCandidateListItem(db, candidateId)) throw notFound('Candidate', candidateId);
    throw new UserFacingError(`Candidate ${candidateId} has no analysed resume yet, so there is no fit to show.`);
  }
  return fit;
}

// ---- Screening from a role -------------------------------------------------------------

const scriptQuestions = z.object({ questions: z.array(z.object({ id: z.string(), title: z.string(), kind: z.string() })) });

/** The extra kits a call for this role adds, from the bundled script's extras. */
export function screeningKitsFor(role: Role): Array<{ questionId: string; title: string }> {
  const questions = scriptQuestions.parse(screeningScriptJson).questions;
  return intakeData()
    .screeningKits[role.subRole].map((questionId) => questions.find((question) => question.id === questionId))
    .filter((question) => question !== undefined)
    .map((question) => ({ questionId: question.id, title: question.title }));
}

export function startRoleScreening(db: Db, roleId: number, candidateId: number, label: string, now: string): ScreeningDetail {
  const role = requireRole(db, roleId);
  const detail = startScreening(db, candidateId, label, now);
  linkScreeningToRole(db, detail.screening.id, role.id);
  return detail;
}
