// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../shared/api/errors';
import { describeError } from './error-wording';

describe('describeError', () => {
  it('has words for every error code, never the code itself', () => {
    for (const code of ERROR_CODES) {
      const w = describeError({ code, message: '' });
      expect(w.title.length).toBeGreaterThan(5);
      expect(w.advice.length).toBeGreaterThan(5);
      expect(`${w.title} ${w.advice}`).not.toContain(code.includes('_') ? code : '§');
    }
  });

  it('says what a not-a-vault file is and what to do', () => {
    const w = describeError({
      code: 'not_a_vault',
      message: '/home/me/bad.attest is not an Attest vault (not a database file)',
    });
    expect(w.title).toBe('This file is not an Attest vault');
    expect(w.advice).toMatch(/Choose another file/);
    expect(w.detail).toContain('bad.attest');
  });

  it('explains a locked vault and a vault from a newer Attest', () => {
    expect(describeError({ code: 'vault_locked', message: 'x' }).title).toMatch(
      /open in another window or program/,
    );
    expect(describeError({ code: 'vault_too_new', message: 'x' }).advice).toMatch(
      /Update Attest to open it/,
    );
  });

  it('leaves out a detail that only repeats the title', () => {
    const w = describeError({
      code: 'internal',
      message: 'Something went wrong inside Attest. The details are in the log.',
    });
    expect(w.detail).toBeNull();
  });
});
