/**
 * What the file upload routes share (`POST /api/imports/fec`, `POST /api/imports/bank`):
 * the file comes as the request's raw body (`Content-Type: application/octet-stream`, at
 * most the import file limit) and its name in `X-File-Name`; the answer is the import
 * report, 200 when the file was imported or was a dry run, 400 when it is refused as a
 * whole (ADR 16: a file that cannot be imported is invalid input, like any other), as
 * `encaisse import` exits 0 or 3, and 2 (importExitCode).
 */
import type { FastifyError, FastifyReply, FastifyRequest, FastifySchemaCompiler } from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z, type ZodType } from 'zod';
import type { Ctx } from '../app/context.ts';
import type { Deps } from '../app/deps.ts';
import { requirePermission } from '../app/permissions.ts';
import { authenticateRequest } from '../auth/authenticate-request.ts';
import { answer, problems } from '../http/openapi.ts';
import { handleError, requestLanguage, sendRouteProblem } from '../http/problem.ts';
import type { App } from '../http/types.ts';
import { storableTextValidatorCompiler } from '../http/validator.ts';
import { ERROR_CODES, issueMessage, type Issue } from '../shared/errors.ts';
import type { MessageCode } from '../shared/messages/catalogue.ts';
import { ZUploadHeaders } from './schemas.ts';
import { mebibytes } from './table/limits.ts';

/** The upload routes' options. */
export type UploadOptions = {
  /** Largest file accepted, in bytes: `MAX_IMPORT_FILE_BYTES`, as the CLI reads. */
  maxFileBytes: number;
};

/** The body of an upload: the file's bytes, as they are. */
export const ZUploadBody = z
  .custom<Uint8Array>((value) => value instanceof Uint8Array, { error: 'unsupported_media_type' })
  .meta({ type: 'string', format: 'binary', description: 'The file, byte for byte' });

/** What an upload route's `schema` says of its request beside its query: the body's type. */
export const UPLOAD_CONSUMES = ['application/octet-stream'];

/** What an upload route's 400 says: a bad option, or the file refused with its report. */
const REFUSED_FILE_DESCRIPTION =
  'Invalid input (`invalid`): an option or header the operation refuses (`request_invalid`), or the file refused as a whole with nothing saved (`import_refused`), whose `issues` name each refused line and whose `report` is the import report, as a 200 gives it';

/**
 * The upload routes' validators. The body is checked as bytes only: `ZStorableText`, in
 * front of every other schema, walks objects key by key, and would walk a file's every byte.
 */
const uploadValidatorCompiler: FastifySchemaCompiler<ZodType> = (route) =>
  route.httpPart === 'body' ? validatorCompiler(route) : storableTextValidatorCompiler(route);

/**
 * Readies `scope`, a plugin of its own, for upload routes: it reads raw bodies up to
 * `maxFileBytes` and answers a larger one 413, naming the limit, and checks a body as bytes
 * (`uploadValidatorCompiler`). The caller is
 * authenticated, and must be allowed to import, as soon as the headers are in: one who may
 * not is told so before the file is read, not after up to 256 MiB of it. (The secured scope
 * authenticates once more before the handler, as for every route.)
 */
export function acceptUploads(scope: App, deps: Deps, options: UploadOptions): void {
  scope.addContentTypeParser(
    'application/octet-stream',
    { parseAs: 'buffer', bodyLimit: options.maxFileBytes },
    (_request, body, done) => {
      done(null, body);
    },
  );
  scope.setValidatorCompiler(uploadValidatorCompiler);
  scope.addHook('onRequest', async (request) => {
    await authenticateRequest(deps, request);
    requirePermission(request.ctx, 'imports:run');
  });
  scope.setErrorHandler((error: FastifyError, request, reply) =>
    error.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
      ? sendFileTooLarge(request, reply, options.maxFileBytes)
      : handleError(error, request, reply),
  );
}

/** The uploaded file, as an import service reads it. */
export type UploadedFile = { bytes: Uint8Array; fileName: string };

/** What an import report answered by an upload route has: its outcome and its issues. */
type ImportReport = ImportOutcome & { notices: readonly Issue[] };

/** One upload route: its OpenAPI description, and the import it runs. */
export type UploadRoute<Q extends ZodType, Report extends ImportReport> = {
  /** Where the file is posted, under `/api`. */
  url: string;
  operationId: string;
  summary: string;
  description: string;
  /** The route's options, those of its `encaisse import` command. */
  querystring: Q;
  /** What the 200 answer is, as the OpenAPI document says it. */
  answered: string;
  /** The schema of the import report answered. */
  report: ZodType;
  /** Imports the file with the options of the query. */
  importFile: (ctx: Ctx, file: UploadedFile, query: z.output<Q>) => Promise<Report>;
  /** The report as answered, before its issues are worded; the report itself by default. */
  present?: (report: Report) => ImportReport;
  /** What to do next when the file is refused. */
  hints?: (report: Report) => MessageCode[];
};

/**
 * Registers an upload route in a plugin of its own, readied by `acceptUploads`: the file
 * as the body, its name in `X-File-Name`, the options in the query; the report answered 200
 * with its issues in the reader's language, or 400 when the file is refused
 * (`sendRefusedImport`).
 */
