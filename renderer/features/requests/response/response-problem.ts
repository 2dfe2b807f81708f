import { toApiCallError } from '../../../api';
import { describeError } from '../../../app/error-wording';

export interface ResponseProblem {
  title: string;
  detail: string;
}

/**
 * A refusal in the words of what went wrong with the response. Attest's own message names the
 * problem (the package, the signature, the request) and says nothing was imported; the generic
 * wording of these codes speaks of the vault, which is not what failed here.
 */
export function responseProblem(e: unknown): ResponseProblem {
  const error = toApiCallError(e);
  const title: Partial<Record<typeof error.code, string>> = {
    conflict: 'This response is for a package this vault did not export',
    integrity: 'The response’s signature does not hold',
    validation: 'This is not an auditor’s response Attest can read',
    not_found: 'The response names something this vault does not have',
  };
  // A missing file, or a path a browser may not name, is not a problem of the response.
  const aboutFile =
    (error.code === 'not_found' && !error.message.startsWith('The response names')) ||
    error.issues.length > 0;
  const known = aboutFile ? undefined : title[error.code];
  if (known) return { title: known, detail: error.message };
  const wording = describeError(error);
  return { title: wording.title, detail: wording.detail ?? wording.advice };
}
