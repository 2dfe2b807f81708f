import type { ApiError, ErrorCode, ValidationIssue } from '../../shared/api/errors';

/** An error envelope from the contract, thrown by `api.call` and `api.runJob`. */
export class ApiCallError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
    this.code = error.code;
    this.details = error.details;
  }

  /** The field problems of a `validation` error (`[{ path, message }]`), else none. */
  get issues(): ValidationIssue[] {
    if (this.code !== 'validation' || !Array.isArray(this.details)) return [];
    return this.details.filter(
      (d): d is ValidationIssue =>
        typeof d === 'object' &&
        d !== null &&
        Array.isArray((d as ValidationIssue).path) &&
        typeof (d as ValidationIssue).message === 'string',
    );
  }
}

export function isApiCallError(e: unknown): e is ApiCallError {
  return e instanceof ApiCallError;
}

/** Anything thrown, as an ApiCallError (unknown failures become `internal`, without a stack). */
export function toApiCallError(e: unknown): ApiCallError {
  if (isApiCallError(e)) return e;
  return new ApiCallError({
    code: 'internal',
    message: 'Something went wrong in this window. Reload it and try again.',
  });
}
