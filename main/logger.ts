// One named logger per module. Logs go to stderr so CLI stdout stays machine-readable, and,
// once a log file is configured (the app's data folder), to a small rotating file that error
// messages can point the recruiter to.
//
// The file must never hold resume text or who a candidate is: every line passes through
// `redactForLog`, which drops email addresses, phone numbers, file names and paths, and cuts
// long values. Modules log ids, counts and error codes, never extracted text.
import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

type Level = 'debug' | 'info' | 'warn' | 'error';
const order: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

function threshold(): number {
  const configured = process.env.SHIPPED_LOG_LEVEL;
  if (configured === 'silent') return Number.POSITIVE_INFINITY;
  if (configured === 'debug' || configured === 'info' || configured === 'warn' || configured === 'error') {
    return order[configured];
  }
  return order.warn;
}

export interface Logger {
  debug(message: string, details?: unknown): void;
  info(message: string, details?: unknown): void;
  warn(message: string, details?: unknown): void;
  error(message: string, details?: unknown): void;
}

export interface LogFileOptions {
  path: string;
  /** The file is renamed to `<path>.1` (and so on) once it grows past this. */
  maxBytes?: number;
  /** Rotated files kept besides the current one. */
  keep?: number;
}

let logFile: Required<LogFileOptions> | null = null;

/** Sends info, warnings and errors to a rotating file too (the folder is created with mode 0700). */
export function configureLogFile(options: LogFileOptions | null): void {
  logFile = options === null ? null : { maxBytes: 1024 * 1024, keep: 3, ...options };
  if (logFile) mkdirSync(dirname(logFile.path), { recursive: true, mode: 0o700 });
}

/** The log file messages can point to, when there is one. */
export function logFilePath(): string | null {
  return logFile?.path ?? null;
}

const emailPattern = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
const phonePattern = /\+?\d[\d ().-]{7,}\d/g;
// A path runs on to the next quote, comma, semicolon, bracket or line end, since folder names have spaces.
const pathPattern = /(?:[A-Za-z]:\\|\\\\|\/|~\/)[^"'`,;()\n]*/g;
// A file name with spaces ("Jane Doe CV.pdf") takes the few words before its extension with it.
const fileNamePattern = /(?:[^\s"'`/\\:]+ ){0,6}[^\s"'`/\\]+\.(?:pdf|docx?|txt|md|rtf|odt|pages|png|jpe?g|zip)\b/gi;

/** What may be written to the log file: no addresses, numbers, paths or file names, nothing long. */
export function redactForLog(text: string): string {
  const redacted = text
    .replace(emailPattern, '<email>')
    .replace(pathPattern, '<path>')
    .replace(fileNamePattern, '<file>')
    .replace(phonePattern, '<number>');
  return redacted.length > 2000 ? `${redacted.slice(0, 2000)}…` : redacted;
}

/** The details as [redacted text, stack frames]; frames name our own source files, never data. */
function describeForFile(details: unknown): [string, string] {
  if (details === undefined) return ['', ''];
  if (details instanceof Error) {
    const code = 'code' in details ? ` [${String(details.code)}]` : '';
    const frames = (details.stack ?? '').split('\n').filter((line) => line.trimStart().startsWith('at ')).slice(0, 8);
    const cause = details.cause instanceof Error ? ` (cause: ${details.cause.name}${'code' in details.cause ? ` ${String(details.cause.code)}` : ''})` : '';
    return [` ${details.name}${code}: ${(details.message.split('\n')[0] ?? '').slice(0, 300)}${cause}`, frames.map((frame) => `\n${frame}`).join('')];
  }
  return [` ${JSON.stringify(details)?.slice(0, 500) ?? ''}`, ''];
}

function rotate(file: Required<LogFileOptions>): void {
  rmSync(`${file.path}.${file.keep}`, { force: true });
  for (let index = file.keep - 1; index >= 1; index--) {
    try {
      renameSync(`${file.path}.${index}`, `${file.path}.${index + 1}`);
    } catch {
      // that generation does not exist yet
    }
  }
  renameSync(file.path, `${file.path}.1`);
}

function writeToFile(level: Level, name: string, message: string, details: unknown): void {
  const file = logFile;
  if (!file || order[level] < order.info) return;
  try {
    let size = 0;
    try {
      size = statSync(file.path).size;
    } catch {
      // no file yet
    }
    if (size > file.maxBytes) rotate(file);
    const [text, frames] = describeForFile(details);
    const line = `${new Date().toISOString()} [${level}] ${name}: ${redactForLog(`${message}${text}`)}`;
    appendFileSync(file.path, `${line}${frames}\n`, { mode: 0o600 });
  } catch {
    // A log that cannot be written (full disk, read-only folder) must not break what it describes.
  }
}

export function createLogger(name: string): Logger {
  const write = (level: Level) => (message: string, details?: unknown) => {
    writeToFile(level, name, message, details);
    if (order[level] < threshold()) return;
    const suffix = details === undefined ? '' : ` ${details instanceof Error ? (details.stack ?? details.message) : JSON.stringify(details)}`;
    process.stderr.write(`[${level}] ${name}: ${message}${suffix}\n`);
  };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}
