/**
 * A dispute's thread over HTTP, for staff (docs/disputes.md « The thread and its
 * attachments », « The department's link »): comment, attach a document and read it back,
 * make and revoke department links. Thin: parse, call one use case, present. The upload
 * plumbing (`acceptAttachments`, `sendAttachment`) is the department's routes' too.
 */
import type { FastifyError, FastifyReply, FastifySchemaCompiler } from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z, type ZodType } from 'zod';
import type { Deps } from '../app/deps.ts';
import { DEFAULT_PUBLIC_URL } from '../access/urls.ts';
import { answer, noContent, problems } from '../http/openapi.ts';
import { handleError, requestLanguage, sendRouteProblem } from '../http/problem.ts';
import type { App } from '../http/types.ts';
import { storableTextValidatorCompiler } from '../http/validator.ts';
import { uploadedFileName } from '../imports/upload.ts';
import { ZUploadHeaders } from '../imports/schemas.ts';
import { ZId } from '../shared/schemas.ts';
import { addAttachment, readAttachment } from './attachments.ts';
import { createDepartmentLink, revokeDepartmentLink } from './department-link.ts';
import { ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENT_MIB } from './model.ts';
import {
  ZAddCommentRequest,
  ZCreateDisputeLinkRequest,
  ZCreatedDisputeLink,
  ZDisputeAttachment,
  ZDisputeComment,
} from './thread-schemas.ts';
import type { DisputeAttachmentInfo } from './store.ts';
import { addComment, presentAttachment, presentComment, presentDisputeLink } from './thread.ts';

const tags = ['disputes'];
const ZIdParams = z.object({ id: ZId });

/** The routes' options. */
export type DisputeThreadRouteOptions = {
  /** Where the application is reached from outside (`PUBLIC_URL`): the links' URLs start with it. */
  publicUrl?: string | undefined;
};

/** An attachment's body: the file's bytes, as they are (absent: empty). */
export const ZAttachmentBody = z
  .custom<Uint8Array>((value) => value === undefined || value instanceof Uint8Array)
  .optional()
  .meta({ type: 'string', format: 'binary', description: 'The file, byte for byte' });

/** The types an attachment route documents; any other is read too, and refused by the service. */
export const ATTACHMENT_CONSUMES = [...ATTACHMENT_TYPES];

/** The uploaded file (its name from `X-File-Name`, its type, its bytes), as `addAttachment` takes it. */
export function attachmentOf(request: {
  body: Uint8Array | undefined;
  headers: { 'content-type'?: string | undefined; 'x-file-name'?: string | string[] | undefined };
}): { fileName: string; contentType: string; bytes: Uint8Array } {
  return {
    fileName: uploadedFileName(request.headers['x-file-name']),
    contentType: request.headers['content-type'] ?? '',
    bytes: request.body ?? new Uint8Array(),
  };
}

/**
 * The body is checked as bytes only: `ZStorableText`, in front of every other schema, would
 * walk a file's every byte (as for imports, src/imports/upload.ts).
 */
const attachmentValidatorCompiler: FastifySchemaCompiler<ZodType> = (route) =>
  route.httpPart === 'body' ? validatorCompiler(route) : storableTextValidatorCompiler(route);

/**
 * Readies `scope`, a plugin of its own, for attachment uploads: every body is read as raw
 * bytes whatever its type, up to `MAX_ATTACHMENT_BYTES` — a type outside the five reaches
 * the service and is refused 400 `attachment_type_refused` with its reason, not a bare
 * 415 — and a larger body is answered 413 `attachment_too_large` before it is read whole.
 */
export function acceptAttachments(scope: App): void {
  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser(
    '*',
    { parseAs: 'buffer', bodyLimit: MAX_ATTACHMENT_BYTES },
    (_request, body, done) => {
      done(null, body);
    },
  );
  scope.setValidatorCompiler(attachmentValidatorCompiler);
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
 * Sends an attachment's bytes to download, never to open in place (a text or an e-mail
 * shown by the browser could be made to look like the application), never cached.
 */
export function sendAttachment(
  reply: FastifyReply,
  attachment: DisputeAttachmentInfo & { content: Uint8Array },
): FastifyReply {
  return reply
    .header('content-type', attachment.contentType)
    .header('content-disposition', attachmentDisposition(attachment.fileName))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(Buffer.from(attachment.content));
}

