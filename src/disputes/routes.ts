/**
 * Disputes over HTTP (docs/api.md "Disputes"): raise, resolve and read the open dispute of
 * an invoice; list the open ones. Thin: parse, call one use case, map to the answer's schema.
 */
import { z } from 'zod';
import type { Deps } from '../app/deps.ts';
import { answer, problems } from '../http/openapi.ts';
import type { App } from '../http/types.ts';
import { ZId } from '../shared/schemas.ts';
import {
  ZDispute,
  ZDisputeList,
  ZInvoiceDispute,
  ZListDisputesQuery,
  ZRaiseDisputeRequest,
  ZResolveDisputeRequest,
  type TDispute,
} from './schemas.ts';
import {
  getOpenDispute,
  listOpenDisputes,
  raiseDispute,
  resolveDispute,
  type DisputeView,
} from './service.ts';

const ZIdParams = z.object({ id: ZId });
const tags = ['disputes'];

function presentDispute(dispute: DisputeView): TDispute {
  return {
    id: dispute.id,
    invoiceId: dispute.invoiceId,
    invoiceNumber: dispute.invoiceNumber,
    customerId: dispute.customerId,
    reason: dispute.reason,
    note: dispute.note,
    amountCents: dispute.amountCents,
    currency: dispute.currency,
    raisedOn: dispute.raisedOn,
    raisedBy: { id: dispute.raisedBy.id, name: dispute.raisedBy.name },
    isOpen: dispute.resolvedOn === null,
    resolvedOn: dispute.resolvedOn,
    resolvedBy:
      dispute.resolvedBy === null
        ? null
        : { id: dispute.resolvedBy.id, name: dispute.resolvedBy.name },
    resolutionNote: dispute.resolutionNote,
    createdAt: dispute.createdAt.toISOString(),
    updatedAt: dispute.updatedAt.toISOString(),
  };
}

export function registerDisputeRoutes(app: App, deps: Deps): void {
  app.get(
    '/invoices/:id/dispute',
    {
      schema: {
        operationId: 'getInvoiceDispute',
        tags,
        summary: 'The open dispute of an invoice, or null',
        params: ZIdParams,
        response: {
          200: answer('The open dispute, or `dispute: null`', ZInvoiceDispute),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request) => {
      const dispute = await getOpenDispute(deps, request.ctx, request.params.id);
      return { dispute: dispute === undefined ? null : presentDispute(dispute) };
    },
  );
  app.put(
    '/invoices/:id/dispute',
    {
      schema: {
        operationId: 'raiseInvoiceDispute',
        tags,
        summary: 'Raise a dispute on an invoice: the daily run holds it back while it is open',
        description:
          'Refused with 409 on a credit note, a paid invoice, or an invoice already disputed (`dispute_credit_note_refused`, `dispute_invoice_paid`, `dispute_already_open`); with 400 for an amount not above 0 or above the open amount.',
        params: ZIdParams,
        body: ZRaiseDisputeRequest,
        response: {
          201: answer('The dispute, open', ZDispute),
          ...problems(400, 401, 403, 404, 409),
        },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          presentDispute(await raiseDispute(deps, request.ctx, request.params.id, request.body)),
        ),
  );
  app.delete(
    '/invoices/:id/dispute',
    {
      schema: {
        operationId: 'resolveInvoiceDispute',
        tags,
        summary:
          'Resolve the open dispute of an invoice (kept in its history), with an optional note',
        params: ZIdParams,
        // Fastify hands a missing body to the validator as null.
        body: ZResolveDisputeRequest.nullish(),
        response: {
          200: answer('The dispute, resolved', ZDispute),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request) =>
      presentDispute(
        await resolveDispute(deps, request.ctx, request.params.id, { note: request.body?.note }),
      ),
  );
  app.get(
    '/disputes',
    {
      schema: {
        operationId: 'listOpenDisputes',
        tags,
        summary: 'The open disputes, newest first; a customer’s with `customerId`',
        querystring: ZListDisputesQuery,
        response: {
          200: answer('A page of open disputes', ZDisputeList),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request) => {
      const { customerId, before, limit } = request.query;
      const items = await listOpenDisputes(deps, request.ctx, { customerId, before, limit });
      const last = items.at(-1);
      return {
        items: items.map(presentDispute),
        nextBefore: items.length === limit && last !== undefined ? last.id : null,
      };
    },
  );
}
