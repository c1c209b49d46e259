import type { ParseArgsOptionsConfig } from 'node:util';
import type { ApiHandlers } from '../../contract/api.ts';
import type { ServiceContext } from '../services/context.ts';
import type { DatabaseKey } from '../../db/open.ts';

/** A mistake in how the command was called: one line on stderr, exit code 2. */
export class CliUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliUsageError';
  }
}

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** True when stderr is a terminal, so progress can redraw one line. */
  isInteractive: boolean;
}

/**
 * What a command prints through: everything is passed through terminalSafe (format.ts) on
 * the way out, since names, file names and resume text come from files.
 */
export interface CommandIo extends CliIo {
  /** Replaces the previous stderr line (a progress line on a terminal). */
  redrawLastLine(text: string): void;
}

export interface CommandInput {
  positionals: string[];
  values: Record<string, string | boolean | undefined>;
  isJson: boolean;
  /** The database named by --db / SHIPPED_DB / the default. */
  databasePath: string;
  /** Its key when it is encrypted (SHIPPED_DB_KEY, or asked for on the terminal). */
  databaseKey: DatabaseKey | null;
  env: NodeJS.ProcessEnv;
  /** Opens the store named by --db / SHIPPED_DB / the default, with handlers bound to it. */
  open(options?: { emit?: ServiceContext['emit'] }): { ctx: ServiceContext; api: ApiHandlers };
  io: CommandIo;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** Lines printed under the usage by --help. */
  help: string[];
  options: ParseArgsOptionsConfig;
  run(input: CommandInput): Promise<number>;
}

export function requirePositionals(input: CommandInput, min: number, what: string): string[] {
  if (input.positionals.length < min) throw new CliUsageError(`missing ${what}`);
  return input.positionals;
}

export function parseCandidateId(raw: string | undefined): number {
  if (raw === undefined || !/^[1-9]\d{0,15}$/.test(raw)) {
    throw new CliUsageError(`"${raw ?? ''}" is not a candidate id (a positive whole number, as shown by "shipped list")`);
  }
  return Number(raw);
}
