import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { ValidationIssue } from '../../shared/api/errors';
import { UsageError } from './io';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Strict flag parsing: unknown flags and missing values are usage errors, said plainly. */
/** A string flag's value (parseArgs guarantees the type from the option table). */
export function str(v: string | boolean | undefined): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

export interface ParsedArgs {
  values: Record<string, string | boolean | undefined> & { json?: boolean };
  positionals: string[];
}

export function parse(command: string, args: string[], options: Options): ParsedArgs {
  try {
    const parsed = parseArgs({
      args,
      options: { ...options, json: { type: 'boolean' } },
      allowPositionals: true,
      strict: true,
    });
    return { values: parsed.values as ParsedArgs['values'], positionals: parsed.positionals };
  } catch (e) {
    throw new UsageError(`${command}: ${(e as Error).message.replace(/\. To specify.*$/s, '')}`);
  }
}

/**
 * Turns contract validation issues into flag-level usage errors. `flagFor` names the flag of an
 * input path (`engagement.period` → `--period`); the longest path it knows wins.
 */
export function issuesToUsage(
  command: string,
  issues: ValidationIssue[],
  flagFor: Record<string, string>,
): UsageError {
  const flagOf = (path: string[]) => {
    for (let n = path.length; n > 0; n--) {
      const key = path.slice(0, n).join('.');
      if (Object.hasOwn(flagFor, key)) return flagFor[key]!;
    }
    return path.join('.');
  };
  const lines = issues.map((i) => `${flagOf(i.path)}: ${i.message}`);
  return new UsageError(`${command}: ${lines.join('; ')}`);
}
