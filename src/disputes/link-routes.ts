/**
 * The department's page over HTTP (`/api/dispute-link*`, docs/disputes.md « The
 * department's link »): authenticated by the access link in `X-Access-Token`, never by a
 * session or an API token, so registered outside the secured scope. The link opens its one
 * dispute: read it, comment (with a proposed outcome), attach a document, download one.
 */
import { type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../app/deps.ts';
import { authenticateLinkRequest } from '../access/authenticate-link.ts';
import { answer, problems } from '../http/openapi.ts';
import { requestLanguage } from '../http/problem.ts';
import type { App } from '../http/types.ts';
import { ZUploadHeaders } from '../imports/schemas.ts';
import { ZId } from '../shared/schemas.ts';
import { addAttachment, readAttachment } from './attachments.ts';
import { linkedDisputeId, readLinkedDispute } from './department-link.ts';
import { acceptRawFiles, sendDownload } from './http-files.ts';
import { ZDisputeLinkHeaders, ZLinkedDispute } from './link-schemas.ts';
import { ZAddCommentRequest, ZDisputeAttachment, ZDisputeComment } from './thread-schemas.ts';
import {
  ATTACHMENT_CONSUMES,
  ATTACHMENT_REFUSALS,
  attachmentOf,
  ZAttachmentBody,
} from './thread-routes.ts';
import { addComment, presentAttachment, presentComment } from './thread.ts';

const tags = ['dispute link'];
/** No session nor API token: the link's token, in its header (`ZDisputeLinkHeaders`). */
const security = [{ accessLink: [] }];
const LINK_REFUSALS =
  '401 `link_invalid` for an unknown or tampered token, `link_expired`, `link_revoked`.';

/**
 * Registers the department's routes in a scope of their own under `app` (the `/api`
 * prefix, outside the secured scope): each request is authenticated by its access link as
 * soon as its headers are in.
 */
export async function registerDisputeLinkRoutes(app: App, deps: Deps): Promise<void> {
  await app.register(async (plugin) => {
    plugin.decorateRequest('ctx');
    plugin.addHook('onRequest', async (request) => {
      await authenticateLinkRequest(deps, request, 'department');
    });
    const scope = plugin.withTypeProvider<ZodTypeProvider>();
    scope.get(
      '/dispute-link',
      {
        schema: {
          operationId: 'getLinkedDispute',
          tags,
          security,
          headers: ZDisputeLinkHeaders,
          summary: 'The dispute the link opens, its invoices, thread and attachments',
          description: LINK_REFUSALS,
          response: { 200: answer('The dispute', ZLinkedDispute), ...problems(400, 401, 403, 404) },
        },
      },
      async (request) => readLinkedDispute(deps, request.ctx, requestLanguage(request)),
    );
    scope.post(
      '/dispute-link/comments',
      {
        schema: {
          operationId: 'answerLinkedDispute',
          tags,
          security,
          headers: ZDisputeLinkHeaders,
          summary: 'Answer the dispute, with a proposed outcome: it goes back to the collector',
          description: LINK_REFUSALS,
          body: ZAddCommentRequest,
          response: {
            201: answer('The comment', ZDisputeComment),
            ...problems(400, 401, 403, 404, 409),
          },
        },
      },
      async (request, reply) => {
        const ctx = request.ctx;
        const comment = await addComment(deps, ctx, linkedDisputeId(ctx), request.body);
        return reply.code(201).send(presentComment(comment, requestLanguage(request)));
      },
    );
    scope.get(
      '/dispute-link/attachments/:id',
      {
        schema: {
          operationId: 'getLinkedDisputeAttachment',
          tags,
          security,
          headers: ZDisputeLinkHeaders,
          summary: 'Download an attachment of the dispute',
          description: LINK_REFUSALS,
          params: z.object({ id: ZId }),
          response: { ...problems(400, 401, 403, 404) },
        },
      },
      async (request, reply) => {
        const ctx = request.ctx;
        return sendDownload(
          reply,
          await readAttachment(deps, ctx, linkedDisputeId(ctx), request.params.id),
        );
      },
    );
    await scope.register(async (uploads) => {
      const upload = uploads.withTypeProvider<ZodTypeProvider>();
      acceptRawFiles(upload);
      upload.post(
        '/dispute-link/attachments',
        {
          schema: {
            operationId: 'attachToLinkedDispute',
            tags,
            security,
            summary:
              'Attach a document to the dispute: the body is the file, its type the Content-Type',
            description: `${ATTACHMENT_REFUSALS} ${LINK_REFUSALS}`,
            consumes: ATTACHMENT_CONSUMES,
            headers: ZDisputeLinkHeaders.extend(ZUploadHeaders.shape),
            body: ZAttachmentBody,
            response: {
              201: answer('The attachment, with its SHA-256', ZDisputeAttachment),
              ...problems(400, 401, 403, 404, 409, 413),
            },
          },
        },
        async (request, reply) => {
          const ctx = request.ctx;
          const attachment = await addAttachment(
            deps,
            ctx,
            linkedDisputeId(ctx),
            attachmentOf(request),
          );
          return reply.code(201).send(presentAttachment(attachment));
        },
      );
    });
  });
}
