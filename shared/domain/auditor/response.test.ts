import { describe, expect, it } from 'vitest';
import {
  RESPONSE_FORMAT,
  type AuditorResponse,
  responseFileSchema,
  responseSchema,
} from './response';
import { responseSignedText } from './response-signed-text';

const response: AuditorResponse = {
  format: RESPONSE_FORMAT,
  package: { manifestSha256: 'a'.repeat(64), engagement: 'Acme SOC 2' },
  auditor: { name: 'Dana Auditor', firm: 'Example LLP' },
  createdAt: '2026-12-04T10:00:00.000Z',
  items: [
    {
      id: 'item-0001',
      at: '2026-12-04T09:00:00.000Z',
      kind: 'status',
      requestRef: 'PBC-001',
      status: 'accepted',
    },
  ],
};

describe('the response format', () => {
  it('signs the same bytes whatever order the keys were written in', () => {
    const reordered = JSON.parse(
      `{"items":${JSON.stringify(response.items)},"createdAt":"${response.createdAt}","auditor":{"firm":"Example LLP","name":"Dana Auditor"},"package":${JSON.stringify(response.package)},"format":"${RESPONSE_FORMAT}"}`,
    ) as AuditorResponse;
    expect(responseSignedText(reordered)).toEqual(responseSignedText(response));
    expect(responseSignedText(response)).toMatch(/^\{"auditor":/);
  });

  it('keeps values exactly as written (nothing signed is rewritten on the way in)', () => {
    const spaced = { ...response, auditor: { name: ' Dana ', firm: 'Example LLP' } };
    expect(responseSchema.parse(spaced).auditor.name).toBe(' Dana ');
  });

  it('refuses unknown keys, repeated item ids, another format and a comment on two things', () => {
    expect(responseSchema.safeParse({ ...response, extra: 1 }).success).toBe(false);
    expect(
      responseSchema.safeParse({ ...response, items: [response.items[0], response.items[0]] })
        .success,
    ).toBe(false);
    expect(responseSchema.safeParse({ ...response, format: 'attest-response/2' }).success).toBe(
      false,
    );
    const both = {
      id: 'item-0002',
      at: '2026-12-04T09:00:00.000Z',
      kind: 'comment',
      requestRef: 'PBC-001',
      evidenceId: 'EV-0001',
      body: 'x',
    };
    expect(responseSchema.safeParse({ ...response, items: [both] }).success).toBe(false);
    expect(responseFileSchema.safeParse({ response, signature: null }).success).toBe(true);
  });
});
