/**
 * Evidence documents over HTTP (docs/evidence.md, docs/api.md): attach a document to an
 * order or an invoice, list an order's or an invoice's (with its orders'), download one.
 * Thin: parse, call one use case, present. An upload is the raw body (the file, its type in
 * `Content-Type`, its name in `X-File-Name`), as the disputes' and the portal's uploads are;
 * their helpers (src/disputes/http-files.ts) sit in a layer above this one, hence the few
 * lines of the same here.
 */
import type { FastifyError, FastifyReply, FastifySchemaCompiler } from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z, type ZodType } from 'zod';
import type { Deps } from '../app/deps.ts';
import { answer, problems } from '../http/openapi.ts';
import { handleError, sendRouteProblem } from '../http/problem.ts';
import type { App } from '../http/types.ts';
import { storableTextValidatorCompiler } from '../http/validator.ts';
import { ZId } from '../shared/schemas.ts';
import {
  ZAttachDocumentQuery,
  ZDocumentUploadHeaders,
  ZEvidenceDocument,
  ZEvidenceDocumentList,
  type TEvidenceDocument,
} from './document-schemas.ts';
import type { DocumentTarget, EvidenceDocument } from './document-store.ts';
import {
  EVIDENCE_FILE_RULES,
  attachDocument,
  getDocumentFile,
  listDocuments,
} from './documents.ts';

const ZIdParams = z.object({ id: ZId });
const tags = ['evidence documents'];
const MAX_BYTES = EVIDENCE_FILE_RULES.maxMib * 1024 * 1024;

/** An upload's body: the file's bytes, as they are (absent: empty, refused as such). */
const ZDocumentBody = z
  .custom<Uint8Array>((value) => value === undefined || value instanceof Uint8Array)
  .optional()
  .meta({ type: 'string', format: 'binary', description: 'The file, byte for byte' });

const ZFile = z.string().meta({ format: 'binary' });

const UPLOAD_REFUSALS =
  'The body is the file, its type in `Content-Type` (PDF, PNG, JPEG, plain text, an e-mail `.eml`), its name in `X-File-Name`. 201 when kept, 200 with the document already kept when the same file (SHA-256) was attached before as the same kind. 400 `evidence_document_refused`: an empty file (`attachment_empty`), another type (`attachment_type_refused`), content that is not what its type says, such as a renamed program (`attachment_content_mismatch`), a note too long (`evidence_note_too_long`); 413 above 10 MiB. Nothing is written when refused.';

/** A document as the API shows it (never its bytes). */
function presentDocument(document: EvidenceDocument): TEvidenceDocument {
  return {
    id: document.id,
    orderId: document.orderId,
    invoiceId: document.invoiceId,
    kind: document.kind,
    fileName: document.fileName,
    contentType: document.contentType,
    sizeBytes: document.sizeBytes,
    sha256: document.sha256,
    uploadedByName: document.uploadedBy.name,
    uploadedAt: document.uploadedAt.toISOString(),
    note: document.note,
  };
}

/** The body is checked as bytes only: `ZStorableText` would walk a file's every byte. */
const bytesOnly: FastifySchemaCompiler<ZodType> = (route) =>
  route.httpPart === 'body' ? validatorCompiler(route) : storableTextValidatorCompiler(route);

/**
 * Readies `scope`, a plugin of its own, for raw file bodies of any type up to 10 MiB: the use
 * case says why it refuses a type (400 with the reason, not a bare 415), and a larger body is
 * answered 413 `attachment_too_large` before it is read whole.
 */
function acceptDocumentFiles(scope: App): void {
  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_BYTES }, (_r, body, done) => {
    done(null, body);
  });
  scope.setValidatorCompiler(bytesOnly);
  scope.setErrorHandler((error: FastifyError, request, reply) =>
    error.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
      ? sendRouteProblem(request, reply, {
          status: 413,
          code: 'file_too_large',
          title: 'bad_request',
          reason: 'attachment_too_large',
          params: { max: EVIDENCE_FILE_RULES.maxMib },
        })
      : handleError(error, request, reply),
  );
}

/** The name from `X-File-Name`, URI-decoded (one with a bare `%` is read as it is). */
function headerFileName(header: string | string[] | undefined): string {
  if (typeof header !== 'string') {
    return '';
  }
  try {
    return decodeURIComponent(header);
  } catch {
    // Not URI-encoded (or badly): the header's own characters are the name.
    return header;
  }
}

