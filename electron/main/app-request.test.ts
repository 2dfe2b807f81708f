import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../platform/csp';
import {
  BLOB_CONTENT_SECURITY_POLICY,
  blobHeaders,
  contentDisposition,
  errorHeaders,
  packageFileHeaders,
  routeAppRequest,
  uiHeaders,
} from './app-request';

const root = '/opt/attest/dist/renderer';

describe('routeAppRequest', () => {
  it.each([
    ['app://attest/', `${root}/index.html`],
    ['app://attest/index.html', `${root}/index.html`],
    ['app://attest/assets/index-abc.js?v=1', `${root}/assets/index-abc.js`],
  ])('serves %s from the built UI', (url, file) => {
    expect(routeAppRequest(url, 'GET', root)).toEqual({ kind: 'ui', file });
  });

  it.each([
    'app://attest/..%2f..%2fetc/passwd',
    'app://attest/a%00b',
    'app://evil/index.html',
    'app://attest.evil/index.html',
    'https://attest/index.html',
    'file:///etc/passwd',
    'app://attest/blob/0',
    'app://attest/blob/-1',
    'app://attest/blob/abc',
    'app://attest/blob/1/2',
    'app://attest/blob/99999999999999999',
    'not a url',
  ])('refuses %s', (url) => {
    expect(routeAppRequest(url, 'GET', root)).toEqual({ kind: 'not_found' });
  });

  it('never leaves the UI root, whatever dot segments the URL carries', () => {
    for (const url of ['app://attest/%2e%2e/%2e%2e/etc/passwd', 'app://attest/../../etc/passwd']) {
      const route = routeAppRequest(url, 'GET', root);
      if (route.kind === 'ui') expect(route.file.startsWith(`${root}/`)).toBe(true);
      else expect(route.kind).toBe('not_found');
    }
  });

  it('only answers GET and HEAD', () => {
    expect(routeAppRequest('app://attest/index.html', 'HEAD', root).kind).toBe('ui');
    expect(routeAppRequest('app://attest/index.html', 'POST', root)).toEqual({
      kind: 'method_not_allowed',
    });
  });

  it('routes a blob with its display name and disposition', () => {
    expect(routeAppRequest('app://attest/blob/42', 'GET', root)).toEqual({
      kind: 'blob',
      blobId: 42,
      fileName: null,
      download: false,
    });
    expect(
      routeAppRequest(
        'app://attest/blob/7?name=..%2F..%2Fsecret%2FQ3%20report.pdf&download=1',
        'GET',
        root,
      ),
    ).toEqual({ kind: 'blob', blobId: 7, fileName: 'Q3 report.pdf', download: true });
  });
});

describe('response headers', () => {
  it('sends the CSP and security headers with UI files and errors', () => {
    expect(uiHeaders('/x/index.html')).toMatchObject({
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
    });
    expect(errorHeaders()['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it('serves stored bytes inert, typed, named and uncached', () => {
    const h = blobHeaders({ blobId: 3, size: 10, fileName: 'Access review.pdf', download: false });
    expect(h).toMatchObject({
      'Content-Type': 'application/pdf',
      'Content-Length': '10',
      'Content-Disposition': `inline; filename="Access review.pdf"; filename*=UTF-8''Access%20review.pdf`,
      'Content-Security-Policy': BLOB_CONTENT_SECURITY_POLICY,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    expect(BLOB_CONTENT_SECURITY_POLICY).toMatch(/^sandbox;/);
    expect(blobHeaders({ blobId: 3, size: 1, fileName: null, download: true })).toMatchObject({
      'Content-Type': 'application/octet-stream',
      'Content-Disposition': expect.stringMatching(/^attachment; filename="file-3"/),
    });
  });

  it('encodes names outside ASCII and quotes safely', () => {
    expect(contentDisposition('attachment', 'Prüfung "final".docx')).toBe(
      `attachment; filename="Pr_fung _final_.docx"; filename*=UTF-8''Pr%C3%BCfung%20%22final%22.docx`,
    );
  });
});

describe('package files over app://', () => {
  it('routes a package path, decoded, for the runtime to check against the manifest', () => {
    expect(
      routeAppRequest(
        'app://attest/package-file/04_Evidence/AC-01/EV-1_a%20b.pdf?download=1',
        'GET',
        root,
      ),
    ).toEqual({ kind: 'package-file', path: '04_Evidence/AC-01/EV-1_a b.pdf', download: true });
    expect(routeAppRequest('app://attest/package-file/%E0%A4%A', 'GET', root)).toEqual({
      kind: 'not_found',
    });
    expect(routeAppRequest('app://attest/package-file/', 'GET', root)).toEqual({
      kind: 'not_found',
    });
  });

  it('shows only safe types inline, sandboxed and never cached', () => {
    const pdf = packageFileHeaders({ fileName: 'EV-1.pdf', size: 3, download: false });
    expect(pdf['Content-Disposition']).toMatch(/^inline;/);
    expect(pdf['Content-Security-Policy']).toBe(BLOB_CONTENT_SECURITY_POLICY);
    expect(pdf['Cache-Control']).toBe('no-store');
    expect(
      packageFileHeaders({ fileName: 'index.html', size: 3, download: false })[
        'Content-Disposition'
      ],
    ).toMatch(/^attachment;/);
    expect(
      packageFileHeaders({ fileName: 'EV-1.pdf', size: 3, download: true })['Content-Disposition'],
    ).toMatch(/^attachment;/);
  });
});
