import { describe, expect, it } from 'vitest';
import { engagementNameFromFile, ensureVaultExtension, vaultPathFromArgv } from './vault-paths';

describe('vault paths', () => {
  it('adds the .attest extension when a save dialog left it off', () => {
    expect(ensureVaultExtension('/v/Acme')).toBe('/v/Acme.attest');
    expect(ensureVaultExtension('/v/Acme.attest')).toBe('/v/Acme.attest');
    expect(ensureVaultExtension('/v/Acme.ATTEST')).toBe('/v/Acme.ATTEST');
    expect(ensureVaultExtension('/v/Acme.2026')).toBe('/v/Acme.2026.attest');
  });

  it('names a new engagement after its file', () => {
    expect(engagementNameFromFile('/v/Acme Corp 2026.attest')).toBe('Acme Corp 2026');
    expect(engagementNameFromFile('/v/.attest')).toBe('New engagement');
  });

  it('finds the vault a launch asks for', () => {
    expect(vaultPathFromArgv(['/opt/Attest/attest', '/home/me/Acme.attest'], '/')).toBe(
      '/home/me/Acme.attest',
    );
    expect(
      vaultPathFromArgv(['electron', '.', '--inspect', 'clients/Acme.attest', '--x=y'], '/home/me'),
    ).toBe('/home/me/clients/Acme.attest');
    expect(vaultPathFromArgv(['/opt/Attest/attest', '--no-sandbox', 'notes.txt'], '/')).toBeNull();
    expect(vaultPathFromArgv(['/opt/Attest/Acme.attest'], '/')).toBeNull();
  });
});
