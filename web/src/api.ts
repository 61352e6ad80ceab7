/**
 * The one door to the HTTP API. Every call sends the session cookie
 * (`credentials: 'same-origin'`); every call that changes data sends the CSRF token the
 * session handed us. Answers are parsed with the server's own zod schemas (they are the
 * contract), so a drift between server and web shows as a clear error, not as a blank
 * cell. Failures become an `ApiError` carrying the server's problem+json (RFC 9457),
 * so screens can show its `detail` as is.
 */
import type { z } from 'zod';
import type { TProblem } from '../../src/shared/schemas.ts';

export type QueryValue = string | number | undefined;
export type QueryParams = Readonly<Record<string, QueryValue>>;
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type WriteMethod = Exclude<Method, 'GET'>;
type TProblemIssue = NonNullable<TProblem['issues']>[number];

/** An answer other than 2xx, with the problem the server described. */
export class ApiError extends Error {
  readonly problem: TProblem;

  constructor(problem: TProblem) {
    super(problem.detail === '' ? problem.title : problem.detail);
    this.name = 'ApiError';
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }
}

/** A 2xx answer that does not match the contract's schema: a server/web mismatch. */
export class ApiContractError extends Error {
  readonly url: string;
  readonly issues: readonly z.core.$ZodIssue[];

  constructor(url: string, issues: readonly z.core.$ZodIssue[]) {
    const first = issues[0];
    const where =
      first === undefined ? '' : ` at ${first.path.join('.') || '(root)'}: ${first.message}`;
    super(`Unexpected answer from ${url}${where}`);
    this.name = 'ApiContractError';
    this.url = url;
    this.issues = issues;
  }
}

export function isUnauthorized(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401;
}

let csrfToken: string | undefined;

/** Kept from the session (login or `/api/auth/me`); sent back on every write. */
export function rememberCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

export function buildUrl(path: string, query?: QueryParams): string {
  if (query === undefined) {
    return path;
  }
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') {
      params.set(key, String(value));
    }
  }
  const text = params.toString();
  return text === '' ? path : `${path}?${text}`;
}

export async function apiGet<S extends z.ZodType>(
  path: string,
  schema: S,
  query?: QueryParams,
  signal?: AbortSignal,
): Promise<z.output<S>> {
  const url = buildUrl(path, query);
  return parseAnswer(url, schema, await send('GET', url, undefined, signal));
}

export async function apiSend<S extends z.ZodType>(
  method: WriteMethod,
  path: string,
  schema: S,
  body?: unknown,
): Promise<z.output<S>> {
  return parseAnswer(path, schema, await send(method, path, body));
}

/** For answers without a body (204). */
export async function apiSendNoContent(
  method: WriteMethod,
  path: string,
  body?: unknown,
): Promise<void> {
  await send(method, path, body);
}

/**
 * For answers that are a file (a PDF made on the server by a write, such as a print batch):
 * the body as a Blob; a refusal is an `ApiError` like any other.
 */
export async function apiSendForFile(
  method: WriteMethod,
  path: string,
  body?: unknown,
): Promise<Blob> {
  return (await send(method, path, body)).blob();
}

async function send(
  method: Method,
  url: string,
  body: unknown,
  signal?: AbortSignal,
): Promise<Response> {
  // The server words its problems in the interface's language (i18n.ts keeps <html lang>).
  const headers = new Headers({
    accept: 'application/json',
    'accept-language': document.documentElement.lang || 'fr',
  });
  if (body !== undefined) {
    headers.set('content-type', 'application/json');
  }
  // Login is the one write sent before a token exists; the server does not ask it for one.
  if (method !== 'GET' && csrfToken !== undefined) {
    headers.set('x-csrf-token', csrfToken);
  }
  const init: RequestInit = { method, headers, credentials: 'same-origin' };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
  }
  if (signal !== undefined) {
    init.signal = signal;
  }
  const response = await fetch(url, init);
  if (!response.ok) {
    throw new ApiError(await readProblem(response));
  }
  return response;
}

async function parseAnswer<S extends z.ZodType>(
  url: string,
  schema: S,
  response: Response,
): Promise<z.output<S>> {
  const body: unknown = await response.json();
  const result = schema.safeParse(body);
  if (!result.success) {
    throw new ApiContractError(url, result.error.issues);
  }
  return result.data;
}

