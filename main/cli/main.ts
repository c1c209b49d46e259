import { parseArgs } from 'node:util';
import { CliUsageError, type CliIo, type Command, type CommandInput, type CommandIo } from './command.ts';
import { terminalSafe } from './format.ts';
import { commands } from './commands/index.ts';
import { createServiceContext } from '../services/create-context.ts';
import { createHandlers } from '../api/handlers.ts';
import { dirname } from 'node:path';
import { defaultDatabasePath, securePrivateFolder } from '../paths.ts';
import { UserFacingError } from '../api/errors.ts';
import { DatabaseTooNewError } from '../../db/open.ts';
import { errnoCode } from '../errno.ts';

const commonOptions = {
  db: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

function overview(): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  return [
    'Shipped: screen MLOps resumes for production evidence, offline.',
    '',
    'Usage: shipped <command> [options]',
    '',
    'Commands:',
    ...commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    '',
    'Common options:',
    '  --db PATH   the database to use (default: $SHIPPED_DB, else the app\'s data folder)',
    '  --json      machine-readable output on stdout',
    '  --help      help for a command: shipped <command> --help',
  ].join('\n');
}

function commandHelp(command: Command): string {
  const optionLines = Object.entries(command.options).map(([name, option]) => {
    const value = option.type === 'string' ? ` ${name.toUpperCase()}` : '';
    return `  --${name}${value}`;
  });
  return [
    `${command.summary}.`,
    '',
    `Usage: ${command.usage}`,
    ...(command.help.length > 0 ? ['', ...command.help] : []),
    ...(optionLines.length > 0 ? ['', 'Options:', ...optionLines] : []),
    '',
    '  --db PATH   the database to use (default: $SHIPPED_DB, else the app\'s data folder)',
    '  --json      machine-readable output on stdout',
  ].join('\n');
}

/** Runs one CLI invocation and returns the process exit code (0 ok, 1 failed, 2 usage). */
/** The one door to the terminal: text from files (names, file names, reasons) cannot carry escape sequences through it. */
export function terminalSafeIo(raw: CliIo): CommandIo {
  return {
    out: (text) => raw.out(terminalSafe(text)),
    err: (text) => raw.err(terminalSafe(text)),
    isInteractive: raw.isInteractive,
    // Our own escapes (cursor up, clear line) around text made safe first.
    redrawLastLine: (text) => raw.err(`\u001b[1A\u001b[2K${terminalSafe(text)}`),
  };
}

export async function runCli(argv: string[], rawIo: CliIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const io = terminalSafeIo(rawIo);
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(overview());
    return name === undefined ? 2 : 0;
  }
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) {
    io.err(`shipped: unknown command "${name}". Run "shipped --help" for the list.`);
    return 2;
  }
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      options: { ...commonOptions, ...command.options },
      allowPositionals: true,
      strict: true,
    });
    if (values.help === true) {
      io.out(commandHelp(command));
      return 0;
    }
    const databasePath = typeof values.db === 'string' ? values.db : defaultDatabasePath(env);
    const isAppDataFolder = typeof values.db !== 'string' && env.SHIPPED_DB === undefined;
    const input: CommandInput = {
      positionals,
      values,
      isJson: values.json === true,
      io,
      open: (options = {}) => {
        if (isAppDataFolder) securePrivateFolder(dirname(databasePath));
        const ctx = createServiceContext({ databasePath, ...(options.emit ? { emit: options.emit } : {}) });
        return { ctx, api: createHandlers(ctx) };
      },
    };
    return await command.run(input);
  } catch (error) {
    if (error instanceof CliUsageError || isParseArgsError(error)) {
      io.err(`shipped ${command.name}: ${firstLine(error)} (see "shipped ${command.name} --help")`);
      return 2;
    }
    if (error instanceof UserFacingError || error instanceof DatabaseTooNewError) {
      io.err(`shipped ${command.name}: ${error.message}`);
      return 1;
    }
    if (isSqliteOpenError(error)) {
      io.err(`shipped ${command.name}: cannot open the database: ${firstLine(error)}`);
      return 1;
    }
    throw error;
  }
}

function isParseArgsError(error: unknown): error is Error {
  return error instanceof Error && (errnoCode(error)?.startsWith('ERR_PARSE_ARGS') ?? false);
}

function isSqliteOpenError(error: unknown): error is Error {
  return error instanceof Error && error.name === 'SqliteError';
}

function firstLine(error: Error): string {
  return error.message.split('\n')[0] ?? error.message;
}
