import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { handleError, requestProblem } from './problem.ts';
import { securityHeaders } from './security-headers.ts';

/**
 * Fastify's `frameworkErrors`: the URLs its router refuses (bad percent-encoding, a parameter
 * over the length limit) arrive before any hook, so the security headers are set here.
 */
export function answerFrameworkError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  reply.headers(securityHeaders(request.protocol === 'https'));
  handleError(error, request, reply);
}

const REFUSALS: Record<string, { status: number; detail: string }> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    detail: 'The request header fields are too large (16 KB in all at most)',
  },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, detail: 'The request did not arrive in time' },
};

/**
 * Fastify's `clientErrorHandler`: Node's HTTP parser refused the bytes (oversized headers,
 * not HTTP at all) before there is a request, so the answer is written on the socket by hand,
 * as a problem with the security headers, then the connection is closed, as Node does.
 */
export function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  // A reset connection has nobody left to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) {
    return;
  }
  const { status, detail } = REFUSALS[error.code ?? ''] ?? {
    status: 400,
    detail: 'The request is not valid HTTP/1.1',
  };
  const body = JSON.stringify(requestProblem(status, detail));
  const headers = {
    ...securityHeaders('encrypted' in socket && socket.encrypted === true),
    'content-type': 'application/problem+json',
    'content-length': String(Buffer.byteLength(body)),
    connection: 'close',
  };
  if (socket.writable) {
    const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`);
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n${lines.join('')}\r\n${body}`,
    );
  }
  socket.destroy(error);
}
