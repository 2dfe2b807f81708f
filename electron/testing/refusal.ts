import { AttestError } from '../../shared/api/errors';

/** The AttestError a call refuses with; fails the test when the call succeeds or throws otherwise. */
export function refusal(fn: () => unknown): AttestError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AttestError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}
