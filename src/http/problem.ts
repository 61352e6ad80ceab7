import { STATUS_CODES } from 'node:http';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
} from 'fastify-type-provider-zod';
import { domainErrorOfDatabase } from '../db/errors.ts';
import { DomainError, ERROR_CODES, RateLimitedError, type Issue } from '../shared/errors.ts';
import type { TProblem } from '../shared/schemas.ts';

const PROBLEM_BASE = 'https://encaisse.dev/problems/';

function send(reply: FastifyReply, problem: TProblem): FastifyReply {
  return reply.code(problem.status).type('application/problem+json').send(problem);
}

function problemOf(
  code: keyof typeof ERROR_CODES,
  detail: string,
  issues?: readonly Issue[],
): TProblem {
  const { httpStatus, title } = ERROR_CODES[code];
  return {
    type: `${PROBLEM_BASE}${code}`,
    title,
    status: httpStatus,
    detail,
    code,
    ...(issues && issues.length > 0 ? { issues: [...issues] } : {}),
  };
}

/** A request refused before our code saw it: by Node's parser, Fastify's router or body limits. */
export function requestProblem(status: number, detail: string, code = 'bad_request'): TProblem {
  return {
    type: `${PROBLEM_BASE}bad_request`,
    title: STATUS_CODES[status] ?? 'Bad request',
    status,
    detail,
    code,
  };
}

/**
 * The one place errors become HTTP answers (RFC 9457 problem+json). Bad input is
 * always a 4xx with the field and reason; only our own bugs give a 500, and
 * never with internals in the body.
 */
export function handleError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  if (error instanceof RateLimitedError) {
    reply.header('retry-after', String(error.retryAfterSeconds));
  }
  const domainError = error instanceof DomainError ? error : domainErrorOfDatabase(error);
  if (domainError !== undefined) {
    return send(reply, problemOf(domainError.code, domainError.message, domainError.issues));
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext ?? 'body';
    const issues: Issue[] = error.validation.flatMap((issue): Issue[] => {
      const path = issue.instancePath.replace(/^\//, '').replace(/\//g, '.');
      if (issue.keyword === 'unrecognized_keys') {
        // One issue per parameter or property the request should not carry, named.
        const keys = (issue.params['keys'] as string[] | undefined) ?? [];
        return keys.map((key) => ({
          field: path === '' ? key : `${path}.${key}`,
          code: where === 'querystring' ? 'unknown_parameter' : 'unknown_field',
          message: `${key}: not a ${where === 'querystring' ? 'parameter' : 'field'} of this request`,
        }));
      }
      return [
        {
          field: path === '' ? where : path,
          code: issue.keyword,
          message: `${path || where}: ${issue.message ?? 'invalid'}`,
        },
      ];
    });
    return send(reply, {
      ...problemOf(
        'invalid',
        `The request ${where} is not valid: ${issues.map((i) => i.message).join('; ')}`,
        issues,
      ),
      status: 400,
    });
  }
  if (
    !isResponseSerializationError(error) &&
    typeof error.statusCode === 'number' &&
    error.statusCode >= 400 &&
    error.statusCode < 500
  ) {
    return send(reply, requestProblem(error.statusCode, error.message, error.code));
  }
  request.log.error({ err: error }, 'unexpected error');
  return send(reply, {
    type: `${PROBLEM_BASE}internal`,
    title: 'Internal error',
    status: 500,
    detail: 'Something went wrong on our side; it has been logged.',
    code: 'internal',
  });
}

export function sendNotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return send(
    reply,
    problemOf('not_found', `No route ${request.method} ${request.url.split('?')[0] ?? ''}`),
  );
}