/** What the attachment routes answer besides 201. */
export const ATTACHMENT_REFUSALS =
  'Refused with 400 for a type outside the five (`attachment_type_refused`), content that is not what its type says (`attachment_content_mismatch`), an empty file (`attachment_empty`); 413 above 10 MiB (`attachment_too_large`); nothing is written.';

/** Registers the staff routes of disputes' threads (in the secured scope). */
export async function registerDisputeThreadRoutes(
  app: App,
  deps: Deps,
  options: DisputeThreadRouteOptions = {},
): Promise<void> {
  const publicUrl = options.publicUrl ?? DEFAULT_PUBLIC_URL;
  app.post(
    '/disputes/:id/comments',
    {
      schema: {
        operationId: 'addDisputeComment',
        tags,
        summary: 'Write in a dispute’s thread (409 once it is resolved)',
        params: ZIdParams,
        body: ZAddCommentRequest,
        response: {
          201: answer('The comment', ZDisputeComment),
          ...problems(400, 401, 403, 404, 409),
        },
      },
    },
    async (request, reply) => {
      const comment = await addComment(deps, request.ctx, request.params.id, request.body);
      return reply.code(201).send(presentComment(comment));
    },
  );
  app.get(
    '/disputes/:id/attachments/:attachmentId',
    {
      schema: {
        operationId: 'getDisputeAttachment',
        tags,
        summary: 'Download an attachment of a dispute, byte for byte as it was received',
        params: z.object({ id: ZId, attachmentId: ZId }),
        response: { ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) =>
      sendAttachment(
        reply,
        await readAttachment(deps, request.ctx, request.params.id, request.params.attachmentId),
      ),
  );
  await app.register(async (plugin) => {
    const scope = plugin.withTypeProvider<ZodTypeProvider>();
    acceptAttachments(scope);
    scope.post(
      '/disputes/:id/attachments',
      {
        schema: {
          operationId: 'addDisputeAttachment',
          tags,
          summary:
            'Attach a document to a dispute: the body is the file, its type the Content-Type',
          description: ATTACHMENT_REFUSALS,
          consumes: ATTACHMENT_CONSUMES,
          params: ZIdParams,
          headers: ZUploadHeaders,
          body: ZAttachmentBody,
          response: {
            201: answer('The attachment, with its SHA-256', ZDisputeAttachment),
            ...problems(400, 401, 403, 404, 409, 413),
          },
        },
      },
      async (request, reply) => {
        const attachment = await addAttachment(
          deps,
          request.ctx,
          request.params.id,
          attachmentOf(request),
        );
        return reply.code(201).send(presentAttachment(attachment));
      },
    );
  });
  app.post(
    '/disputes/:id/links',
    {
      schema: {
        operationId: 'createDisputeLink',
        tags,
        summary: 'Give the department a link to answer the dispute without an account',
        description:
          'The URL (`/reponse#<token>`) is answered this once. E-mailed to the recipient (default: the assignee) unless `send` is false; 400 `dispute_link_recipient_required` when there is nobody to send it to. An `open` dispute becomes `waiting_department`.',
        params: ZIdParams,
        body: ZCreateDisputeLinkRequest,
        response: {
          201: answer('The link and its URL', ZCreatedDisputeLink),
          ...problems(400, 401, 403, 404, 409),
        },
      },
    },
    async (request, reply) => {
      const { link, url } = await createDepartmentLink(deps, request.ctx, request.params.id, {
        ...request.body,
        language: requestLanguage(request),
        publicUrl,
      });
      return reply.code(201).send({ link: presentDisputeLink(link), url });
    },
  );
  app.post(
    '/disputes/:id/links/:linkId/revoke',
    {
      schema: {
        operationId: 'revokeDisputeLink',
        tags,
        summary: 'Revoke a department link: its next use is refused (`link_revoked`)',
        params: z.object({ id: ZId, linkId: ZId }),
        response: { 204: noContent('Revoked'), ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await revokeDepartmentLink(deps, request.ctx, request.params.id, request.params.linkId);
      return reply.code(204).send();
    },
  );
}
