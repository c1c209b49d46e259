// The role section of a candidate brief: which role, the fit part by part, the band with sources.
import type { Db } from '../../db/open.ts';
import { engagementNames, formatRange, premiumFactorNames, type BandLine } from '../../contract/market.ts';
import { subRoleLabels } from '../../contract/analysis.ts';
import { getRole, latestRoleIdForCandidate } from '../../db/queries/roles.ts';
import type { BriefRole } from '../briefs/types.ts';
import { bandOfRole, fitForCandidate } from './service.ts';
import { sourceLabel } from './band-text.ts';
import { UserFacingError } from '../api/errors.ts';

function points(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

function bandRow(entry: BandLine): BriefRole['band'][number] {
  return {
    label: entry.label,
    range: formatRange(entry.low, entry.high, entry.unit),
    arithmetic: entry.arithmetic === 'as reported' ? null : entry.arithmetic,
    source: entry.sources.map((source) => `${source.publisher} (${source.month}), ${source.title}`).join(' · '),
  };
}

/**
 * The role for a brief: the one asked for, else the role of the candidate's latest
 * screening started from a role, else none. A role whose fit cannot be computed (no
 * analysed resume) still names the role and its band.
 */
export function briefRoleFor(db: Db, candidateId: number, roleId: number | null): BriefRole | null {
  const id = roleId ?? latestRoleIdForCandidate(db, candidateId);
  if (id === null) return null;
  const role = getRole(db, id);
  if (!role) return null;
  const band = bandOfRole(db, role);
  let fit: ReturnType<typeof fitForCandidate> | null = null;
  try {
    fit = fitForCandidate(db, id, candidateId);
  } catch (error) {
    // No analysed resume: the brief still names the role and its band.
    if (!(error instanceof UserFacingError)) throw error;
  }
  const summary = [
    subRoleLabels[role.subRole],
    role.level,
    band.cityName,
    engagementNames[role.engagement],
    ...role.factors.map((factor) => premiumFactorNames[factor]),
  ].join(' · ');
  return {
    title: role.title,
    summary,
    fitScore: fit?.score ?? 0,
    hasAllMustHaves: fit?.hasAllMustHaves ?? false,
    parts: (fit?.parts ?? []).map((part) => ({
      label: part.label,
      points: part.kind === 'padding' ? points(part.points) : `${points(part.points)}/${points(part.max)}`,
      verdict: part.verdict,
      line: part.lines[0] ? `line ${part.lines[0].line}: ${part.lines[0].excerpt}` : null,
    })),
    band: band.sections.flatMap((section) => [section.base, ...section.totals].filter((entry): entry is BandLine => entry !== null).map(bandRow)),
    bandGaps: band.sections.flatMap((section) => section.gaps).concat(band.gaps),
    sources: band.sources.map(sourceLabel),
  };
}
