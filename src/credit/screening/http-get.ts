/**
 * One JSON GET to a public source or a provider, for the screen's adapters
 * (http-sources.ts): a timeout on the whole exchange, and every way it can fail turned
 * into a typed failure with an issue, never an exception (HTTP statuses included).
 */
import { fieldIssue, type Issue } from '../../shared/errors.ts';

/**
 * Why a source gave no answer:
 * - `unreachable`: no connection, no answer within the timeout, or a 5xx (the source is down);
 * - `unauthorized`: 401 or 403, the token is missing, wrong or without the right;
 * - `rate_limited`: 429, too many requests (the issue says the `Retry-After` when given);
 * - `bad_answer`: an answer that is not what the source documents (status, JSON, fields).
 */
export type SourceFailureKind = 'unreachable' | 'unauthorized' | 'rate_limited' | 'bad_answer';

/** A lookup's outcome: the source's answer, or why there is none (with its HTTP status, if any). */
export type SourceLookup<T> =
  | { ok: true; answer: T }
  | { ok: false; failure: SourceFailureKind; httpStatus: number | null; issues: Issue[] };

/** A failure of a lookup. */
export type SourceFailure = Extract<SourceLookup<never>, { ok: false }>;

/** The `fetch` the adapters call: the global one, or a test's. */
export type Fetch = typeof globalThis.fetch;

/** How long a lookup waits for the whole answer, by default: a screen is asked for by a person waiting. */
export const DEFAULT_SOURCE_TIMEOUT_MS = 5000;

/** What `getText` returns when the source answered with a status the caller reads itself. */
export type HttpAnswer = { ok: true; status: number; text: string };

/**
 * A failure of `kind` from `source`, said by one issue: `detail` is the reason in words
 * (for `rate_limited`, the delay asked; for `unauthorized`, unused: the status says it).
 */
export function sourceFailure(
  source: string,
  failure: SourceFailureKind,
  httpStatus: number | null,
  detail: string,
): SourceFailure {
  const status = httpStatus ?? '';
  const issue = (() => {
    switch (failure) {
      case 'unreachable':
        return fieldIssue('source', 'source_unreachable', { source, detail });
      case 'unauthorized':
        return fieldIssue('source', 'source_unauthorized', { source, status });
      case 'rate_limited':
        return fieldIssue('source', 'source_rate_limited', { source, retryAfter: detail });
      case 'bad_answer':
        return fieldIssue('source', 'source_bad_answer', { source, status, detail });
    }
  })();
  return { ok: false, failure, httpStatus, issues: [issue] };
}

/** Why fetch failed, in words: its own message, and the system's code when it has one. */
function describeError(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && error.name === 'TimeoutError') {
    return `no answer within ${timeoutMs / 1000} s`;
  }
  // fetch says `fetch failed`; its cause says why (ECONNREFUSED, ENOTFOUND).
  const cause = (error as { cause?: { code?: unknown } }).cause;
  const message = error instanceof Error ? error.message : String(error);
  return typeof cause?.code === 'string' ? `${message} (${cause.code})` : message;
}

/**
 * GETs `url` with `headers` and reads the whole body as text, within `timeoutMs` (the
 * AbortSignal covers the body too, so a source that sends headers and then stalls times
 * out as well). Statuses: 401, 403 → `unauthorized`; 429 → `rate_limited`; 5xx →
 * `unreachable`; any other is the caller's to read.
 */
export async function getText(
  url: string,
  headers: Record<string, string>,
  options: { source: string; fetch: Fetch; timeoutMs: number },
): Promise<HttpAnswer | SourceFailure> {
  try {
    const response = await options.fetch(url, {
      headers: { accept: 'application/json', ...headers },
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    const text = await response.text();
    const { status } = response;
    if (status === 401 || status === 403) {
      return sourceFailure(options.source, 'unauthorized', status, `HTTP ${status}`);
    }
    if (status === 429) {
      const retryAfter = response.headers.get('retry-after');
      const detail = retryAfter === null ? 'no delay given' : `Retry-After: ${retryAfter}`;
      return sourceFailure(options.source, 'rate_limited', status, detail);
    }
    if (status >= 500) {
      return sourceFailure(options.source, 'unreachable', status, `HTTP ${status}`);
    }
    return { ok: true, status, text };
  } catch (error) {
    return sourceFailure(
      options.source,
      'unreachable',
      null,
      describeError(error, options.timeoutMs),
    );
  }
}

/** The JSON of a body, or a `bad_answer` failure when it is not JSON. */
export function parseJsonBody(
  text: string,
  source: string,
  status: number,
): { ok: true; body: unknown } | SourceFailure {
  try {
    return { ok: true, body: JSON.parse(text) as unknown };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return sourceFailure(source, 'bad_answer', status, `not JSON: ${detail}`);
  }
}
