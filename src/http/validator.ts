import type { FastifySchemaCompiler } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { z, type ZodType } from 'zod';
import { ZStorableText } from '../shared/schemas.ts';

/**
 * The zod validator of every route, with `ZStorableText` in front of each schema: a
 * NUL or a lone surrogate in any string of a body, query string, path parameter or
 * header is refused as a 400 naming the field, like any other invalid field, before
 * it can reach a store and fail there as a 500.
 */
export const storableTextValidatorCompiler: FastifySchemaCompiler<ZodType> = (route) =>
  validatorCompiler({
    ...route,
    schema: ZStorableText.pipe(
      route.httpPart === 'querystring' ? strict(route.schema) : route.schema,
    ),
  });

/**
 * A query string takes only the parameters its route names: `?limit=2` on a list
 * that pages with `pageSize` was ignored, and 50 rows came back as if it had been
 * read. An unknown parameter is refused (400, `unknown_parameter`).
 */
function strict(schema: ZodType): ZodType {
  return schema instanceof z.ZodObject ? schema.strict() : schema;
}