/** `attachment; filename=…`, the name kept readable in ASCII and exact in UTF-8 (RFC 6266). */
function attachmentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/**
 * Sends the file to download, never to open in place (a text or an e-mail shown by the
 * browser could be made to look like the application, hence `nosniff`), never cached (it
 * is one company's), with its SHA-256 for whoever files it as evidence.
 */
function sendDocument(
  reply: FastifyReply,
  file: { document: EvidenceDocument; content: Uint8Array },
): FastifyReply {
  return reply
    .header('content-type', file.document.contentType)
    .header('content-disposition', attachmentDisposition(file.document.fileName))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .header('x-content-sha256', file.document.sha256)
    .send(Buffer.from(file.content));
}

/** The upload route of one target (`/orders/:id/documents`, `/invoices/:id/documents`). */
function registerUpload(
  scope: App,
  deps: Deps,
  route: {
    url: string;
    operationId: string;
    summary: string;
    target: (id: string) => DocumentTarget;
  },
): void {
  scope.post(
    route.url,
    {
      schema: {
        operationId: route.operationId,
        tags,
        summary: route.summary,
        description: UPLOAD_REFUSALS,
        consumes: [...EVIDENCE_FILE_RULES.types],
        params: ZIdParams,
        querystring: ZAttachDocumentQuery,
        headers: ZDocumentUploadHeaders,
        body: ZDocumentBody,
        response: {
          200: answer('The same file, kept already', ZEvidenceDocument),
          201: answer('The document kept, with its SHA-256', ZEvidenceDocument),
          ...problems(400, 401, 403, 404, 413),
        },
      },
    },
    async (request, reply) => {
      const attached = await attachDocument(deps, request.ctx, route.target(request.params.id), {
        kind: request.query.kind,
        note: request.query.note,
        fileName: headerFileName(request.headers['x-file-name']),
        contentType: request.headers['content-type'] ?? '',
        bytes: request.body ?? new Uint8Array(),
      });
      return reply.code(attached.isNew ? 201 : 200).send(presentDocument(attached.document));
    },
  );
}

/** Registers the evidence documents' routes (in the secured scope). */
export async function registerDocumentRoutes(app: App, deps: Deps): Promise<void> {
  app.get(
    '/orders/:id/documents',
    {
      schema: {
        operationId: 'listOrderDocuments',
        tags,
        summary: 'The order’s evidence documents, the newest first (without their bytes)',
        params: ZIdParams,
        response: {
          200: answer('The documents', ZEvidenceDocumentList),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request) => ({
      items: (await listDocuments(deps, request.ctx, { orderId: request.params.id })).map(
        presentDocument,
      ),
    }),
  );

  app.get(
    '/invoices/:id/documents',
    {
      schema: {
        operationId: 'listInvoiceDocuments',
        tags,
        summary:
          'The invoice’s evidence documents and those of its orders, the newest first (without their bytes)',
        description:
          'An order’s document (its signed delivery receipt) is listed with each invoice the order is linked to (`orderId` set, `invoiceId` null).',
        params: ZIdParams,
        response: {
          200: answer('The documents', ZEvidenceDocumentList),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request) => ({
      items: (await listDocuments(deps, request.ctx, { invoiceId: request.params.id })).map(
        presentDocument,
      ),
    }),
  );

  app.get(
    '/documents/:id/file',
    {
      schema: {
        operationId: 'getEvidenceDocumentFile',
        tags,
        summary: 'Download an evidence document, byte for byte as it was received',
        description:
          'The SHA-256 is checked first and sent in `X-Content-SHA256`. 409 `evidence_document_altered` when the bytes kept no longer match it: altered evidence is never handed out.',
        params: ZIdParams,
        response: {
          200: {
            description: 'The file, as received',
            content: Object.fromEntries(
              EVIDENCE_FILE_RULES.types.map((type) => [type, { schema: ZFile }]),
            ),
          },
          ...problems(400, 401, 403, 404, 409),
        },
      },
    },
    async (request, reply) =>
      sendDocument(reply, await getDocumentFile(deps, request.ctx, request.params.id)),
  );

  await app.register(async (plugin) => {
    const scope = plugin.withTypeProvider<ZodTypeProvider>();
    acceptDocumentFiles(scope);
    registerUpload(scope, deps, {
      url: '/orders/:id/documents',
      operationId: 'attachOrderDocument',
      summary: 'Attach an evidence document to an order (a signed delivery receipt)',
      target: (id) => ({ orderId: id }),
    });
    registerUpload(scope, deps, {
      url: '/invoices/:id/documents',
      operationId: 'attachInvoiceDocument',
      summary: 'Attach an evidence document to an invoice (the customer’s purchase order)',
      target: (id) => ({ invoiceId: id }),
    });
  });
}
