import type { FastifySchemaCompiler } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import type { ZodType } from 'zod';
import { ZStorableText } from '../shared/schemas.ts';

/**
 * The zod validator of every route, with `ZStorableText` in front of each schema: a
 * NUL or a lone surrogate in any string of a body, query string, path parameter or
 * header is refused as a 400 naming the field, like any other invalid field, before
 * it can reach a store and fail there as a 500.
 */
export const storableTextValidatorCompiler: FastifySchemaCompiler<ZodType> = (route) =>
  validatorCompiler({ ...route, schema: ZStorableText.pipe(route.schema) });
