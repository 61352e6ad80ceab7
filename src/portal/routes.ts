/**
 * The portal over HTTP (docs/portal.md, docs/api.md « Portal »). Thin: parse, call one use
 * case, shape the answer with the portal's presenters.
 *
 * - `registerPortalStaffRoutes`: in the secured scope (sessions and API tokens): a customer's
 *   portal links and approvals, an invoice's document, the company's bank details.
 * - `registerPortalRoutes`: `/api/portal/*`, outside it: known only by the customer's link
 *   (`X-Access-Token`), rate-limited per address and per token before the token is even
 *   looked up, so a guesser is slowed as much as a runaway page.
 */
import { createHash } from 'node:crypto';
import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../app/deps.ts';
import { ACCESS_TOKEN_HEADER, authenticateLinkRequest } from '../access/authenticate-link.ts';
import { getBankDetails, saveBankDetails } from '../companies/bank-details.ts';
import { acceptRawFiles, sendDownload } from '../disputes/http-files.ts';
import { presentAttachment } from '../disputes/thread.ts';
import { ZDisputeAttachment } from '../disputes/thread-schemas.ts';
import { answer, problems } from '../http/openapi.ts';
import { requestLanguage } from '../http/problem.ts';
import { publicUrlOf, type PublicUrlOption } from '../http/public-url.ts';
import type { App } from '../http/types.ts';
import { ZUploadBody, uploadedFileName } from '../imports/upload.ts';
import { DomainError, UnauthorizedError } from '../shared/errors.ts';
import { calendarDate } from '../shared/calendar-date.ts';
import { ZId } from '../shared/schemas.ts';
import { ZUploadHeaders } from '../imports/schemas.ts';
import { getPortalAccount } from './account.ts';
import { approveInvoices, listInvoiceApprovals } from './approvals.ts';
import { downloadStatement } from './statement.ts';
import { downloadPortalDocument, getInvoiceDocument, uploadInvoiceDocument } from './documents.ts';
import { createPortalLink, listPortalLinks, revokePortalLinks } from './portal-links.ts';
import { createPortalPromise } from './portal-promises.ts';
import { addPortalDisputeAttachment, openPortalDispute } from './problems.ts';
import {
  presentApprovals,
  presentPortalAccount,
  presentPortalDispute,
  presentPortalLink,
} from './present.ts';
import {
  ZAccessTokenHeaders,
  ZCompanyBankDetails,
  ZCreatedPortalLink,
  ZCreatePortalLinkRequest,
  ZInvoiceApprovalList,
  ZPortalAccount,
  ZPortalApprovals,
  ZPortalApproveRequest,
  ZPortalDisputeRequest,
  ZPortalLinkList,
  ZPortalOpenedDispute,
  ZPortalPromise,
  ZPortalPromiseRequest,
  ZRevokedPortalLinks,
  ZSaveBankDetailsRequest,
  ZStoredInvoiceDocument,
} from './schemas.ts';

const ZIdParams = z.object({ id: ZId });
const ZInvoiceParams = z.object({ invoiceId: ZId });
const ZFile = z.string().meta({ format: 'binary' });
const staffTags = ['portal'];
const portalTags = ['portal (customer)'];

function pdfAnswer(description: string) {
  return { description, content: { 'application/pdf': { schema: ZFile } } };
}

