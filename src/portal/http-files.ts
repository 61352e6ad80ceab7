/**
 * Files over the portal's routes: a raw upload (the body is the file, its type in
 * `Content-Type`, its name in `X-File-Name`) read in a scope of its own, a larger one
 * answered 413 before it is read whole; and a PDF handed out as a download.
 */
import type { FastifyError, FastifyReply, FastifySchemaCompiler } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import type { ZodType } from 'zod';
import { handleError, sendRouteProblem } from '../http/problem.ts';
import type { App } from '../http/types.ts';
import { storableTextValidatorCompiler } from '../http/validator.ts';
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENT_MIB } from '../disputes/model.ts';

/**
 * Readies `scope` (a plugin of its own) for raw file bodies of any type, up to 10 MiB: the
 * use case decides which types it keeps, and says why it refuses one. The body is checked as
 * bytes only: `ZStorableText` would walk a file's every byte.
 */
export function acceptRawFiles(scope: App): void {
  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser(
    '*',
    { parseAs: 'buffer', bodyLimit: MAX_ATTACHMENT_BYTES },
    (_request, body, done) => {
      done(null, body);
    },
  );
  const bytesOnly: FastifySchemaCompiler<ZodType> = (route) =>
    route.httpPart === 'body' ? validatorCompiler(route) : storableTextValidatorCompiler(route);
  scope.setValidatorCompiler(bytesOnly);
  scope.setErrorHandler((error: FastifyError, request, reply) =>
    error.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
      ? sendRouteProblem(request, reply, {
          status: 413,
          code: 'file_too_large',
          title: 'bad_request',
          reason: 'attachment_too_large',
          params: { max: MAX_ATTACHMENT_MIB },
        })
      : handleError(error, request, reply),
  );
}

/** `attachment; filename=…`, the name readable in ASCII and exact in UTF-8 (RFC 6266). */
function attachmentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** Sends `file` as a download, never cached (it is one customer's). */
export function sendDownload(
  reply: FastifyReply,
  file: { fileName: string; contentType: string; content: Uint8Array },
): FastifyReply {
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', attachmentDisposition(file.fileName))
    .header('cache-control', 'private, no-store')
    .send(Buffer.from(file.content));
}
