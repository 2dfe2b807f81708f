import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Value imports of a module: `import type …` and imports naming only types are erased. */
function valueImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  const re = /^(?:import|export)\s+(type\s)?(?:([^'";]*?)\s+from\s+)?'([^']+)'/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const [, typeOnly, clause = '', spec] = m;
    const names = /^\{([^}]*)\}$/.exec(clause.trim())?.[1];
    const onlyTypes =
      names !== undefined &&
      names
        .split(',')
        .map((n) => n.trim())
        .filter(Boolean)
        .every((n) => n.startsWith('type '));
    if (!typeOnly && !onlyTypes) found.push(spec!);
  }
  return found;
}

function resolveTs(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = resolve(dirname(from), spec);
  for (const candidate of [`${base}.ts`, join(base, 'index.ts'), base])
    if (existsSync(candidate) && candidate.endsWith('.ts')) return candidate;
  return null;
}

/** Every module and package `entry` loads when it starts, following value imports only. */
function loadedBy(entry: string): { modules: string[]; packages: string[] } {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const queue = [join(repo, entry)];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const spec of valueImports(file)) {
      const next = resolveTs(file, spec);
      if (next) queue.push(next);
      else if (!spec.startsWith('.')) packages.add(spec);
    }
  }
  return {
    modules: [...seen].map((f) => relative(repo, f)).sort(),
    packages: [...packages].sort(),
  };
}

/**
 * `attest serve` is two processes: the parent answers HTTP and the host it forks runs the vault
 * core. Every end-to-end test and every browser user waits for both to start, so the parent must
 * not load the core (the database, the handlers, pdfkit…) a second time just to relay calls.
 */
describe('what the attest serve parent loads', () => {
  it('is the HTTP front and the relay, not the vault core', () => {
    const { modules, packages } = loadedBy('electron/cli/commands/serve.ts');
    expect(modules).toContain('electron/rpc/http.ts');
    expect(modules).toContain('electron/runtime/supervisor.ts');
    expect(modules.filter((m) => /^electron\/(core|reports)\//.test(m))).toEqual([]);
    expect(modules).not.toContain('electron/rpc/dispatch.ts');
    expect(packages.filter((p) => !p.startsWith('node:'))).toEqual(['zod']);
  });
});
