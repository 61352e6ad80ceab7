/**
 * The solvency screen over HTTP (docs/screening.md « Running a screen »): run a customer's
 * screen, list its screens, import a bureau's score file. Thin: parse, call one use case,
 * map to the answer's schema, with reasons and notices worded in the reader's language.
 */
import type { FastifyRequest, FastifySchemaCompiler } from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z, type ZodType } from 'zod';
import type { Deps } from '../app/deps.ts';
import { requirePermission } from '../app/permissions.ts';
import { answer, problems } from '../http/openapi.ts';
import { requestLanguage } from '../http/problem.ts';
import type { App } from '../http/types.ts';
import { storableTextValidatorCompiler } from '../http/validator.ts';
import type { CalendarDate } from '../shared/calendar-date.ts';
import { issueMessage, type Issue } from '../shared/errors.ts';
import { findMessage } from '../shared/messages/catalogue.ts';
import { cents } from '../shared/money.ts';
import { ZId } from '../shared/schemas.ts';
import {
  ZRiskScoreImport,
  ZRiskScoreImportQuery,
  ZRiskScoreUploadHeaders,
  ZScreeningRequest,
  ZSolvencyScreen,
  ZSolvencyScreenList,
} from './screening-schemas.ts';
import { importRiskScores, listScreens, screenCustomer } from './screening-service.ts';
import type { ScreeningSources } from './screening-sources.ts';
import type { SolvencyScreen } from './screening-store.ts';

const ZIdParams = z.object({ id: ZId });
const tags = ['credit'];

/** The body of an upload: the file's bytes, as they are. */
const ZFileBody = z
  .custom<Uint8Array>((value) => value instanceof Uint8Array, { error: 'unsupported_media_type' })
  .meta({ type: 'string', format: 'binary', description: 'The CSV file, byte for byte' });

/**
 * The body is checked as bytes only: `ZStorableText`, in front of every other schema, would
 * walk a file's every byte (as the import routes do, src/imports/upload.ts).
 */
const uploadValidatorCompiler: FastifySchemaCompiler<ZodType> = (route) =>
  route.httpPart === 'body' ? validatorCompiler(route) : storableTextValidatorCompiler(route);

/** The longest file name a report keeps. */
const MAX_FILE_NAME_LENGTH = 255;

/** The file's name from `X-File-Name`: URI-decoded, its folders and control characters dropped. */
function fileNameOf(header: unknown): string {
  if (typeof header !== 'string') {
    return 'upload';
  }
  let name = header;
  try {
    name = decodeURIComponent(header);
  } catch {
    // Not URI-encoded: the header's own characters are the name.
  }
  const base = (name.split(/[\\/]/).at(-1) ?? '')
    .replace(/\p{Cc}/gu, '')
    .trim()
    .slice(0, MAX_FILE_NAME_LENGTH);
  return base === '' ? 'upload' : base;
}

function wordIssues(request: FastifyRequest, issues: readonly Issue[]): Issue[] {
  const language = requestLanguage(request);
  return issues.map((issue) => ({ ...issue, message: issueMessage(language, issue) }));
}

function presentScreen(
  request: FastifyRequest,
  screen: SolvencyScreen,
): z.infer<typeof ZSolvencyScreen> {
  const language = requestLanguage(request);
  return {
    id: screen.id,
    customerId: screen.customerId,
    siren: screen.siren,
    siret: screen.siret,
    screenedOn: screen.screenedOn,
    screenedAt: screen.screenedAt.toISOString(),
    screenedBy: screen.screenedBy,
    verdict: screen.verdict,
    depositBps: screen.depositBps,
    reasons: screen.reasons.map((reason) => ({
      code: reason.code,
      params: reason.params,
      message: findMessage(language, reason.code, reason.params) ?? reason.code,
    })),
    policy: screen.policy,
    company: screen.company,
    proceedings: screen.proceedings,
    incidents: screen.incidents,
    score: screen.score,
    sources: screen.sources,
    notices: wordIssues(request, screen.notices),
  };
}

