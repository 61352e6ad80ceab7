/**
 * Typed domain errors with stable codes. Services throw these; the edges (HTTP,
 * CLI) map them once, through `errorStatus`, to a status and an exit code.
 */

/** One reason an input was refused: which field (and line, for files), and why. */
export type Issue = {
  field: string;
  code: string;
  message: string;
  line?: number;
};

export const ERROR_CODES = {
  /** The thing asked for does not exist in the caller's company (never "exists elsewhere"). */
  not_found: { httpStatus: 404, exitCode: 4, title: 'Not found' },
  /** The input breaks a rule; `issues` says which field and why. */
  invalid: { httpStatus: 400, exitCode: 2, title: 'Invalid input' },
  /** The request is well formed but clashes with stored state (duplicate number, over-allocation). */
  conflict: { httpStatus: 409, exitCode: 5, title: 'Conflict' },
  /** Authenticated, but the role does not allow it. */
  forbidden: { httpStatus: 403, exitCode: 6, title: 'Forbidden' },
  /** No valid session or token. */
  unauthorized: { httpStatus: 401, exitCode: 6, title: 'Unauthorized' },
  /** Too many wrong passwords (sign-in, password change); the answer says when to try again. */
  rate_limited: { httpStatus: 429, exitCode: 7, title: 'Too many requests' },
  /**
   * The embedded database is held by another process (ADR 8): refused before
   * anything is read or written. HTTP never meets it (the server holds the lock).
   */
  database_in_use: { httpStatus: 503, exitCode: 8, title: 'Database in use' },
  /**
   * The audit trail fails its check (`encaisse audit verify`): an event was changed,
   * removed or added outside the chain. The stored data is at fault, not the request.
   */
  audit_broken: { httpStatus: 500, exitCode: 9, title: 'Audit trail broken' },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly issues: readonly Issue[];

  constructor(
    code: ErrorCode,
    message: string,
    issues: readonly Issue[] = [],
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'DomainError';
    this.code = code;
    this.issues = issues;
  }
}

export class NotFoundError extends DomainError {
  constructor(entity: string, key: string) {
    super('not_found', `${entity} ${key} not found`);
    this.name = 'NotFoundError';
  }
}

export class InvalidError extends DomainError {
  constructor(message: string, issues: readonly Issue[] = []) {
    super('invalid', message, issues);
    this.name = 'InvalidError';
  }
}

export class ConflictError extends DomainError {
  constructor(message: string, issues: readonly Issue[] = [], options?: ErrorOptions) {
    super('conflict', message, issues, options);
    this.name = 'ConflictError';
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'Your role does not allow this action') {
    super('forbidden', message);
    this.name = 'ForbiddenError';
  }
}

export class UnauthorizedError extends DomainError {
  constructor(message = 'Sign in first') {
    super('unauthorized', message);
    this.name = 'UnauthorizedError';
  }
}

export class RateLimitedError extends DomainError {
  /** Seconds until an attempt is accepted again (HTTP `Retry-After`). */
  readonly retryAfterSeconds: number;

  constructor(message: string, retryAfterSeconds: number) {
    super('rate_limited', message);
    this.name = 'RateLimitedError';
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export class AuditTrailBrokenError extends DomainError {
  constructor(message: string) {
    super('audit_broken', message);
    this.name = 'AuditTrailBrokenError';
  }
}

/** Builds an `InvalidError` for a single field. */
export function invalidField(field: string, message: string, code = 'invalid'): InvalidError {
  return new InvalidError(message, [{ field, code, message }]);
}
