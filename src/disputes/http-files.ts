/**
 * Files over HTTP, the one way for every route that takes or hands out one: disputes'
 * attachments (staff, department link, portal) and the portal's PDFs. A raw upload (the
 * body is the file, its type in `Content-Type`, its name in `X-File-Name`) is read in a
 * scope of its own, a larger one answered 413 before it is read whole; a file is handed out
 * as a download. Here rather than in src/http/ or src/portal/: the limit is the
 * attachments' (model.ts), and the portal, above disputes in the layers, may import this.
 */
import type { FastifyError, FastifyReply, FastifySchemaCompiler } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import type { ZodType } from 'zod';
import { handleError, sendRouteProblem } from '../http/problem.ts';
import type { App } from '../http/types.ts';
import { storableTextValidatorCompiler } from '../http/validator.ts';
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENT_MIB } from './model.ts';

/**
 * The body is checked as bytes only: `ZStorableText`, in front of every other schema, would
 * walk a file's every byte (as for imports, src/imports/upload.ts).
 */
const bytesOnly: FastifySchemaCompiler<ZodType> = (route) =>
  route.httpPart === 'body' ? validatorCompiler(route) : storableTextValidatorCompiler(route);

/**
 * Readies `scope`, a plugin of its own, for raw file bodies of any type, up to
 * `MAX_ATTACHMENT_BYTES`: the use case decides which types it keeps and says why it refuses
 * one (400 `attachment_type_refused` with its reason, not a bare 415), and a larger body is
 * answered 413 `attachment_too_large` before it is read whole.
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

/** `attachment; filename=…`, the name kept readable in ASCII and exact in UTF-8 (RFC 6266). */
function attachmentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/**
 * Sends `file` to download, never to open in place (a text or an e-mail shown by the
 * browser could be made to look like the application, hence `nosniff` too), and never
 * cached: it is one company's or one customer's.
 */
export function sendDownload(
  reply: FastifyReply,
  file: { fileName: string; contentType: string; content: Uint8Array },
): FastifyReply {
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', attachmentDisposition(file.fileName))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(Buffer.from(file.content));
}
