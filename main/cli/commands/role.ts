import { readFileSync } from 'node:fs';
import type { Command } from '../command.ts';
import { CliUsageError } from '../command.ts';
import { formatTable, truncate } from '../format.ts';
import { engagementNames, premiumFactorNames } from '../../../contract/market.ts';
import type { RoleDetail } from '../../../contract/roles.ts';
import { formatBandText } from '../../roles/band-text.ts';
import { marketInForce, parseRoleInput } from '../../roles/service.ts';

export function parseRoleId(raw: string | undefined): number {
  if (raw === undefined || !/^[1-9]\d{0,15}$/.test(raw)) {
    throw new CliUsageError(`"${raw ?? ''}" is not a role id (a positive whole number, as shown by "shipped role list")`);
  }
  return Number(raw);
}

function readRoleFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new CliUsageError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new CliUsageError(`${path} is not valid JSON`);
  }
}

function describeRole({ role, shortlist, band }: RoleDetail): string {
  const lines = [
    `${role.title}  #${role.id}  [${role.status}]`,
    `Sub-role:     ${role.subRole}`,
    `Level:        ${role.level}`,
    `Market:       ${band.cityName}`,
    `Engagement:   ${engagementNames[role.engagement]}`,
    `Must-have:    ${role.mustHave.join(', ') || '—'}`,
    `Nice-to-have: ${role.niceToHave.join(', ') || '—'}`,
    `Premiums:     ${role.factors.map((factor) => premiumFactorNames[factor]).join(', ') || '—'}`,
  ];
  if (role.notes.trim() !== '') lines.push(`Notes:        ${role.notes.trim()}`);
  lines.push('', `Shortlist (${shortlist.length}):`);
  for (const entry of shortlist) lines.push(`  #${entry.candidateId} ${entry.name ?? '(no name found)'}${entry.note ? ` — ${entry.note}` : ''}`);
  lines.push('', formatBandText(band));
  return lines.join('\n');
}

export const roleCommand: Command = {
  name: 'role',
  summary: 'Create, list and show roles (requisitions)',
  usage: 'shipped role create --file role.json | shipped role list | shipped role show <id> [--db PATH] [--json]',
  help: [
    'role.json: {"title", "subRole", "level", "city", "engagement", "mustHave": [tool ids], "niceToHave": [tool ids],',
    '            "factors": ["llm" | "clearance" | "streaming"], "notes", "status"}.',
    'A bad field is named with the values it allows.',
  ],
  options: { file: { type: 'string' } },
  async run({ positionals, values, open, isJson, io }) {
    const [action, idText] = positionals;
    if (action !== 'create' && action !== 'list' && action !== 'show') {
      throw new CliUsageError(`${action === undefined ? 'missing action' : `unknown action "${action}"`}: use create, list or show`);
    }
    if (action === 'create' && typeof values.file !== 'string') throw new CliUsageError('role create needs --file role.json');
    const roleId = action === 'show' ? parseRoleId(idText) : null;
    const raw = action === 'create' ? readRoleFile(values.file as string) : null;
    const { ctx, api } = open();
    try {
      if (action === 'create') {
        // Checked here as the handler would, so the file's mistakes are named field by field.
        const role = await api['roles.create']({ role: parseRoleInput(raw, marketInForce(ctx.db).market) });
        io.out(isJson ? JSON.stringify(role, null, 2) : `Created role #${role.id}: ${role.title}`);
        return 0;
      }
      if (action === 'list') {
        const roles = await api['roles.list']({});
        if (isJson) {
          io.out(JSON.stringify(roles, null, 2));
          return 0;
        }
        if (roles.length === 0) {
          io.out('No roles yet. Create one: shipped role create --file role.json');
          return 0;
        }
        const rows = roles.map((role) => [
          String(role.id),
          truncate(role.title, 36),
          role.subRole,
          role.level,
          role.city,
          role.engagement,
          role.status,
          String(role.shortlistCount),
        ]);
        io.out(formatTable(['ID', 'TITLE', 'SUB-ROLE', 'LEVEL', 'MARKET', 'ENGAGEMENT', 'STATUS', 'SHORTLIST'], rows));
        return 0;
      }
      const detail = await api['roles.get']({ id: roleId! });
      io.out(isJson ? JSON.stringify(detail, null, 2) : describeRole(detail));
      return 0;
    } finally {
      ctx.db.close();
    }
  },
};