/** The staff side of the portal, in the secured scope. */
export async function registerPortalStaffRoutes(
  app: App,
  deps: Deps,
  options: PublicUrlOption = {},
): Promise<void> {
  app.post(
    '/customers/:id/portal-link',
    {
      schema: {
        operationId: 'createPortalLink',
        tags: staffTags,
        summary: 'Make a portal link for the customer (the URL is shown once)',
        description:
          'The URL is `<public URL>/portail#<token>`; only the token’s hash is kept, so it cannot be shown again. 400 `link_lifetime` for days outside 1..365. Collectors, credit managers, admins.',
        params: ZIdParams,
        body: ZCreatePortalLinkRequest,
        response: {
          201: answer('The link and its URL', ZCreatedPortalLink),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const made = await createPortalLink(deps, request.ctx, {
        customerId: request.params.id,
        days: request.body.days,
        publicUrl: publicUrlOf(request, options),
      });
      const link = presentPortalLink(made.link);
      return reply.code(201).send({
        link: { id: link.id, createdAt: link.createdAt, expiresAt: link.expiresAt },
        url: made.url,
      });
    },
  );

  app.get(
    '/customers/:id/portal-links',
    {
      schema: {
        operationId: 'listPortalLinks',
        tags: staffTags,
        summary: 'The customer’s portal links, the newest first (never their tokens)',
        params: ZIdParams,
        response: { 200: answer('The links', ZPortalLinkList), ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => ({
      items: (await listPortalLinks(deps, request.ctx, request.params.id)).map(presentPortalLink),
    }),
  );

  app.post(
    '/customers/:id/portal-links/revoke',
    {
      schema: {
        operationId: 'revokePortalLinks',
        tags: staffTags,
        summary: 'Revoke every portal link of the customer',
        description: 'The next request with any of them is refused (401 `link_revoked`).',
        params: ZIdParams,
        response: {
          200: answer('How many were revoked', ZRevokedPortalLinks),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request) => ({ revoked: await revokePortalLinks(deps, request.ctx, request.params.id) }),
  );

  app.get(
    '/customers/:id/invoice-approvals',
    {
      schema: {
        operationId: 'listInvoiceApprovals',
        tags: staffTags,
        summary: 'The invoices the customer approved on its portal, the newest first',
        params: ZIdParams,
        response: {
          200: answer('The approvals', ZInvoiceApprovalList),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request) =>
      presentApprovals(await listInvoiceApprovals(deps, request.ctx, request.params.id)),
  );

  app.get(
    '/invoices/:id/document',
    {
      schema: {
        operationId: 'getInvoiceDocument',
        tags: staffTags,
        summary: 'The invoice’s PDF',
        params: ZIdParams,
        response: { 200: pdfAnswer('The PDF, as uploaded'), ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) =>
      sendDownload(reply, await getInvoiceDocument(deps, request.ctx, request.params.id)),
  );

  await app.register(async (plugin) => {
    const scope = plugin.withTypeProvider<ZodTypeProvider>();
    acceptRawFiles(scope);
    scope.put(
      '/invoices/:id/document',
      {
        schema: {
          operationId: 'uploadInvoiceDocument',
          tags: staffTags,
          summary: 'Keep the invoice’s PDF (replacing the one it had)',
          description:
            'The body is the file (`Content-Type: application/pdf`), its name in `X-File-Name`. 400 `invoice_document_refused`: not a PDF, empty, or not starting as a PDF does; 413 over 10 MiB.',
          consumes: ['application/pdf'],
          params: ZIdParams,
          headers: ZUploadHeaders,
          body: ZUploadBody,
          response: {
            200: answer('The document kept', ZStoredInvoiceDocument),
            ...problems(400, 401, 403, 404, 413),
          },
        },
      },
      async (request) =>
        uploadInvoiceDocument(deps, request.ctx, request.params.id, {
          fileName: uploadedFileName(request.headers['x-file-name']),
          contentType: request.headers['content-type'] ?? '',
          bytes: request.body,
        }),
    );
  });

  app.get(
    '/company/bank-details',
    {
      schema: {
        operationId: 'getBankDetails',
        tags: staffTags,
        summary: 'Where the company’s customers pay (shown on the portal)',
        response: {
          200: answer('The bank details, or null', ZCompanyBankDetails),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request) => ({ bankDetails: await getBankDetails(deps, request.ctx) }),
  );

  app.put(
    '/company/bank-details',
    {
      schema: {
        operationId: 'saveBankDetails',
        tags: staffTags,
        summary: 'Set where the company’s customers pay',
        description:
          '400 `bank_details_invalid` with every issue: no holder, an IBAN whose key or national format is wrong (`invalid_iban`), a BIC of the wrong shape. Admins.',
        body: ZSaveBankDetailsRequest,
        response: {
          200: answer('The bank details as kept', ZCompanyBankDetails),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request) => ({ bankDetails: await saveBankDetails(deps, request.ctx, request.body) }),
  );
}

/** The portal's options. */
export type PortalOptions = {
  /** Requests a minute one address, and one token, may make (120 by default). */
  requestsPerMinute?: number | undefined;
};

/** The requests a minute an address, and a token, may make unless told. */
export const PORTAL_REQUESTS_PER_MINUTE = 120;

/** The customer whose link the request came with (set by `authenticateLinkRequest`). */
function linkCustomerId(request: FastifyRequest): string {
  const audience = request.ctx.audience;
  if (audience?.kind !== 'customer') {
    // The scope's hook refuses any other token before a handler runs.
    throw new UnauthorizedError('link_invalid');
  }
  return audience.customerId;
}

/** What a rate-limit key keeps of a token: its hash (the token itself stays out of memory). */
function tokenKey(request: FastifyRequest): string {
  const header = request.headers[ACCESS_TOKEN_HEADER];
  const token = typeof header === 'string' ? header.trim() : '';
  return `token:${createHash('sha256').update(token).digest('base64url')}`;
}

/** The portal's routes take the customer's link token, not a session (ADR 23). */
const LINK_SECURITY = [{ accessLink: [] }];

/** A portal route's problems: `statuses`, and the 401 and 429 every one of them may give. */
function portalProblems<const S extends 400 | 403 | 404 | 409 | 413>(...statuses: S[]) {
  return {
    ...problems(...statuses),
    401: {
      ...problems(401)[401],
      description:
        'The link is unknown or altered (`link_invalid`), expired (`link_expired`) or revoked (`link_revoked`)',
    },
    429: {
      ...problems(429)[429],
      description:
        'Too many requests from this address or with this link (`rate_limited`, `portal_too_many_requests`); `Retry-After` says when to try again',
    },
  };
}

/** The customer's routes that take JSON or nothing. */
function registerCustomerSide(portal: App, deps: Deps): void {
  const schemaOf = <T extends object>(schema: T) => ({
    tags: portalTags,
    headers: ZAccessTokenHeaders,
    ...schema,
  });

  portal.get(
    '/account',
    {
      schema: schemaOf({
        operationId: 'getPortalAccount',
        security: LINK_SECURITY,
        summary: 'The customer’s account: its open invoices and credit notes, totals, disputes',
        response: { 200: answer('The account', ZPortalAccount), ...portalProblems(400) },
      }),
    },
    async (request) =>
      presentPortalAccount(
        await getPortalAccount(deps, request.ctx, {
          customerId: linkCustomerId(request),
          language: requestLanguage(request),
        }),
      ),
  );

  portal.get(
    '/invoices/:invoiceId/document',
    {
      schema: schemaOf({
        operationId: 'downloadPortalInvoiceDocument',
        security: LINK_SECURITY,
        summary: 'The PDF of one of the customer’s invoices',
        description: '404 for an invoice without a document, as for one of another customer.',
        params: ZInvoiceParams,
        response: { 200: pdfAnswer('The PDF'), ...portalProblems(400, 404) },
      }),
    },
    async (request, reply) =>
      sendDownload(
        reply,
        await downloadPortalDocument(deps, request.ctx, {
          customerId: linkCustomerId(request),
          invoiceId: request.params.invoiceId,
        }),
      ),
  );

  portal.get(
    '/statement',
    {
      schema: schemaOf({
        operationId: 'downloadPortalStatement',
        security: LINK_SECURITY,
        summary: 'The customer’s statement of account as PDF, in the reader’s language',
        response: { 200: pdfAnswer('The statement'), ...portalProblems(400) },
      }),
    },
    async (request, reply) => {
      const statement = await downloadStatement(deps, request.ctx, {
        customerId: linkCustomerId(request),
        language: requestLanguage(request),
      });
      return sendDownload(reply, { ...statement, contentType: 'application/pdf' });
    },
  );

  portal.post(
    '/approvals',
    {
      schema: schemaOf({
        operationId: 'approvePortalInvoices',
        security: LINK_SECURITY,
        summary: '« J’approuve » these invoices (approving again changes nothing)',
        description:
          '404 for an invoice of another customer and 400 `approval_not_an_invoice` for a credit note: nothing approved.',
        body: ZPortalApproveRequest,
        response: {
          200: answer('Every invoice asked, with its approval', ZPortalApprovals),
          ...portalProblems(400, 404),
        },
      }),
    },
    async (request) => {
      const approved = await approveInvoices(deps, request.ctx, {
        customerId: linkCustomerId(request),
        invoiceIds: request.body.invoiceIds,
      });
      return {
        approved: approved.map((entry) => ({
          invoiceId: entry.invoiceId,
          approvedAt: entry.approvedAt.toISOString(),
        })),
      };
    },
  );

  portal.post(
    '/disputes',
    {
      schema: schemaOf({
        operationId: 'openPortalDispute',
        security: LINK_SECURITY,
        summary: '« Il y a un problème »: open a dispute on the customer’s invoices',
        description:
          '404 for an invoice of another customer; 409 on a credit note, a paid invoice or one already disputed; 400 for a part above what is open or an unknown cause.',
        body: ZPortalDisputeRequest,
        response: {
          201: answer('The dispute opened', ZPortalOpenedDispute),
          ...portalProblems(400, 404, 409),
        },
      }),
    },
    async (request, reply) => {
      const dispute = await openPortalDispute(deps, request.ctx, {
        customerId: linkCustomerId(request),
        invoices: request.body.invoices,
        cause: request.body.cause,
        message: request.body.message,
      });
      return reply.code(201).send({ dispute: presentPortalDispute(dispute) });
    },
  );

  portal.post(
    '/promises',
    {
      schema: schemaOf({
        operationId: 'createPortalPromise',
        security: LINK_SECURITY,
        summary: '« Je paierai le … »: promise to pay the invoices on a date',
        description:
          '400 `promise_refused` with its issues (a date before today: `promise_date_past`); 404 for an invoice of another customer.',
        body: ZPortalPromiseRequest,
        response: { 201: answer('The promise', ZPortalPromise), ...portalProblems(400, 404) },
      }),
    },
    async (request, reply) => {
      const promise = await createPortalPromise(deps, request.ctx, {
        customerId: linkCustomerId(request),
        invoiceIds: request.body.invoiceIds,
        promisedOn: calendarDate(request.body.promisedOn),
        amountCents: request.body.amountCents,
      });
      return reply.code(201).send({ promise });
    },
  );
}

/** `/api/portal/*`, outside the secured scope: the customer's side. */
export async function registerPortalRoutes(
  app: App,
  deps: Deps,
  options: PortalOptions = {},
): Promise<void> {
  const max = options.requestsPerMinute ?? PORTAL_REQUESTS_PER_MINUTE;
  await app.register(
    async (plugin) => {
      const portal = plugin.withTypeProvider<ZodTypeProvider>();
      portal.decorateRequest('ctx');
      await portal.register(fastifyRateLimit, { global: false });
      const limits = [
        portal.createRateLimit({ max, timeWindow: 60_000, keyGenerator: (r) => `ip:${r.ip}` }),
        portal.createRateLimit({ max, timeWindow: 60_000, keyGenerator: tokenKey }),
      ];
      // Counted before the token is looked up: a guesser is slowed as much as a runaway page.
      portal.addHook('onRequest', async (request, reply) => {
        for (const limit of limits) {
          const state = await limit(request);
          if (!state.isAllowed && state.isExceeded) {
            const seconds = Math.max(1, state.ttlInSeconds);
            reply.header('retry-after', String(seconds));
            throw new DomainError('rate_limited', 'portal_too_many_requests', { seconds });
          }
        }
      });
      portal.addHook('onRequest', async (request) => {
        await authenticateLinkRequest(deps, request, 'customer');
      });
      registerCustomerSide(portal, deps);
      await portal.register(async (files) => {
        const scope = files.withTypeProvider<ZodTypeProvider>();
        acceptRawFiles(scope);
        scope.post(
          '/disputes/:id/attachments',
          {
            schema: {
              operationId: 'addPortalDisputeAttachment',
              security: LINK_SECURITY,
              tags: portalTags,
              summary: 'Attach a document to a dispute the customer opened',
              description:
                'The body is the file, its type in `Content-Type` (PDF, PNG, JPEG, plain text, an e-mail), its name in `X-File-Name`. 400 `attachment_type_refused` / `attachment_content_mismatch`; 413 over 10 MiB; 404 for a dispute of another customer.',
              params: ZIdParams,
              headers: ZAccessTokenHeaders.extend(ZUploadHeaders.shape),
              body: ZUploadBody,
              response: {
                201: answer('The attachment kept', ZDisputeAttachment),
                ...portalProblems(400, 404, 413),
              },
            },
          },
          async (request, reply) => {
            const attachment = await addPortalDisputeAttachment(deps, request.ctx, {
              customerId: linkCustomerId(request),
              disputeId: request.params.id,
              file: {
                fileName: uploadedFileName(request.headers['x-file-name']),
                contentType: request.headers['content-type'] ?? '',
                bytes: request.body,
              },
            });
            return reply.code(201).send(presentAttachment(attachment));
          },
        );
      });
    },
    { prefix: '/portal' },
  );
}