/** How much of an upload's body has gone out, in bytes. */
export type UploadProgress = { loaded: number; total: number };

export type UploadOptions = {
  query?: QueryParams;
  /** Told as the body goes out. */
  onProgress?: (progress: UploadProgress) => void;
  /** Told once the whole body is out: the server is at work on it. */
  onSent?: () => void;
  /** The body's type when the server checks it (a dispute's attachment); else octet-stream. */
  contentType?: string;
};

/**
 * Sends a file as the raw body of a POST (`application/octet-stream` unless told its type,
 * its name URI-encoded in `X-File-Name`), through XMLHttpRequest rather than fetch: only it
 * says how much of a body has gone out. The answer is parsed like any other; a refusal is an
 * `ApiError` whose problem keeps its extension members (a refused import's `report`).
 */
export function apiUpload<S extends z.ZodType>(
  path: string,
  schema: S,
  file: File,
  options: UploadOptions = {},
): Promise<z.output<S>> {
  const url = buildUrl(path, options.query);
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    // Same origin: the session cookie goes with it, as with `credentials: 'same-origin'`.
    request.open('POST', url);
    request.setRequestHeader('accept', 'application/json');
    request.setRequestHeader('accept-language', document.documentElement.lang || 'fr');
    request.setRequestHeader('content-type', options.contentType ?? 'application/octet-stream');
    request.setRequestHeader('x-file-name', encodeURIComponent(file.name));
    if (csrfToken !== undefined) {
      request.setRequestHeader('x-csrf-token', csrfToken);
    }
    request.upload.addEventListener('progress', (event) => {
      options.onProgress?.({
        loaded: event.loaded,
        total: event.lengthComputable ? event.total : file.size,
      });
    });
    request.upload.addEventListener('load', () => options.onSent?.());
    request.addEventListener('load', () => {
      const isJson = (request.getResponseHeader('content-type') ?? '').includes('json');
      let body: unknown;
      try {
        body = isJson ? JSON.parse(request.responseText) : undefined;
      } catch {
        body = undefined;
      }
      if (request.status < 200 || request.status >= 300) {
        reject(new ApiError(problemOf(request.status, request.statusText, body)));
        return;
      }
      const result = schema.safeParse(body);
      if (result.success) {
        resolve(result.data);
      } else {
        reject(new ApiContractError(url, result.error.issues));
      }
    });
    // No answer at all: the network failed, which `describeError` says as such.
    request.addEventListener('error', () => reject(new TypeError('Network error')));
    request.addEventListener('abort', () => reject(new TypeError('Upload aborted')));
    request.send(file);
  });
}

/** The problem a refused answer carries (also for the link pages' own fetches). */
export async function readProblem(response: Response): Promise<TProblem> {
  let body: unknown;
  if ((response.headers.get('content-type') ?? '').includes('json')) {
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }
  }
  return problemOf(response.status, response.statusText, body);
}

/**
 * The problem an answer describes, its members checked one by one; the members a problem
 * type adds (RFC 9457 §3.2) are kept as they are, for the screen that knows them.
 */
function problemOf(status: number, statusText: string, body: unknown): TProblem {
  const { type, title, detail, code, reason, params, issues, ...extensions } = isRecord(body)
    ? body
    : {};
  const problem: TProblem = {
    ...extensions,
    type: stringOr(type, 'about:blank'),
    title: stringOr(title, statusText),
    status,
    // Empty when the answer was not a problem (a proxy's HTML page): screens then say it their way.
    detail: stringOr(detail, ''),
    code: stringOr(code, 'http_error'),
  };
  if (typeof reason === 'string') {
    problem.reason = reason;
  }
  if (isParams(params)) {
    problem.params = params;
  }
  if (Array.isArray(issues)) {
    problem.issues = issues.filter(isIssue);
  }
  return problem;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isIssue(value: unknown): value is TProblemIssue {
  return (
    isRecord(value) &&
    typeof value['field'] === 'string' &&
    typeof value['code'] === 'string' &&
    typeof value['message'] === 'string' &&
    (value['line'] === undefined || typeof value['line'] === 'number') &&
    (value['params'] === undefined || isParams(value['params']))
  );
}

function isParams(value: unknown): value is Record<string, string | number> {
  return (
    isRecord(value) &&
    Object.values(value).every((entry) => typeof entry === 'string' || typeof entry === 'number')
  );
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}
