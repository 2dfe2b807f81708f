import { describe, expect, it } from 'vitest';
import { resolveStaticPath } from './static-path';

describe('resolveStaticPath', () => {
  const root = '/srv/ui';
  it.each([
    ['/', '/srv/ui/index.html'],
    ['/index.html', '/srv/ui/index.html'],
    ['/assets/app-1234.js', '/srv/ui/assets/app-1234.js'],
    ['/assets/a%20b.css', '/srv/ui/assets/a b.css'],
    ['/index.html?x=1#y', '/srv/ui/index.html'],
  ])('maps %s inside the root', (url, expected) => {
    expect(resolveStaticPath(root, url)).toBe(expected);
  });

  it.each([
    '/../etc/passwd',
    '/assets/../../etc/passwd',
    '/%2e%2e/secret',
    '/..%2fsecret',
    '/a%00b',
    '/a\\b',
    '/%E0%A4%A',
  ])('refuses %s', (url) => {
    expect(resolveStaticPath(root, url)).toBeNull();
  });
});
