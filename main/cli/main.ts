import { parseArgs } from 'node:util';
import { CliUsageError, type CliIo, type Command, type CommandInput, type CommandIo } from './command.ts';
import { terminalSafe } from './format.ts';
import { commands } from './commands/index.ts';
import { createServiceContext } from '../services/create-context.ts';
import { createHandlers } from '../api/handlers.ts';
import { defaultDatabasePath, securePrivateFolder } from '../paths.ts';
import { UserFacingError } from '../api/errors.ts';
import { DatabaseTooNewError, isPlainDatabaseFile } from '../../db/open.ts';
import { errnoCode } from '../errno.ts';
import { configureLogFile, createLogger } from '../logger.ts';
import { storageErrorMessage } from '../data/sqlite-errors.ts';
import { dirname, join } from 'node:path';
import { existsSync } from 'node:fs';
import { cliDatabaseKey } from './db-key.ts';
import { encryptInPlace } from '../data/encryption.ts';

const log = createLogger('cli');

/** The CLI logs beside the database it uses: the app-data folder unless --db points elsewhere. */
export function cliLogPath(databasePath: string): string | null {
  return databasePath === ':memory:' ? null : join(dirname(databasePath), 'logs', 'shipped.log');
}

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
    '',
    'Environment:',
    '  SHIPPED_DB       the database to use',
    "  SHIPPED_DB_KEY   the key of an encrypted database: a passphrase, or the app's key as x'…'",
    '                   (shown on the app\'s Backups screen); given for a plain database, it encrypts it',
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
  let databasePath: string | null = null;
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
    const chosenPath = typeof values.db === 'string' ? values.db : defaultDatabasePath(env);
    databasePath = chosenPath;
    const isAppDataFolder = typeof values.db !== 'string' && env.SHIPPED_DB === undefined;
    const logPath = cliLogPath(chosenPath);
    configureLogFile(logPath === null ? null : { path: logPath });
    const key = await cliDatabaseKey(chosenPath, { env, isTerminal: Boolean(process.stdin.isTTY && process.stderr.isTTY) });
    if (key && existsSync(chosenPath) && isPlainDatabaseFile(chosenPath)) {
      // A key for a plain store means "encrypt it": done once, in place, with a plain copy kept until the result is checked.
      await encryptInPlace({ databasePath: chosenPath, backupsFolder: join(dirname(chosenPath), 'backups'), key, actor: 'cli', now: () => new Date() });
      io.err(`shipped: ${chosenPath} is now encrypted with the key in SHIPPED_DB_KEY; keep that key, the data cannot be read without it.`);
    }
    const input: CommandInput = {
      positionals,
      values,
      isJson: values.json === true,
      io,
      databasePath: chosenPath,
      databaseKey: key,
      env,
      open: (options = {}) => {
        if (isAppDataFolder) securePrivateFolder(dirname(chosenPath));
        const ctx = createServiceContext({ databasePath: chosenPath, key, actor: 'cli', ...(options.emit ? { emit: options.emit } : {}) });
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
    log.error(`${command.name} failed`, error);
    const backups = databasePath === null ? 'backups' : join(dirname(databasePath), 'backups');
    const storage = storageErrorMessage(error, `: shipped restore FILE (the automatic backups are in ${backups})`);
    if (storage !== null) {
      io.err(`shipped ${command.name}: ${storage}`);
      return 1;
    }
    if (isSqliteError(error)) {
      io.err(`shipped ${command.name}: the database reported an error (${String(error.code)}): ${firstLine(error)}`);
      return 1;
    }
    throw error;
  }
}

function isParseArgsError(error: unknown): error is Error {
  return error instanceof Error && (errnoCode(error)?.startsWith('ERR_PARSE_ARGS') ?? false);
}

function isSqliteError(error: unknown): error is Error & { code: unknown } {
  return error instanceof Error && error.name === 'SqliteError' && 'code' in error;
}

function firstLine(error: Error): string {
  return error.message.split('\n')[0] ?? error.message;
}
