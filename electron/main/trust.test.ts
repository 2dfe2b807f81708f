import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  isAppUrl,
  isPermissionGranted,
  isSafeExternalUrl,
  isTrustedSender,
} from './trust';

describe('isTrustedSender', () => {
  it.each([APP_ENTRY_URL, 'app://attest/', 'app://attest/index.html#/scope?x=1'])(
    'trusts %s',
    (url) => {
      expect(isTrustedSender(url)).toBe(true);
    },
  );

  it.each([
    'https://evil.example/',
    'http://attest/',
    'file:///home/me/index.html',
    'app://attest',
    'app://attest.evil/index.html',
    'app://attester/index.html',
    'app://evil/attest/',
    'data:text/html,<script>1</script>',
    'about:blank',
    '',
  ])('refuses %s', (url) => {
    expect(isTrustedSender(url)).toBe(false);
  });

  it('refuses values that are not strings', () => {
    expect(isTrustedSender(undefined as unknown as string)).toBe(false);
  });
});

describe('isAppUrl', () => {
  it('keeps navigation inside the app origin', () => {
    expect(isAppUrl('app://attest/index.html#/gaps')).toBe(true);
    expect(isAppUrl('https://attest/index.html')).toBe(false);
  });
});

describe('isSafeExternalUrl', () => {
  it.each(['https://www.aicpa-cima.com/', 'https://example.com/a?b=c#d'])('allows %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(true);
  });

  it.each([
    'http://example.com/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'smb://server/share',
    'ms-settings:privacy',
    'https://user:secret@example.com/',
    'https://user@example.com/',
    'app://attest/index.html',
    'not a url',
    '',
    `https://example.com/${'a'.repeat(3000)}`,
  ])('refuses %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(false);
  });
});

describe('isPermissionGranted', () => {
  it('grants only clipboard writes, and only to the app UI', () => {
    expect(isPermissionGranted('clipboard-sanitized-write', 'app://attest')).toBe(true);
    expect(isPermissionGranted('clipboard-sanitized-write', APP_ENTRY_URL)).toBe(true);
    expect(isPermissionGranted('clipboard-sanitized-write', 'https://evil.example')).toBe(false);
    expect(isPermissionGranted('clipboard-sanitized-write', 'app://attest.evil')).toBe(false);
    for (const p of ['clipboard-read', 'media', 'notifications', 'geolocation', 'openExternal']) {
      expect(isPermissionGranted(p, 'app://attest')).toBe(false);
    }
  });
});
