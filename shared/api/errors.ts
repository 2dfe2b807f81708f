/**
 * The closed set of error codes that may cross a process boundary. Extend it here, deliberately,
 * never ad hoc at a call site: the UI maps each code to wording the user understands.
 */
export const ERROR_CODES = [
  'validation',
  'not_found',
  'conflict',
  'no_vault',
  'vault_locked',
  'vault_too_new',
  'not_a_vault',
  'not_a_package',
  'integrity',
  'io',
  'disk_full',
  'cancelled',
  /** The runtime host (the process that works on the vault) stopped; pending calls fail with it. */
  'host_stopped',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** One problem with an input field; `path` lets a form mark the field it belongs to. */
export interface ValidationIssue {
  path: string[];
  message: string;
}

/** The error as data: what crosses IPC and HTTP. Never carries a stack. */
export interface ApiError {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

export class AttestError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AttestError';
    this.code = code;
    this.details = details;
  }

  toApiError(): ApiError {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export function isAttestError(e: unknown): e is AttestError {
  return e instanceof AttestError;
}

export function validationError(issues: ValidationIssue[]): AttestError {
  const first = issues[0];
  const where = first && first.path.length > 0 ? `${first.path.join('.')}: ` : '';
  const message = first ? `${where}${first.message}` : 'Invalid input';
  return new AttestError('validation', message, issues);
}
