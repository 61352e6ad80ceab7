import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import Fastify, { LogController } from 'fastify';
import { z } from 'zod';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Deps } from '../app/deps.ts';
import { registerAccessRoutes } from '../auth/access-routes.ts';
import { createPasswordAttempts, type PasswordAttemptLimits } from '../auth/password-attempts.ts';
import { registerAuthRoutes } from '../auth/routes.ts';
import { registerCustomerRoutes } from '../customers/routes.ts';
import { registerDisputeRoutes } from '../disputes/routes.ts';
import { registerDisputeReportRoutes } from '../disputes/report-routes.ts';
import { registerDisputeLinkRoutes } from '../disputes/link-routes.ts';
import { registerDisputeThreadRoutes } from '../disputes/thread-routes.ts';
import { registerDunningRoutes } from '../dunning/routes.ts';
import { registerLedgerRoutes } from '../ledger/routes.ts';
import { registerMatchingRoutes } from '../bank/matching/routes.ts';
import { registerBankRoutes } from '../bank/routes.ts';
import { registerImportRoutes } from '../imports/routes.ts';
import { registerPromiseRoutes } from '../promises/routes.ts';
import { registerCreditRoutes } from '../credit/routes.ts';
import { registerDocumentRoutes } from '../credit/document-routes.ts';
import { registerScreeningRoutes } from '../credit/screening-routes.ts';
import { screeningSourcesFromEnv, type ScreeningSources } from '../credit/screening-sources.ts';
import { registerReportRoutes } from '../reports/routes.ts';
import { registerInsightRoutes } from '../reports/insight-routes.ts';
import { registerForecastRoutes } from '../reports/forecast-routes.ts';
import { registerPayerRoutes } from '../reports/payer-routes.ts';
import { registerPortalRoutes, registerPortalStaffRoutes } from '../portal/routes.ts';
import { registerMessageRoutes } from '../jobs/routes.ts';
import { MAX_IMPORT_FILE_BYTES } from '../imports/table/limits.ts';
import { authenticateRequest } from '../auth/authenticate-request.ts';
import { handleError, sendNotFound } from '../http/problem.ts';
import { answerClientError, answerFrameworkError } from '../http/refused-requests.ts';
import { logEachRequest, prettyLogStream, type LogFormat } from '../http/request-log.ts';
import { securityHeaders } from '../http/security-headers.ts';
import type { App } from '../http/types.ts';
import { storableTextValidatorCompiler } from '../http/validator.ts';

/**
 * `jsonSchemaTransform`, keeping the headers an answer documents (`Retry-After` on a
 * 429): it rebuilds content-typed answers from their description and content only.
 */
const keepResponseHeaders: typeof jsonSchemaTransform = (input) => {
  const output = jsonSchemaTransform(input);
  const documented = input.schema.response as Record<string, { headers?: unknown }> | undefined;
  const answers = output.schema['response'] as Record<string, Record<string, unknown>> | undefined;
  for (const [status, answer] of Object.entries(documented ?? {})) {
    const written = answers?.[status];
    if (answer.headers !== undefined && written !== undefined) {
      written['headers'] = answer.headers;
    }
  }
  return output;
};

export const WEB_DIR = fileURLToPath(new URL('../../dist/web/', import.meta.url));

export type AppOptions = {
  deps: Deps;
  /**
   * Request logging; off when absent (tests). Cookies and tokens are always redacted.
   * `pretty`: one readable line per request (a terminal); `json` (default): pino's JSON.
   */
  log?: { level: string; stream?: NodeJS.WritableStream; format?: LogFormat };
  /** Built SPA to serve at `/`; skipped when the folder does not exist. */
  webDir?: string;
  /**
   * The session cookie is `Secure` whenever the request came over HTTPS (directly, or as a
   * trusted proxy says); `true` marks it so on every answer (`SECURE_COOKIES=true`).
   */
  secureCookies?: boolean;
  /** Proxies whose X-Forwarded-* headers are believed (addresses, CIDRs); none by default. */
  trustedProxies?: readonly string[];
  /** Wrong-password limits of sign-in and password change (defaults: ADR 10). */
  passwordAttemptLimits?: PasswordAttemptLimits;
  /** Largest file an upload (`POST /api/imports/…`) takes: `MAX_IMPORT_FILE_BYTES`, as the CLI. */
  maxImportFileBytes?: number;
  /**
   * Where the application is reached from outside (`PUBLIC_URL`): the links the API makes
   * (portal, departments, reminders) start with it; else with the request's own origin.
   */
  publicUrl?: string;
  /**
   * The sources a solvency screen asks (Sirene, BODACC, a score provider); by default those
   * the environment configures (`screeningSourcesFromEnv`, docs/screening.md).
   */
  screeningSources?: ScreeningSources;
};

/** The query string of a route that has no parameters. */
const NO_QUERY = z.object({});

