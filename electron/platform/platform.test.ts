import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../testing/tmp';
import { attestHome, sharedHome } from './home';
import { fileLogger } from './logger';
import { forgetRecent, listRecent, rememberRecent } from './recent';

describe('ATTEST_HOME', () => {
  it('comes from the environment and is created when missing', () => {
    const dir = join(tempDir(), 'nested', 'home');
    expect(attestHome({ ATTEST_HOME: dir })).toBe(dir);
    expect(existsSync(dir)).toBe(true);
  });

  it('the folder the desktop app shares with the CLI is ~/Attest, whatever its own home is', () => {
    const user = tempDir();
    const desktopHome = attestHome({}, join(user, '.config', 'Attest'));
    expect(desktopHome).toBe(join(user, '.config', 'Attest'));
    expect(sharedHome({}, user)).toBe(join(user, 'Attest'));
    // Tests (and anyone who sets it) put everything in ATTEST_HOME.
    const dir = join(tempDir(), 'home');
    expect(sharedHome({ ATTEST_HOME: dir }, user)).toBe(dir);
  });
});

describe('the log', () => {
  it('rotates by size, keeps a bounded number of files, and redacts secret-looking fields', () => {
    const home = tempDir();
    const log = fileLogger(home, { maxBytes: 400, keep: 2 });
    for (let i = 0; i < 40; i++) log.info('event', { i, passphrase: 'hunter2' });
    const files = readdirSync(join(home, 'logs')).sort();
    expect(files).toEqual(['attest.log', 'attest.log.1', 'attest.log.2']);
    const all = files.map((f) => readFileSync(join(home, 'logs', f), 'utf8')).join('');
    expect(all).not.toContain('hunter2');
    expect(all).toContain('"passphrase":"[redacted]"');
    expect(all).toContain('"i":39');
  });
});

describe('recent vaults', () => {
  it('lists newest first, without duplicates or files that are gone', () => {
    const home = tempDir();
    const dir = tempDir();
    const a = join(dir, 'a.attest');
    const b = join(dir, 'b.attest');
    writeFileSync(a, '');
    writeFileSync(b, '');
    rememberRecent(home, { path: a, name: 'A', openedAt: '2026-01-01T00:00:00.000Z' });
    rememberRecent(home, { path: b, name: 'B', openedAt: '2026-01-02T00:00:00.000Z' });
    rememberRecent(home, { path: a, name: 'A', openedAt: '2026-01-03T00:00:00.000Z' });
    expect(listRecent(home).map((r) => r.name)).toEqual(['A', 'B']);
    forgetRecent(home, a);
    expect(listRecent(home).map((r) => r.name)).toEqual(['B']);
    rememberRecent(home, {
      path: join(dir, 'gone.attest'),
      name: 'Gone',
      openedAt: '2026-01-04T00:00:00.000Z',
    });
    expect(listRecent(home).map((r) => r.name)).toEqual(['B']);
  });

  it('survives a corrupt list file', () => {
    const home = tempDir();
    writeFileSync(join(home, 'recent-vaults.json'), '{not json');
    expect(listRecent(home)).toEqual([]);
  });
});
