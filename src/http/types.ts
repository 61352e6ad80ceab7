import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Ctx } from '../app/context.ts';
import type { Language } from '../shared/language.ts';

/** The Fastify instance with zod schemas as its type provider. */
export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the `authenticated` hook: company, actor and role of the caller. */
    ctx: Ctx;
    /**
     * The signed-in user's language, set with `ctx`; null before, for an API token, or
     * when the user chose none. A request without Accept-Language is answered in it.
     */
    userLanguage: Language | null;
  }
}