/** Builds the HTTP server: API under /api, OpenAPI at /api/openapi.json, the SPA at /. */
export async function buildApp(options: AppOptions): Promise<App> {
  const isPretty = options.log?.format === 'pretty';
  const app = Fastify({
    logger: options.log
      ? {
          level: options.log.level,
          ...(options.log.format === 'pretty'
            ? { stream: prettyLogStream(options.log.stream ?? process.stdout) }
            : options.log.stream
              ? { stream: options.log.stream }
              : {}),
          redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
        }
      : false,
    // Trusting every proxy let any client name its own address and protocol (ADR 10).
    trustProxy:
      options.trustedProxies && options.trustedProxies.length > 0
        ? [...options.trustedProxies]
        : false,
    // Pretty logs write one line per request themselves (request-log.ts).
    logController: new LogController({ disableRequestLogging: isPretty }),
    frameworkErrors: answerFrameworkError,
    clientErrorHandler: answerClientError,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(storableTextValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  // Known once a request is authenticated (authenticate-request.ts); problems speak it.
  app.decorateRequest('userLanguage', null);
  if (isPretty) {
    logEachRequest(app);
  }
  app.addHook('onRequest', async (request, reply) => {
    reply.headers(securityHeaders(request.protocol === 'https'));
  });

  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Encaisse API',
        description:
          'Credit management and collections. Amounts are integers in minor units with a currency; dates are YYYY-MM-DD. Errors are application/problem+json.',
        version: '0.1.0',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'encaisse_session' },
          token: { type: 'http', scheme: 'bearer' },
          // The department's and the customer's links (ADR 23): no account, the link's token.
          accessLink: { type: 'apiKey', in: 'header', name: 'X-Access-Token' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: keepResponseHeaders,
    // Schemas given an id (`.meta({ id })`) become components.schemas, referenced by $ref;
    // a request body's is named with `Input` (its shape before defaults apply).
    transformObject: jsonSchemaTransformObject,
  });

  const { deps } = options;
  await app.register(
    async (api) => {
      // A route that names no query parameter takes none (see storableTextValidatorCompiler).
      api.addHook('onRoute', (route) => {
        route.schema = { ...route.schema, querystring: route.schema?.querystring ?? NO_QUERY };
      });
      const typed = api.withTypeProvider<ZodTypeProvider>();
      await registerAuthRoutes(typed, deps, {
        alwaysSecureCookies: options.secureCookies ?? false,
        passwordAttempts: createPasswordAttempts(options.passwordAttemptLimits),
      });
      await typed.register(async (secured) => {
        secured.decorateRequest('ctx');
        // As soon as the headers are in, before the body is read and checked: a caller who
        // may not is told so first, and a refusal of their request speaks their language.
        secured.addHook('onRequest', async (request) => {
          await authenticateRequest(deps, request);
        });
        const securedTyped = secured.withTypeProvider<ZodTypeProvider>();
        registerCustomerRoutes(securedTyped, deps);
        registerLedgerRoutes(securedTyped, deps);
        registerMatchingRoutes(securedTyped, deps);
        const links = { publicUrl: options.publicUrl };
        registerDunningRoutes(securedTyped, deps, links);
        registerDisputeRoutes(securedTyped, deps);
        registerDisputeReportRoutes(securedTyped, deps);
        registerReportRoutes(securedTyped, deps);
        registerInsightRoutes(securedTyped, deps);
        registerForecastRoutes(securedTyped, deps);
        registerPayerRoutes(securedTyped, deps);
        await registerDisputeThreadRoutes(securedTyped, deps, links);
        registerPromiseRoutes(securedTyped, deps);
        registerCreditRoutes(securedTyped, deps);
        await registerDocumentRoutes(securedTyped, deps);
        await registerScreeningRoutes(securedTyped, deps, {
          sources: options.screeningSources ?? screeningSourcesFromEnv(process.env),
          maxFileBytes: options.maxImportFileBytes ?? MAX_IMPORT_FILE_BYTES,
        });
        await registerPortalStaffRoutes(securedTyped, deps, links);
        registerAccessRoutes(securedTyped, deps);
        registerMessageRoutes(securedTyped, deps);
        const uploads = { maxFileBytes: options.maxImportFileBytes ?? MAX_IMPORT_FILE_BYTES };
        await registerImportRoutes(securedTyped, deps, uploads);
        await registerBankRoutes(securedTyped, deps, uploads);
      });
      // The customer's portal: known by its link only, never by a session (docs/portal.md).
      await registerPortalRoutes(typed, deps);
      // A department's answer to one dispute: known by its link only (docs/disputes.md).
      await registerDisputeLinkRoutes(typed, deps);
      typed.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
    },
    { prefix: '/api' },
  );

  const webDir = options.webDir ?? WEB_DIR;
  const hasWeb = existsSync(`${webDir}/index.html`);
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webDir,
      wildcard: false,
      // Source maps are not built for production (web/vite.config.ts); should one be there
      // all the same, it is not handed out: it would publish the sources.
      allowedPath: (path) => !path.endsWith('.map'),
      // Vite names assets by content hash: cache them for good; always revalidate the page
      // itself. The header is ours alone (cacheControl: false), or send would replace it.
      cacheControl: false,
      setHeaders: (response, path) => {
        response.setHeader(
          'cache-control',
          path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    // Client-side routes of the SPA get its index page; unknown API paths and missing files
    // (a last segment with a dot: no client route has one) a problem.
    const path = request.url.split('?')[0] ?? '';
    if (hasWeb && request.method === 'GET' && !path.startsWith('/api/') && !/\.[^/]*$/.test(path)) {
      return reply.type('text/html').sendFile('index.html');
    }
    return sendNotFound(request, reply);
  });
  return app;
}
