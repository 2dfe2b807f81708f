import { appendFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  log(level: LogLevel, message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export interface FileLoggerOptions {
  /** Rotate when the current file passes this many bytes. */
  maxBytes?: number;
  /** How many rotated files to keep (attest.log.1 … attest.log.N). */
  keep?: number;
}

/**
 * JSON-lines log in ATTEST_HOME/logs, rotated by size. Callers pass facts (ids, counts, codes),
 * never evidence content or secrets; `redact` drops fields whose names suggest secrets anyway.
 */
export function fileLogger(home: string, options: FileLoggerOptions = {}): Logger {
  const maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
  const keep = options.keep ?? 3;
  const dir = join(home, 'logs');
  const file = join(dir, 'attest.log');
  mkdirSync(dir, { recursive: true });

  function rotateIfNeeded(): void {
    if (!existsSync(file) || statSync(file).size < maxBytes) return;
    rmSync(`${file}.${keep}`, { force: true });
    for (let i = keep - 1; i >= 1; i--) {
      if (existsSync(`${file}.${i}`)) renameSync(`${file}.${i}`, `${file}.${i + 1}`);
    }
    renameSync(file, `${file}.1`);
  }

  function log(level: LogLevel, message: string, fields?: Record<string, unknown>): void {
    try {
      rotateIfNeeded();
      const line = JSON.stringify({
        at: new Date().toISOString(),
        level,
        message,
        ...redact(fields),
      });
      appendFileSync(file, line + '\n');
    } catch {
      // Logging must never take the app down (a full disk, a read-only home).
    }
  }

  return {
    log,
    info: (m, f) => log('info', m, f),
    warn: (m, f) => log('warn', m, f),
    error: (m, f) => log('error', m, f),
  };
}

const SECRET_FIELD = /pass(word|phrase)?|secret|token|private|key$/i;

function redact(fields?: Record<string, unknown>): Record<string, unknown> {
  if (!fields) return {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) out[k] = SECRET_FIELD.test(k) ? '[redacted]' : v;
  return out;
}

export const silentLogger: Logger = {
  log() {},
  info() {},
  warn() {},
  error() {},
};
