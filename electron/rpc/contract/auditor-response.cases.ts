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
import { type Case, fails, nextId, ok } from './harness';
import { exportedPackage } from './package.cases';
import { withRequests } from './requests.cases';

export const auditorResponseCases = {
  'requests.importResponse': async (t) => {
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
    await fails(
      t,
      'requests.importResponse',
      { source: { path: 'no-such-response.json' } },
      'not_found',
    );
  },
} satisfies Record<string, Case>;
