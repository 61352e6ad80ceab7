/**
 * The way the pages opened by a link without an account (the customer's portal `/portail`,
 * the department's answer `/reponse`) talk to the API. The link's token is in the URL's
 * fragment (`#…`), which a browser never sends to a server nor writes in a referrer; it is
 * read once from there, kept in memory only (no storage, no cookie), and sent in the
 * `X-Access-Token` header of each request — never in a URL, where logs would keep it.
 * Requests carry no cookie (`credentials: 'omit'`): a collector signed in on the same
 * browser must not lend the page their session. Answers are parsed with the server's own
 * zod schemas, and refusals become the same `ApiError` as everywhere else.
 */
import { useState } from 'react';
import type { z } from 'zod';
import { ApiContractError, ApiError, readProblem } from '../../api.ts';

/** The token in a link's fragment (`#abc…`), or undefined when there is none worth sending. */
export function tokenFromHash(hash: string): string | undefined {
  // Tokens are base64url, which needs no escaping: anything else cannot be one. A token
  // cut short or altered is still sent, for the server to say which (`link_invalid`).
  const token = hash.replace(/^#/, '').trim();
  return /^[A-Za-z0-9_-]{16,200}$/.test(token) ? token : undefined;
}

/** The link's token, read once from the fragment of the address the page was opened with. */
export function useLinkToken(): string | undefined {
  const [token] = useState(() => tokenFromHash(window.location.hash));
  return token;
}

/** The refusals that say the link itself is no good (unknown, tampered, expired, revoked). */
export function isDeadLink(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401;
}

function linkHeaders(token: string, extra: Record<string, string> = {}): Headers {
  return new Headers({
    accept: 'application/json',
    // The server words its problems in the page's language (i18n.ts keeps <html lang>).
    'accept-language': document.documentElement.lang || 'fr',
    'x-access-token': token,
    ...extra,
  });
}

async function sendWithToken(url: string, init: RequestInit): Promise<Response> {
  const response = await fetch(url, { ...init, credentials: 'omit', cache: 'no-store' });
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
  const result = schema.safeParse(await response.json());
  if (!result.success) {
    throw new ApiContractError(url, result.error.issues);
  }
  return result.data;
}

/** A GET with the link's token, its answer parsed by `schema`. */
export async function linkGet<S extends z.ZodType>(
  token: string,
  url: string,
  schema: S,
  signal?: AbortSignal,
): Promise<z.output<S>> {
  const init: RequestInit = { method: 'GET', headers: linkHeaders(token) };
  if (signal !== undefined) {
    init.signal = signal;
  }
  return parseAnswer(url, schema, await sendWithToken(url, init));
}

/** A JSON POST with the link's token, its answer parsed by `schema`. */
export async function linkPost<S extends z.ZodType>(
  token: string,
  url: string,
  schema: S,
  body: unknown,
): Promise<z.output<S>> {
  const init: RequestInit = {
    method: 'POST',
    headers: linkHeaders(token, { 'content-type': 'application/json' }),
    body: JSON.stringify(body),
  };
  return parseAnswer(url, schema, await sendWithToken(url, init));
}

/**
 * A file as the raw body of a POST, with its type as `Content-Type` (the server checks the
 * bytes against it) and its name URI-encoded in `X-File-Name`.
 */
export async function linkUpload<S extends z.ZodType>(
  token: string,
  url: string,
  schema: S,
  file: File,
  contentType: string,
): Promise<z.output<S>> {
  const init: RequestInit = {
    method: 'POST',
    headers: linkHeaders(token, {
      'content-type': contentType,
      'x-file-name': encodeURIComponent(file.name),
    }),
    body: file,
  };
  return parseAnswer(url, schema, await sendWithToken(url, init));
}

/** The file name a download's `Content-Disposition` gives (RFC 6266), else `fallback`. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (disposition === null) {
    return fallback;
  }
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (extended !== undefined) {
    try {
      return decodeURIComponent(extended);
    } catch {
      // A malformed escape: the plain name, if any, will do.
    }
  }
  return /filename="?([^";]+)"?/i.exec(disposition)?.[1] ?? fallback;
}

/**
 * Fetches a file with the link's token and hands it to the browser as a download: a plain
 * `<a href>` cannot carry the header, and the token must not go into a URL.
 */
export async function linkDownload(
  token: string,
  url: string,
  fallbackName: string,
): Promise<void> {
  const response = await sendWithToken(url, { method: 'GET', headers: linkHeaders(token) });
  const name = fileNameOf(response.headers.get('content-disposition'), fallbackName);
  const objectUrl = URL.createObjectURL(await response.blob());
  try {
    const anchor = document.createElement('a');
    anchor.href = objectUrl;
    anchor.download = name;
    document.body.append(anchor);
    anchor.click();
    anchor.remove();
  } finally {
    // After the click has been handled: revoking at once can cancel the download.
    setTimeout(() => URL.revokeObjectURL(objectUrl), 10_000);
  }
}
