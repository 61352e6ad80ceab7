/**
 * Where the links a request makes lead (a department's answer page, a customer's portal, the
 * reminders of a run started from the web): the configured public address (`PUBLIC_URL`,
 * `encaisse serve --public-url`), else the origin the request came to, as a trusted proxy
 * tells it (ADR 10): the address the person who asked reached us at.
 */
import type { FastifyRequest } from 'fastify';

/** The routes' option: the configured public address, when there is one. */
export type PublicUrlOption = { publicUrl?: string | undefined };

export function publicUrlOf(request: FastifyRequest, option: PublicUrlOption): string {
  return option.publicUrl ?? `${request.protocol}://${request.host}`;
}
