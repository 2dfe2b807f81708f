import { execFileSync } from 'node:child_process';
import { createHash, generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import {
  type AuditorResponse,
  RESPONSE_FORMAT,
  serializeResponseFile,
} from '../../../shared/domain/auditor/response';
import { signResponse } from '../../core/auditor/signature';
import { type Case, type Harness, fails, nextId, ok } from './harness';
import { exportedPackage } from './package.cases';
import { withRequests } from './requests.cases';

/** A vault with requests, its exported package, and a signed response to it on disk. */
async function respondedPackage(t: Harness) {
  const { byRef } = await withRequests(t);
  const { path: zip } = await exportedPackage(t);
  const manifestSha256 = createHash('sha256')
    .update(execFileSync('unzip', ['-p', zip, 'manifest.json']))
    .digest('hex');
  const response: AuditorResponse = {
    format: RESPONSE_FORMAT,
    package: { manifestSha256, engagement: 'Contract test' },
    auditor: { name: 'Dana Auditor', firm: 'Example LLP' },
    createdAt: '2026-12-04T10:00:00.000Z',
    items: [
      {
        id: 'status-0001',
        at: '2026-12-04T09:00:00.000Z',
        kind: 'status',
        requestRef: 'PBC-1',
        status: 'accepted',
      },
      {
        id: 'comment-001',
        at: '2026-12-04T09:01:00.000Z',
        kind: 'comment',
        requestRef: 'PBC-2',
        body: 'Contractors too, please.',
      },
      {
        id: 'request-001',
        at: '2026-12-04T09:02:00.000Z',
        kind: 'request',
        title: 'Firewall rules',
        description: '',
        criteria: ['CC6.6'],
        dueOn: '2026-12-31',
      },
    ],
  };
  const { privateKey } = generateKeyPairSync('ed25519');
  const path = join(t.home, `${nextId()}-response.json`);
  writeFileSync(path, serializeResponseFile(signResponse(response, privateKey)));

  return { byRef, response, privateKey, path };
}

export const auditorResponseCases = {
  'requests.importResponse': async (t) => {
    const { byRef, response, privateKey, path } = await respondedPackage(t);
    const result = await ok(t, 'requests.importResponse', { source: await t.source(path) });
    expect(result).toMatchObject({
      alreadyImported: false,
      itemsApplied: 3,
      attribution: 'Dana Auditor (Example LLP)',
    });
    expect(result.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect((await ok(t, 'requests.get', { id: byRef('PBC-1').id })).request.auditorStatus).toBe(
      'accepted',
    );
    const thread = (await ok(t, 'requests.get', { id: byRef('PBC-2').id })).comments;
    expect(thread.at(-1)).toMatchObject({
      source: 'auditor',
      author: 'Dana Auditor (Example LLP)',
      body: 'Contractors too, please.',
    });
    const added = (await ok(t, 'requests.list', { search: 'Firewall' })).items;
    expect(added).toEqual([
      expect.objectContaining({ ref: 'AUD-001', criteria: ['CC6.6'], dueOn: '2026-12-31' }),
    ]);

    const again = await ok(t, 'requests.importResponse', { source: await t.source(path) });
    expect(again).toMatchObject({
      alreadyImported: true,
      itemsApplied: 0,
      itemsAlreadyImported: 3,
      changes: [],
    });

    const tampered = join(t.home, `${nextId()}-tampered.json`);
    writeFileSync(
      tampered,
      serializeResponseFile(signResponse(response, privateKey)).replace('Contractors', 'Vendors'),
    );
    await fails(t, 'requests.importResponse', { source: await t.source(tampered) }, 'integrity');
    const junk = join(t.home, `${nextId()}-junk.json`);
    writeFileSync(junk, '{"response": 1}');
    await fails(t, 'requests.importResponse', { source: await t.source(junk) }, 'validation');
    // A path: missing for the desktop and the CLI; never read for a browser, which uploads.
    await fails(
      t,
      'requests.importResponse',
      { source: { path: join(t.home, 'no-such-response.json') } },
      t.transport === 'http' ? 'validation' : 'not_found',
    );
  },
  'requests.previewResponse': async (t) => {
    const { byRef, response, privateKey, path } = await respondedPackage(t);
    const preview = await ok(t, 'requests.previewResponse', { source: await t.source(path) });
    expect(preview).toMatchObject({
      engagement: 'Contract test',
      auditor: { name: 'Dana Auditor', firm: 'Example LLP', email: null },
      attribution: 'Dana Auditor (Example LLP)',
      alreadyImported: false,
      itemsNew: 3,
      itemsAlreadyImported: 0,
      counts: { status: 1, comment: 1, request: 1, sample: 0 },
    });
    expect(preview.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    // Nothing applied: the status is unset, no AUD request.
    expect((await ok(t, 'requests.get', { id: byRef('PBC-1').id })).request.auditorStatus).toBe(
      null,
    );
    expect((await ok(t, 'requests.list', { search: 'Firewall' })).items).toEqual([]);

    // The same key's fingerprint as the import reports; after it, nothing new.
    const imported = await ok(t, 'requests.importResponse', { source: await t.source(path) });
    expect(imported.fingerprint).toBe(preview.fingerprint);
    expect(await ok(t, 'requests.previewResponse', { source: await t.source(path) })).toMatchObject(
      { alreadyImported: true, itemsNew: 0, itemsAlreadyImported: 3 },
    );

    // Unsigned: no fingerprint, the label the threads will carry.
    const unsigned = join(t.home, `${nextId()}-unsigned.json`);
    const extra = { ...response.items[1]!, id: 'comment-002' } as AuditorResponse['items'][number];
    writeFileSync(
      unsigned,
      serializeResponseFile({ response: { ...response, items: [extra] }, signature: null }),
    );
    expect(
      await ok(t, 'requests.previewResponse', { source: await t.source(unsigned) }),
    ).toMatchObject({
      fingerprint: null,
      attribution: 'Dana Auditor, from an unsigned response naming Example LLP',
      itemsNew: 1,
    });

    // Refused as the import refuses them.
    const other = join(t.home, `${nextId()}-other.json`);
    const elsewhere = { ...response.package, manifestSha256: 'f'.repeat(64) };
    writeFileSync(
      other,
      serializeResponseFile(signResponse({ ...response, package: elsewhere }, privateKey)),
    );
    await fails(t, 'requests.previewResponse', { source: await t.source(other) }, 'conflict');
    const unknown = join(t.home, `${nextId()}-unknown.json`);
    const missing = { ...response.items[0]!, id: 'status-0099', requestRef: 'PBC-404' };
    writeFileSync(
      unknown,
      serializeResponseFile(
        signResponse({ ...response, items: [missing] as AuditorResponse['items'] }, privateKey),
      ),
    );
    await fails(t, 'requests.previewResponse', { source: await t.source(unknown) }, 'not_found');
    const tampered = join(t.home, `${nextId()}-tampered.json`);
    writeFileSync(
      tampered,
      serializeResponseFile(signResponse(response, privateKey)).replace('Contractors', 'Vendors'),
    );
    await fails(t, 'requests.previewResponse', { source: await t.source(tampered) }, 'integrity');
    const junk = join(t.home, `${nextId()}-junk.json`);
    writeFileSync(junk, '{"response": 1}');
    await fails(t, 'requests.previewResponse', { source: await t.source(junk) }, 'validation');
  },
} satisfies Record<string, Case>;
