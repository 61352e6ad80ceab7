/**
 * Building blocks of the route schemas that `/api/openapi.json` is made from (docs/api.md).
 * Each answer carries its own description: @fastify/swagger writes "Default Response" for a
 * bare schema, and a `$ref` to a component cannot carry one. Problem answers are declared
 * under `application/problem+json`, the type `handleError` sends them with, so Fastify
 * serialises them with `ZProblem` and a client generator types them as `Problem`.
 */
import { z, type ZodType } from 'zod';
import { ZProblem } from '../shared/schemas.ts';

/** A JSON answer, described. */
export function answer<T extends ZodType>(description: string, schema: T) {
  return { description, content: { 'application/json': { schema } } };
}

/** A file answer: bytes streamed as they are, never serialised. */
const ZExportFile = z.string().meta({ format: 'binary' });

/** A list export's answer: the file as CSV or XLSX (src/exports/list-export.ts). */
export function exportAnswer(description: string) {
  return {
    description,
    content: {
      'text/csv': { schema: ZExportFile },
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: ZExportFile },
    },
  };
}

/** An answer without a body (204): no content in the document, nothing sent. */
export function noContent(description: string) {
  return z.undefined().describe(description);
}

/**
 * What each problem status means for any route, with the stable `code` of its body
 * (src/shared/errors.ts). A route lists only the statuses it can give.
 */
const PROBLEM_DESCRIPTIONS = {
  400: 'Invalid input or an unknown query parameter (`invalid`); `issues` names each field',
  401: 'No valid session cookie or API token (`unauthorized`)',
  403: 'The role does not allow it, or a cookie request that changes data lacks its `x-csrf-token` (`forbidden`)',
  404: 'Nothing with this id in the caller’s company (`not_found`)',
  409: 'Clashes with stored state: a duplicate, an amount past its bounds, already done (`conflict`)',
  413: 'The file is larger than the operation reads (`file_too_large`); `params` gives its size and the limit in MiB',
  429: 'Too many wrong passwords; the `Retry-After` header says in how many seconds to try again (`rate_limited`)',
} as const;

export type ProblemStatus = keyof typeof PROBLEM_DESCRIPTIONS;

type ProblemAnswer = {
  description: string;
  content: { 'application/problem+json': { schema: typeof ZProblem } };
  headers?: Record<string, { description: string; type: 'integer'; minimum: number }>;
};

/** The header a client waits on before trying again (RFC 9110 §10.2.3), as @fastify/swagger reads it. */
const RETRY_AFTER = {
  'Retry-After': {
    description: 'Seconds to wait before trying again',
    type: 'integer',
    minimum: 1,
  },
} as const;

/** The problem+json answers of a route, by status: `...problems(400, 401, 404)`. */
export function problems<const S extends ProblemStatus>(
  ...statuses: S[]
): { [K in S]: ProblemAnswer } {
  const answers = {} as { [K in S]: ProblemAnswer };
  for (const status of statuses) {
    answers[status] = {
      description: PROBLEM_DESCRIPTIONS[status],
      content: { 'application/problem+json': { schema: ZProblem } },
      ...(status === 429 ? { headers: RETRY_AFTER } : {}),
    };
  }
  return answers;
}
