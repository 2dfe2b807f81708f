import { resolve } from 'node:path';

/**
 * Who is calling the dispatcher, and so what a path in the input may mean (DESIGN §2, H4).
 *
 * - `http` (`attest serve`, a browser): bytes arrive only as uploads; a vault is named by a bare
 *   file name inside ATTEST_HOME. A local path is refused, whatever it names.
 * - `ipc` (the desktop window): a path is accepted only if the user picked it in a native dialog,
 *   dropped it on the window, or opened it before (the recent list) — main keeps the grants.
 * - `cli` (`attest …`, and main acting on its own command line): the person at the keyboard typed
 *   the path, so any path goes.
 */
export type Transport = 'http' | 'ipc' | 'cli';

export interface Caller {
  transport: Transport;
  /** IPC only: whether the user granted this path (dialog, drop, recent list). */
  isGranted?(path: string): boolean;
}

export const CLI_CALLER: Caller = { transport: 'cli' };
export const HTTP_CALLER: Caller = { transport: 'http' };

/** The paths the desktop user chose, as main saw them. Compared after resolving. */
export class GrantedPaths {
  private readonly paths = new Set<string>();

  grant(...paths: readonly string[]): void {
    for (const p of paths) if (p) this.paths.add(resolve(p));
  }

  has(path: string): boolean {
    return this.paths.has(resolve(path));
  }

  caller(extra?: (path: string) => boolean): Caller {
    return { transport: 'ipc', isGranted: (p) => this.has(p) || (extra?.(p) ?? false) };
  }
}
