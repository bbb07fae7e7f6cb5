/**
 * The box's log. It never receives a visitor's address, user agent or search text:
 * callers log what the box did, not who asked.
 */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

const LEVELS = ['debug', 'info', 'warn', 'error'] as const;
type Level = (typeof LEVELS)[number];

export function createLogger(
  level: Level = 'info',
  write: (line: string) => void = (line) => {
    process.stderr.write(`${line}\n`);
  },
): Logger {
  const min = LEVELS.indexOf(level);
  const at = (l: Level) => (message: string) => {
    if (LEVELS.indexOf(l) >= min)
      write(`${new Date().toISOString()} ${l.toUpperCase()} ${clean(message)}`);
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/**
 * Messages may quote text from a stick (a pack title): control characters go, and any
 * line break is indented, so no quoted text can pass for a log entry of its own.
 */
export function clean(message: string): string {
  return message
    .replace(/\r\n?/g, '\n')
    .replace(/[^\P{C}\n]/gu, '')
    .replace(/\n/g, '\n    ');
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
