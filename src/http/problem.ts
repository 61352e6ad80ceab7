import { STATUS_CODES } from 'node:http';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
  type ZodFastifySchemaValidationError,
} from 'fastify-type-provider-zod';
import { domainErrorOfDatabase } from '../db/errors.ts';
import {
  DomainError,
  ERROR_CODES,
  fieldIssue,
  issueMessage,
  RateLimitedError,
  type ErrorCode,
  type Issue,
} from '../shared/errors.ts';
import { chooseLanguage, type Language } from '../shared/language.ts';
import {
  joinSentences,
  labelled,
  messageOf,
  problemTitle,
  type MessageCode,
  type MessageParams,
  type ProblemTitleCode,
} from '../shared/messages/catalogue.ts';
import type { TProblem } from '../shared/schemas.ts';
import { zodIssueMessage } from '../shared/zod-messages.ts';

const PROBLEM_BASE = 'https://encaisse.dev/problems/';

/**
 * What Fastify refuses itself before a route runs (its codes, stable since v4), said in
 * the reader's language; any other of its 4xx keeps Fastify's English words.
 */
const FRAMEWORK_REASONS: Readonly<Record<string, MessageCode>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'body_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'empty_json_body',
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_json_body',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'body_length_mismatch',
};

/**
 * The language a request is answered in: its Accept-Language, else the signed-in user's
 * setting (known once the request is authenticated), else French (ADR 18).
 */
export function requestLanguage(request: FastifyRequest): Language {
  return chooseLanguage(request.headers['accept-language'], request.userLanguage);
}

function send(reply: FastifyReply, language: Language, problem: TProblem): FastifyReply {
  return reply
    .code(problem.status)
    .header('content-language', language)
    .header('vary', 'Accept-Language')
    .type('application/problem+json')
    .send(problem);
}

type ProblemSource = {
  code: ErrorCode;
  reason: MessageCode;
  params: MessageParams;
  issues: readonly Issue[];
};

/**
 * A problem a route words itself: for what the error table has no code for (a file past
 * its size limit), or for one that carries `extensions`, members beside the standard ones
 * (RFC 9457 §3.2), such as the import report of a refused file (`invalid`, ADR 16).
 */
export type RouteProblem = {
  status: number;
  code: string;
  title: ProblemTitleCode;
  reason: MessageCode;
  params: MessageParams;
  issues?: readonly Issue[];
  /** Sentences said after the reason and its issues in `detail` (what to do next). */
  hints?: readonly MessageCode[];
  extensions?: Readonly<Record<string, unknown>>;
};

/** Sends a `RouteProblem` in the reader's language, as `handleError` sends the others. */
export function sendRouteProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  problem: RouteProblem,
): FastifyReply {
  const language = requestLanguage(request);
  const { status, code, title, reason, params, issues = [], hints = [], extensions = {} } = problem;
  const worded = issues.map((issue) => ({ ...issue, message: issueMessage(language, issue) }));
  const headline = messageOf(language, reason, params);
  const sentences = [
    // The first few: `issues` lists them all, the detail is a summary.
    ...worded.slice(0, 3).map((issue) => issue.message),
    ...hints.map((hint) => messageOf(language, hint)),
  ];
  return send(reply, language, {
    ...extensions,
    type: `${PROBLEM_BASE}${code}`,
    title: problemTitle(language, title),
    status,
    detail:
      sentences.length === 0
        ? headline
        : labelled(language, headline, joinSentences(language, sentences)),
    code,
    reason,
    params: { ...params },
    ...(worded.length > 0 ? { issues: worded } : {}),
  });
}

function problemOf(language: Language, source: ProblemSource): TProblem {
  const { code, reason, params, issues } = source;
  return {
    type: `${PROBLEM_BASE}${code}`,
    title: problemTitle(language, code),
    status: ERROR_CODES[code].httpStatus,
    detail: messageOf(language, reason, params),
    code,
    reason,
    params: { ...params },
    ...(issues.length > 0
      ? { issues: issues.map((issue) => ({ ...issue, message: issueMessage(language, issue) })) }
      : {}),
  };
}

/** A request refused before our code saw it: by Node's parser, Fastify's router or body limits. */
export function requestProblem(
  status: number,
  detail: string,
  code = 'bad_request',
  language: Language = 'en',
): TProblem {
  return {
    type: `${PROBLEM_BASE}bad_request`,
    title:
      language === 'en'
        ? (STATUS_CODES[status] ?? 'Bad request')
        : problemTitle(language, 'bad_request'),
    status,
    detail,
    code,
  };
}

/**
 * The issues of a request its schema refused, worded in `language`: zod's own
 * translations for its checks, our catalogue for the sentences we wrote.
 */
function validationIssues(
  error: { validation: ZodFastifySchemaValidationError[] },
  where: string,
  language: Language,
): Issue[] {
  return error.validation.flatMap((issue): Issue[] => {
    const path = issue.instancePath.replace(/^\//, '').replace(/\//g, '.');
    if (issue.keyword === 'unrecognized_keys') {
      // One issue per parameter or property the request should not carry, named.
      const keys = (issue.params['keys'] as string[] | undefined) ?? [];
      const code = where === 'querystring' ? 'unknown_parameter' : 'unknown_field';
      return keys.map((key) => ({
        ...fieldIssue(path === '' ? key : `${path}.${key}`, code, { name: key }),
        message: messageOf(language, code, { name: key }),
      }));
    }
    return [
      {
        field: path === '' ? where : path,
        code: issue.keyword,
        message: labelled(
          language,
          path || where,
          zodIssueMessage(
            { ...issue.params, code: issue.keyword, message: issue.message },
            language,
          ),
        ),
      },
    ];
  });
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
  const language = requestLanguage(request);
  const domainError = error instanceof DomainError ? error : domainErrorOfDatabase(error);
  if (domainError !== undefined) {
    return send(reply, language, problemOf(language, domainError));
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext ?? 'body';
    const issues = validationIssues(error, where, language);
    const problem = problemOf(language, {
      code: 'invalid',
      reason: 'request_invalid',
      params: { part: where },
      issues,
    });
    return send(reply, language, {
      ...problem,
      detail: labelled(
        language,
        problem.detail,
        joinSentences(
          language,
          issues.map((i) => i.message),
        ),
      ),
    });
  }
  if (
    !isResponseSerializationError(error) &&
    typeof error.statusCode === 'number' &&
    error.statusCode >= 400 &&
    error.statusCode < 500
  ) {
    const reason = Object.hasOwn(FRAMEWORK_REASONS, error.code)
      ? FRAMEWORK_REASONS[error.code]
      : undefined;
    return send(
      reply,
      language,
      reason === undefined
        ? requestProblem(error.statusCode, error.message, error.code, language)
        : {
            ...requestProblem(error.statusCode, messageOf(language, reason), error.code, language),
            reason,
          },
    );
  }
  request.log.error({ err: error }, 'unexpected error');
  return send(reply, language, {
    type: `${PROBLEM_BASE}internal`,
    title: problemTitle(language, 'internal'),
    status: 500,
    detail: messageOf(language, 'internal'),
    code: 'internal',
  });
}

export function sendNotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const language = requestLanguage(request);
  return send(
    reply,
    language,
    problemOf(language, {
      code: 'not_found',
      reason: 'route_not_found',
      params: { method: request.method, path: request.url.split('?')[0] ?? '' },
      issues: [],
    }),
  );
}
