import { describe, expect, it } from 'vitest';
import { ApiCallError } from '../../../api';
import { responseProblem } from './response-problem';

const refused = (code: ApiCallError['code'], message: string, details?: unknown) =>
  new ApiCallError({ code, message, ...(details ? { details } : {}) });

describe('responseProblem', () => {
  it('names what is wrong with the response, keeping Attest’s own explanation', () => {
    const message =
      'This response answers a package this vault did not export (“Acme”, manifest 0123456789ab…). Nothing was imported.';
    expect(responseProblem(refused('conflict', message))).toEqual({
      title: 'This response is for a package this vault did not export',
      detail: message,
    });
    expect(
      responseProblem(refused('integrity', 'The response’s signature does not match.')),
    ).toMatchObject({ title: 'The response’s signature does not hold' });
    expect(
      responseProblem(refused('validation', 'This is not an auditor’s response…')),
    ).toMatchObject({ title: 'This is not an auditor’s response Attest can read' });
    expect(
      responseProblem(
        refused('not_found', 'The response names request PBC-9, which this vault does not have.'),
      ),
    ).toMatchObject({ title: 'The response names something this vault does not have' });
  });

  it('does not blame the response for a file that is gone', () => {
    const gone = responseProblem(refused('not_found', 'There is no file /tmp/r.json.'));
    expect(gone.title).not.toMatch(/response/);
    expect(gone.detail).toContain('/tmp/r.json');
  });
});
