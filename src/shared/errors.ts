import type { Language } from './language.ts';
import {
  findMessage,
  messageOf,
  type MessageCode,
  type MessageParams,
} from './messages/catalogue.ts';

/**
 * Typed domain errors with stable codes. Services throw these; the edges (HTTP,
 * CLI) map them once, through `errorStatus`, to a status and an exit code.
 */

/**
 * One reason an input was refused: which field (and line, for files), and why. `code`
 * is stable; with `params`, it is a code of the message catalogue and `message` its
 * English sentence, which each edge says again in the reader's language
 * (`issueMessage`). Without `params`, `message` is the only wording there is.
 */
export type Issue = {
  field: string;
  code: string;
  message: string;
  line?: number;
  params?: MessageParams;
};

export const ERROR_CODES = {
  /** The thing asked for does not exist in the caller's company (never "exists elsewhere"). */
  not_found: { httpStatus: 404, exitCode: 4 },
  /** The input breaks a rule; `issues` says which field and why. */
  invalid: { httpStatus: 400, exitCode: 2 },
  /** The request is well formed but clashes with stored state (duplicate number, over-allocation). */
  conflict: { httpStatus: 409, exitCode: 5 },
  /** Authenticated, but the role does not allow it. */
  forbidden: { httpStatus: 403, exitCode: 6 },
  /** No valid session or token. */
  unauthorized: { httpStatus: 401, exitCode: 6 },
  /** Too many wrong passwords (sign-in, password change); the answer says when to try again. */
  rate_limited: { httpStatus: 429, exitCode: 7 },
  /**
   * The embedded database is held by another process (ADR 8): refused before
   * anything is read or written. HTTP never meets it (the server holds the lock).
   */
  database_in_use: { httpStatus: 503, exitCode: 8 },
  /**
   * The audit trail fails its check (`encaisse audit verify`): an event was changed,
   * removed or added outside the chain. The stored data is at fault, not the request.
   */
  audit_broken: { httpStatus: 500, exitCode: 9 },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/**
 * An aborted use case. `code` says what kind of failure it is (and so the HTTP status and
 * the exit code); `reason` is its stable, precise code in the message catalogue and
 * `params` the values its sentence names. `message` is that sentence in English, for logs.
 */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly reason: MessageCode;
  readonly params: MessageParams;
  readonly issues: readonly Issue[];

  constructor(
    code: ErrorCode,
    reason: MessageCode,
    params: MessageParams = {},
    issues: readonly Issue[] = [],
    options?: ErrorOptions,
  ) {
    super(messageOf('en', reason, params), options);
    this.name = 'DomainError';
    this.code = code;
    this.reason = reason;
    this.params = params;
    this.issues = issues;
  }
}

/** What a `NotFoundError` can be about; each has its `<entity>_not_found` message. */
export type NotFoundEntity =
  | 'company'
  | 'user'
  | 'api_token'
  | 'customer'
  | 'invoice'
  | 'credit_note'
  | 'payment'
  | 'allocation'
  | 'bank_line'
  | 'dunning_scenario'
  | 'dunning_template'
  | 'dunning_action'
  | 'sales_order';

export class NotFoundError extends DomainError {
  constructor(entity: NotFoundEntity, key: string) {
    super('not_found', `${entity}_not_found`, { key });
    this.name = 'NotFoundError';
  }
}

export class InvalidError extends DomainError {
  constructor(reason: MessageCode, params: MessageParams = {}, issues: readonly Issue[] = []) {
    super('invalid', reason, params, issues);
    this.name = 'InvalidError';
  }
}

export class ConflictError extends DomainError {
  constructor(
    reason: MessageCode,
    params: MessageParams = {},
    issues: readonly Issue[] = [],
    options?: ErrorOptions,
  ) {
    super('conflict', reason, params, issues, options);
    this.name = 'ConflictError';
  }
}

export class ForbiddenError extends DomainError {
  constructor(reason: MessageCode = 'action_forbidden', params: MessageParams = {}) {
    super('forbidden', reason, params);
    this.name = 'ForbiddenError';
  }
}

export class UnauthorizedError extends DomainError {
  constructor(reason: MessageCode = 'sign_in_first', params: MessageParams = {}) {
    super('unauthorized', reason, params);
    this.name = 'UnauthorizedError';
  }
}

export class RateLimitedError extends DomainError {
  /** Seconds until an attempt is accepted again (HTTP `Retry-After`). */
  readonly retryAfterSeconds: number;

  constructor(retryAfterSeconds: number) {
    super('rate_limited', 'too_many_attempts', { seconds: retryAfterSeconds });
    this.name = 'RateLimitedError';
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export class AuditTrailBrokenError extends DomainError {
  constructor(companies: readonly string[]) {
    super('audit_broken', 'audit_trail_broken', { companies: companies.join(', ') });
    this.name = 'AuditTrailBrokenError';
  }
}

/** An issue whose sentence is the catalogue's `code`, said with `params`. */
export function fieldIssue(
  field: string,
  code: MessageCode,
  params: MessageParams = {},
  line?: number,
): Issue {
  return {
    field,
    code,
    message: messageOf('en', code, params),
    params,
    ...(line === undefined ? {} : { line }),
  };
}

/** Builds an `InvalidError` for a single field: the issue's code is the error's reason. */
export function invalidField(
  field: string,
  code: MessageCode,
  params: MessageParams = {},
): InvalidError {
  return new InvalidError(code, params, [fieldIssue(field, code, params)]);
}

/** An issue's sentence in `language`, from the catalogue when it has the code. */
export function issueMessage(language: Language, issue: Issue): string {
  return issue.params === undefined
    ? issue.message
    : (findMessage(language, issue.code, issue.params) ?? issue.message);
}

/** An error's sentence in `language`. */
export function errorMessage(language: Language, error: DomainError): string {
  return messageOf(language, error.reason, error.params);
}
