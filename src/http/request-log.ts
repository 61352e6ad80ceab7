/**
 * Logs for a person at a terminal: one readable line per request, the answer's
 * status and time beside its method and URL, instead of two JSON documents per
 * request (Fastify's own request logging) that flooded the terminal. JSON stays the
 * format for files, pipes and log collectors (`encaisse serve --log-format json`).
 */
import type { FastifyInstance } from 'fastify';
import pretty from 'pino-pretty';

export type LogFormat = 'pretty' | 'json';

/** What one request line says: `GET /api/customers → 200 (12 ms)`. */
export function requestLine(request: {
  method: string;
  url: string;
  statusCode: number;
  ms: number;
}): string {
  return `${request.method} ${request.url} → ${request.statusCode} (${Math.round(request.ms)} ms)`;
}

/** Logs each request once, when its answer has gone (Fastify's request logging is off). */
export function logEachRequest(app: FastifyInstance): void {
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      requestLine({
        method: request.method,
        url: request.url,
        statusCode: reply.statusCode,
        ms: reply.elapsedTime,
      }),
    );
  });
}

/** A pino destination writing one line per log: time, level, message (and an error's stack). */
export function prettyLogStream(destination: NodeJS.WritableStream): NodeJS.WritableStream {
  return pretty({
    destination,
    sync: true,
    singleLine: true,
    colorize: 'isTTY' in destination && destination.isTTY === true,
    translateTime: 'SYS:HH:MM:ss',
    ignore: 'pid,hostname,reqId',
  });
}
