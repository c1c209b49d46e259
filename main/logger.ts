// One named logger per module. Logs go to stderr so CLI stdout stays machine-readable.
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

export function createLogger(name: string): Logger {
  const write = (level: Level) => (message: string, details?: unknown) => {
    if (order[level] < threshold()) return;
    const suffix = details === undefined ? '' : ` ${details instanceof Error ? (details.stack ?? details.message) : JSON.stringify(details)}`;
    process.stderr.write(`[${level}] ${name}: ${message}${suffix}\n`);
  };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}
