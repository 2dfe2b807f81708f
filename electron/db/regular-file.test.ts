import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AttestError } from '../../shared/api/errors';
import { run } from '../cli/main';
import { closeVault, openVault } from '../core/vault/session';
import { vaultInfo } from '../core/vault/info';
import { captureIo, tempDir } from '../testing/tmp';
import { newTestVault } from '../testing/vaults';
import { putBlobFromFile } from './blobs';

const rescuers: ChildProcess[] = [];
const markers: string[] = [];
afterEach(() => {
  for (const child of rescuers.splice(0)) child.kill('SIGKILL');
  markers.length = 0;
});

/**
 * A named pipe: opening it without O_NONBLOCK waits for the other end forever, and a synchronous
 * open cannot be timed out from inside. So after a while a helper leaves a marker file and opens
 * both ends: code that blocked is released (reading an empty stream) and `released()` is true,
 * so the test fails instead of hanging the run.
 */
function mkfifo(path: string): string {
  execFileSync('mkfifo', [path]);
  const marker = `${path}.released`;
  markers.push(marker);
  const bothEnds = 'sleep 8; : > "$1"; (cat "$0" > /dev/null &); : > "$0"';
  rescuers.push(spawn('sh', ['-c', bothEnds, path, marker], { stdio: 'ignore' }));
  return path;
}

/** Whether any pipe had to be opened from the other end to let the code go on. */
function released(): boolean {
  return markers.some((m) => existsSync(m));
}

async function refusal(p: Promise<unknown>): Promise<AttestError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AttestError);
  return e as AttestError;
}

// Short timeouts on purpose: the bug was a hang, which must fail fast rather than wait a minute.
describe('only regular files are opened as vaults', () => {
  it('refuses a named pipe called x.attest at once, saying what it is', async () => {
    const fifo = mkfifo(join(tempDir(), 'x.attest'));
    const e = await refusal(openVault(fifo));
    expect(e.code).toBe('not_a_vault');
    expect(e.message).toBe(`${fifo} is a named pipe (FIFO), not an Attest vault.`);
    expect(released()).toBe(false);
  }, 20_000);

  it('refuses a folder called x.attest with a clear message, not an unexpected error', async () => {
    const folder = join(tempDir(), 'x.attest');
    mkdirSync(folder);
    const e = await refusal(openVault(folder));
    expect(e.code).toBe('not_a_vault');
    expect(e.message).toBe(`${folder} is a folder, not an Attest vault.`);
  });

  it('refuses a device', async () => {
    const e = await refusal(openVault('/dev/zero'));
    expect(e.code).toBe('not_a_vault');
    expect(e.message).toContain('is a device');
  }, 10_000);

  it('still opens a vault through a symbolic link', async () => {
    const dir = tempDir();
    closeVault(await newTestVault(dir));
    const alias = join(dir, 'alias.attest');
    symlinkSync(join(dir, 'test.attest'), alias);
    const vault = await openVault(alias);
    expect(vaultInfo(vault).engagement.name).toBe('Acme SOC 2 Type II 2026');
    closeVault(vault);
  });

  it('does not hang on a named pipe where the lock note goes', async () => {
    const dir = tempDir();
    closeVault(await newTestVault(dir));
    mkfifo(join(dir, 'test.attest.lock'));
    const vault = await openVault(join(dir, 'test.attest'));
    closeVault(vault);
    expect(released()).toBe(false);
  }, 20_000);

  it('attest info and attest verify exit 2 naming the pipe or folder, promptly', async () => {
    const dir = tempDir();
    mkfifo(join(dir, 'pipe.attest'));
    mkdirSync(join(dir, 'folder.attest'));
    for (const [command, file, what] of [
      ['verify', 'pipe.attest', 'is a named pipe (FIFO)'],
      ['info', 'pipe.attest', 'is a named pipe (FIFO)'],
      ['verify', 'folder.attest', 'is a folder'],
      ['info', 'folder.attest', 'is a folder'],
    ] as const) {
      const c = captureIo(dir);
      expect(await run([command, file], c.io)).toBe(2);
      expect(c.err).toContain(what);
      expect(c.err).not.toContain('unexpected');
    }
    expect(released()).toBe(false);
  }, 30_000);
});

describe('only regular files are stored', () => {
  it('refuses a named pipe, a folder and a device as a file to store, storing nothing', async () => {
    const dir = tempDir();
    const vault = await newTestVault(dir);
    const fifo = mkfifo(join(dir, 'evidence.pdf'));
    const folder = join(dir, 'a-folder');
    mkdirSync(folder);
    for (const [path, what] of [
      [fifo, 'is a named pipe (FIFO)'],
      [folder, 'is a folder'],
      ['/dev/zero', 'is a device'],
    ] as const) {
      const e = await refusal(putBlobFromFile(vault.db, path, { now: vault.now }));
      expect(e.code).toBe('validation');
      expect(e.message).toContain(`${path} ${what}`);
      expect(e.details).toEqual([{ path: ['source'], message: expect.any(String) }]);
    }
    expect(vault.db.sqlite.prepare('SELECT count(*) FROM blob').pluck().get()).toBe(0);
    expect(released()).toBe(false);
    // A symbolic link to a regular file is stored like the file.
    writeFileSync(join(dir, 'real.txt'), 'evidence');
    symlinkSync(join(dir, 'real.txt'), join(dir, 'link.txt'));
    const stored = await putBlobFromFile(vault.db, join(dir, 'link.txt'), { now: vault.now });
    expect(stored.size).toBe(8);
    closeVault(vault);
    expect(readdirSync(dir).sort()).toEqual(
      ['a-folder', 'evidence.pdf', 'link.txt', 'real.txt', 'test.attest'].sort(),
    );
  }, 20_000);
});
