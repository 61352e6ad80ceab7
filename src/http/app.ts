import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import Fastify from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Deps } from '../app/deps.ts';
import { registerAuthRoutes } from '../auth/routes.ts';
import { registerCustomerRoutes } from '../customers/routes.ts';
import { registerLedgerRoutes } from '../ledger/routes.ts';
import { authenticateRequest } from './authenticate.ts';
import { handleError, sendNotFound } from './problem.ts';
import type { App } from './types.ts';
import { storableTextValidatorCompiler } from './validator.ts';

export const WEB_DIR = fileURLToPath(new URL('../../dist/web/', import.meta.url));

export type AppOptions = {
  deps: Deps;
  /** Request logging; off when absent (tests). Cookies and tokens are always redacted. */
  log?: { level: string; stream?: NodeJS.WritableStream };
  /** Built SPA to serve at `/`; skipped when the folder does not exist. */
  webDir?: string;
  /** Secure cookies need HTTPS; off for plain-HTTP local use and tests. */
  secureCookies?: boolean;
  loginRateLimit?: { max: number; timeWindow: string };
};

/** Builds the HTTP server: API under /api, OpenAPI at /api/openapi.json, the SPA at /. */
export async function buildApp(options: AppOptions): Promise<App> {
  const app = Fastify({
    logger: options.log
      ? {
          level: options.log.level,
          ...(options.log.stream ? { stream: options.log.stream } : {}),
          redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
        }
      : false,
    trustProxy: true,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(storableTextValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Mantine writes inline style attributes.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'"],
      },
    },
  });
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
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
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: jsonSchemaTransform,
  });

  const { deps } = options;
  await app.register(
    async (api) => {
      const typed = api.withTypeProvider<ZodTypeProvider>();
      await registerAuthRoutes(typed, deps, {
        secureCookies: options.secureCookies ?? false,
        loginRateLimit: options.loginRateLimit ?? { max: 10, timeWindow: '1 minute' },
      });
      await typed.register(async (secured) => {
        secured.decorateRequest('ctx');
        secured.addHook('preHandler', async (request) => {
          await authenticateRequest(deps, request);
        });
        const securedTyped = secured.withTypeProvider<ZodTypeProvider>();
        registerCustomerRoutes(securedTyped, deps);
        registerLedgerRoutes(securedTyped, deps);
      });
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
      // Vite names assets by content hash: cache them for good; always revalidate the page itself.
      setHeaders: (response, path) => {
        response.header(
          'cache-control',
          path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    // Client-side routes of the SPA get its index page; unknown API paths a problem.
    if (hasWeb && request.method === 'GET' && !request.url.startsWith('/api/')) {
      return reply.type('text/html').sendFile('index.html');
    }
    return sendNotFound(request, reply);
  });
  return app;
}