/** Registers the screen's routes; `sources` are the ones a screen with `lookup` asks. */
export async function registerScreeningRoutes(
  app: App,
  deps: Deps,
  options: { sources: ScreeningSources; maxFileBytes: number },
): Promise<void> {
  app.post(
    '/customers/:id/screening',
    {
      schema: {
        operationId: 'screenCustomer',
        tags,
        summary: 'Screen a customer’s solvency: go, go with deposit or no-go, with its reasons',
        description:
          'Judges what is entered (company, incidents, score), what the configured sources answer with `lookup` (Sirene, BODACC, a score provider), and the latest score stored for the SIREN. A company in receivership or liquidation, or ceased, is a no-go whatever its score. A source not configured or failing is a notice: the screen stands on the rest. 400 `screening_refused` for a customer without a SIREN or a score that cannot be read.',
        params: ZIdParams,
        body: ZScreeningRequest,
        response: {
          201: answer('The screen, stored', ZSolvencyScreen),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const { body } = request;
      const screen = await screenCustomer(
        deps,
        request.ctx,
        request.params.id,
        {
          company:
            body.company === undefined
              ? undefined
              : {
                  ...body.company,
                  ceasedOn: body.company.ceasedOn as CalendarDate | null | undefined,
                  createdOn: body.company.createdOn as CalendarDate | null | undefined,
                },
          incidents:
            body.incidents === undefined
              ? undefined
              : {
                  count: body.incidents.count,
                  amountCents: cents(body.incidents.amountCents),
                  lastOn: (body.incidents.lastOn ?? null) as CalendarDate | null,
                },
          score: body.score,
          lookup: body.lookup,
          isProceedingsChecked: body.proceedingsChecked,
        },
        options.sources,
      );
      return reply.code(201).send(presentScreen(request, screen));
    },
  );
  app.get(
    '/customers/:id/screening',
    {
      schema: {
        operationId: 'listCustomerScreens',
        tags,
        summary: 'A customer’s solvency screens, newest first (50 at most)',
        params: ZIdParams,
        response: {
          200: answer('The screens', ZSolvencyScreenList),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request) => ({
      items: (await listScreens(deps, request.ctx, request.params.id)).map((screen) =>
        presentScreen(request, screen),
      ),
    }),
  );
  await app.register(async (plugin) => {
    const scope = plugin.withTypeProvider<ZodTypeProvider>();
    scope.addContentTypeParser(
      'application/octet-stream',
      { parseAs: 'buffer', bodyLimit: options.maxFileBytes },
      (_request, body, done) => {
        done(null, body);
      },
    );
    scope.setValidatorCompiler(uploadValidatorCompiler);
    // The caller is authenticated by the secured scope's hook, which runs first: one who may
    // not import is told so before the file is read.
    scope.addHook('onRequest', async (request) => {
      requirePermission(request.ctx, 'imports:run');
    });
    scope.post(
      '/credit/risk-scores',
      {
        schema: {
          operationId: 'importRiskScores',
          tags,
          summary: 'Import a credit insurer’s or bureau’s score file (CSV)',
          description:
            'The file is the body, as it is (UTF-8), its name in `X-File-Name`. All or nothing: one refused line refuses the file, 400 `import_refused` with every line’s issue, nothing saved. The same file imported again changes nothing. docs/screening.md « The bureau file » has the columns.',
          consumes: ['application/octet-stream'],
          headers: ZRiskScoreUploadHeaders,
          querystring: ZRiskScoreImportQuery,
          body: ZFileBody,
          response: {
            200: answer('The file imported, or what a dry run would do', ZRiskScoreImport),
            ...problems(400, 401, 403, 413),
          },
        },
      },
      async (request) => {
        const report = await importRiskScores(
          deps,
          request.ctx,
          request.body,
          fileNameOf(request.headers['x-file-name']),
          { dryRun: request.query.dryRun },
        );
        return { ...report, errors: wordIssues(request, report.errors) };
      },
    );
  });
}
