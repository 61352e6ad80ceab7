/**
 * A dispute's thread over HTTP, for staff (docs/disputes.md « The thread and its
 * attachments », « The department's link »): comment, attach a document and read it back,
 * make and revoke department links. Thin: parse, call one use case, present. Files go in
 * and out through http-files.ts, as on the department's and the portal's routes.
 */
import { type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../app/deps.ts';
import { answer, noContent, problems } from '../http/openapi.ts';
import { requestLanguage } from '../http/problem.ts';
import { publicUrlOf, type PublicUrlOption } from '../http/public-url.ts';
import type { App } from '../http/types.ts';
import { uploadedFileName } from '../imports/upload.ts';
import { ZUploadHeaders } from '../imports/schemas.ts';
import { ZId } from '../shared/schemas.ts';
import { addAttachment, readAttachment } from './attachments.ts';
import { createDepartmentLink, revokeDepartmentLink } from './department-link.ts';
import { acceptRawFiles, sendDownload } from './http-files.ts';
import { ATTACHMENT_TYPES } from './model.ts';
import {
  ZAddCommentRequest,
  ZCreateDisputeLinkRequest,
  ZCreatedDisputeLink,
  ZDisputeAttachment,
  ZDisputeComment,
} from './thread-schemas.ts';
import { addComment, presentAttachment, presentComment, presentDisputeLink } from './thread.ts';

const tags = ['disputes'];
const ZIdParams = z.object({ id: ZId });

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

/** What the attachment routes answer besides 201. */
export const ATTACHMENT_REFUSALS =
  'Refused with 400 for a type outside the five (`attachment_type_refused`), content that is not what its type says (`attachment_content_mismatch`), an empty file (`attachment_empty`); 413 above 10 MiB (`attachment_too_large`); nothing is written.';

/** Registers the staff routes of disputes' threads (in the secured scope). */
export async function registerDisputeThreadRoutes(
  app: App,
  deps: Deps,
  options: PublicUrlOption = {},
): Promise<void> {
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
      return reply.code(201).send(presentComment(comment, requestLanguage(request)));
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
      sendDownload(
        reply,
        await readAttachment(deps, request.ctx, request.params.id, request.params.attachmentId),
      ),
  );
  await app.register(async (plugin) => {
    const scope = plugin.withTypeProvider<ZodTypeProvider>();
    acceptRawFiles(scope);
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
        publicUrl: publicUrlOf(request, options),
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
