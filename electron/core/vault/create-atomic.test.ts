import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { engagementInput } from '../../../shared/api/vault';
import { buildingPath } from '../../db/create';
import { spawnTs, waitForLine } from '../../testing/spawn';
import { fingerprintFile, tempDir } from '../../testing/tmp';
import { TYPE2_ENGAGEMENT } from '../../testing/vaults';
import { vaultInfo } from './info';
import { closeVault, createVault, openVault } from './session';

const ENGAGEMENT = engagementInput.parse(TYPE2_ENGAGEMENT);

async function rejection(p: Promise<unknown>) {
  return p.then(
    () => {
      throw new Error('expected a refusal');
    },
    (e: { code?: string; message: string }) => e,
  );
}

describe('creating a vault is atomic', () => {
  it('builds under a hidden temporary name and takes the target name only when whole', async () => {
    const dir = tempDir();
    const target = join(dir, 'acme.attest');
    let duringBuild: string[] = [];
    const vault = await createVault(target, ENGAGEMENT, {
      populate: (building) => {
        duringBuild = readdirSync(dir);
        expect(building.path).not.toBe(target);
        expect(existsSync(target)).toBe(false);
      },
    });
    // The file being built (and its journal), hidden, and nothing under the target's name.
    expect(duringBuild.length).toBeGreaterThan(0);
    for (const name of duringBuild) expect(name).toMatch(/^\.acme\.attest\.building-/);
    expect(vault.path).toBe(target);
    expect(vaultInfo(vault).engagement.name).toBe(ENGAGEMENT.name);
    closeVault(vault);
    expect(readdirSync(dir)).toEqual(['acme.attest']);
    closeVault(await openVault(target));
  });

  it('never replaces a file that appeared under the target name while it was being built', async () => {
    const dir = tempDir();
    const target = join(dir, 'acme.attest');
    const e = await rejection(
      createVault(target, ENGAGEMENT, {
        populate: () => writeFileSync(target, 'someone else’s notes'),
      }),
    );
    expect(e.code).toBe('conflict');
    expect(readFileSync(target, 'utf8')).toBe('someone else’s notes');
    expect(readdirSync(dir)).toEqual(['acme.attest']);
  });

  it('leaves nothing behind when building fails', async () => {
    const dir = tempDir();
    const e = await rejection(
      createVault(join(dir, 'acme.attest'), ENGAGEMENT, {
        populate: () => {
          throw new Error('the catalog could not be read');
        },
      }),
    );
    expect(e.message).toBe('the catalog could not be read');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('writes a half-built file that opening refuses as not a vault, leaving it untouched', async () => {
    const dir = tempDir();
    const half = join(dir, 'half.attest');
    const vault = await createVault(join(dir, 'acme.attest'), ENGAGEMENT, {
      // A snapshot of the file as it is mid-build (through SQLite: no descriptor on the file).
      populate: (building) => building.db.sqlite.backup(half).then(() => undefined),
    });
    closeVault(vault);
    const before = fingerprintFile(half);
    const e = await rejection(openVault(half));
    expect(e.code).toBe('not_a_vault');
    expect(fingerprintFile(half)).toBe(before);
  });

  it('clears temporary files left by a creator that died, and keeps those of a live one', async () => {
    const dir = tempDir();
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    const stale = buildingPath(join(dir, 'old.attest'), dead);
    writeFileSync(stale, 'half a vault');
    writeFileSync(`${stale}-journal`, 'its journal');
    const live = spawnTs('electron/testing/hold-stdin.ts', []);
    try {
      await waitForLine(live, /^ready$/);
      const running = buildingPath(join(dir, 'busy.attest'), live.pid!);
      writeFileSync(running, 'being built right now');
      closeVault(await createVault(join(dir, 'acme.attest'), ENGAGEMENT));
      expect(readdirSync(dir).sort()).toEqual(
        ['acme.attest', running.slice(dir.length + 1)].sort(),
      );
    } finally {
      live.stdin!.end();
      await new Promise((r) => live.on('exit', r));
    }
  });
});