export async function registerUploadRoute<Q extends ZodType, Report extends ImportReport>(
  app: App,
  deps: Deps,
  options: UploadOptions,
  route: UploadRoute<Q, Report>,
): Promise<void> {
  await app.register(async (plugin) => {
    const scope = plugin.withTypeProvider<ZodTypeProvider>();
    acceptUploads(scope, deps, options);
    scope.post(
      route.url,
      {
        schema: {
          operationId: route.operationId,
          tags: ['imports'],
          summary: route.summary,
          description: route.description,
          consumes: UPLOAD_CONSUMES,
          headers: ZUploadHeaders,
          querystring: route.querystring,
          body: ZUploadBody,
          response: {
            200: answer(route.answered, route.report),
            ...problems(401, 403, 413),
            400: { ...problems(400)[400], description: REFUSED_FILE_DESCRIPTION },
          },
        },
      },
      async (request, reply) => {
        const file = {
          bytes: request.body,
          fileName: uploadedFileName(request.headers['x-file-name']),
        };
        // Parsed by `route.querystring`: its output, which the type provider cannot tell
        // of a schema it only knows as generic.
        const query = request.query as z.output<Q>;
        const report = await route.importFile(request.ctx, file, query);
        const shown = route.present === undefined ? report : route.present(report);
        // Spread, so that members the report gains pass through as they are.
        const presented = {
          ...shown,
          errors: wordIssues(request, shown.errors),
          notices: wordIssues(request, shown.notices),
        };
        if (!isRefusedImport(presented)) {
          return presented;
        }
        return sendRefusedImport(request, reply, presented, route.hints?.(report) ?? []);
      },
    );
  });
}

/** `file_too_large`, as `encaisse import` says it, with the size in MiB. */
function sendFileTooLarge(
  request: FastifyRequest,
  reply: FastifyReply,
  maxBytes: number,
): FastifyReply {
  const declared = Number(request.headers['content-length']);
  // A body sent in chunks has no size yet when it passes the limit: it is at least one byte over.
  const size = Number.isSafeInteger(declared) && declared > maxBytes ? declared : maxBytes + 1;
  return sendRouteProblem(request, reply, {
    status: 413,
    code: 'file_too_large',
    title: 'bad_request',
    reason: 'file_too_large',
    params: {
      file: uploadedFileName(request.headers['x-file-name']),
      size: mebibytes(size),
      max: mebibytes(maxBytes),
    },
  });
}

/** The longest file name a report keeps. */
const MAX_FILE_NAME_LENGTH = 255;

/**
 * The file's name from `X-File-Name`: URI-decoded (a name that is not, with a bare `%`, is
 * read as it is), its folders dropped (a browser may send `C:\fakepath\…`), its control
 * characters too (a NUL cannot be stored in the audit event the import records), at most
 * 255 characters; `upload` when there is none.
 */
export function uploadedFileName(header: string | string[] | undefined): string {
  if (typeof header !== 'string') {
    return 'upload';
  }
  let name = header;
  try {
    name = decodeURIComponent(header);
  } catch {
    // Not URI-encoded (or badly): the header's own characters are the name.
  }
  const base = (name.split(/[\\/]/).at(-1) ?? '')
    .replace(/\p{Cc}/gu, '')
    .trim()
    .slice(0, MAX_FILE_NAME_LENGTH);
  return base === '' ? 'upload' : base;
}

/** An import's issues with their sentences in the reader's language, as problems word theirs. */
export function wordIssues(request: FastifyRequest, issues: readonly Issue[]): Issue[] {
  const language = requestLanguage(request);
  return issues.map((issue) => ({ ...issue, message: issueMessage(language, issue) }));
}

/**
 * `report` with its issues (`errors`, `notices`) worded in the reader's language. Spread,
 * so that members the report gains pass through as they are.
 */
export function wordReportIssues<R extends { errors: readonly Issue[]; notices: readonly Issue[] }>(
  request: FastifyRequest,
  report: R,
) {
  return {
    ...report,
    errors: wordIssues(request, report.errors),
    notices: wordIssues(request, report.notices),
  };
}

/** What tells whether an import was refused. */
type ImportOutcome = {
  file: string;
  committed: boolean;
  dryRun: boolean;
  errors: readonly Issue[];
};

/**
 * Whether the file is refused as a whole: nothing saved for its refused lines (without
 * `partial`) or its own problems. A dry run saves nothing either, and says what an import
 * would do: it is answered as done.
 */
export function isRefusedImport(report: ImportOutcome): boolean {
  return !report.committed && !report.dryRun && report.errors.length > 0;
}

/**
 * The 400 of a refused file (ADR 16), `invalid` as every refused input is, with the
 * reason `import_refused`: its issues, what to do next (`hints`), and the whole report
 * under `report`, as a 200 would give it.
 */
export function sendRefusedImport(
  request: FastifyRequest,
  reply: FastifyReply,
  report: ImportOutcome,
  hints: readonly MessageCode[] = [],
): FastifyReply {
  return sendRouteProblem(request, reply, {
    status: ERROR_CODES.invalid.httpStatus,
    code: 'invalid',
    title: 'invalid',
    reason: 'import_refused',
    params: { file: report.file },
    issues: report.errors,
    hints,
    extensions: { report },
  });
}
