import { z } from 'zod';
import type { Deps } from '../app/deps.ts';
import type { App } from '../http/types.ts';
import { ZId, ZProblem } from '../shared/schemas.ts';
import {
  ZAllocation,
  ZCreateAllocationRequest,
  ZInvoice,
  ZInvoicePage,
  ZListInvoicesQuery,
  ZListPaymentsQuery,
  ZPayment,
  ZPaymentPage,
} from './schemas.ts';
import {
  allocate,
  getInvoice,
  getPayment,
  listInvoices,
  listPayments,
  undoAllocation,
} from './service.ts';

const ZIdParams = z.object({ id: ZId });

export function registerLedgerRoutes(app: App, deps: Deps): void {
  app.get(
    '/invoices',
    {
      schema: {
        tags: ['invoices'],
        summary: 'Invoices and credit notes, filtered',
        querystring: ZListInvoicesQuery,
        response: { 200: ZInvoicePage },
      },
    },
    async (request) => listInvoices(deps, request.ctx, request.query),
  );
  app.get(
    '/invoices/:id',
    {
      schema: {
        tags: ['invoices'],
        summary: 'One invoice or credit note',
        params: ZIdParams,
        response: { 200: ZInvoice, 404: ZProblem },
      },
    },
    async (request) => getInvoice(deps, request.ctx, request.params.id),
  );
  app.get(
    '/payments',
    {
      schema: {
        tags: ['payments'],
        summary: 'Payments received',
        querystring: ZListPaymentsQuery,
        response: { 200: ZPaymentPage },
      },
    },
    async (request) => listPayments(deps, request.ctx, request.query),
  );
  app.get(
    '/payments/:id',
    {
      schema: {
        tags: ['payments'],
        summary: 'One payment with its unapplied amount',
        params: ZIdParams,
        response: { 200: ZPayment, 404: ZProblem },
      },
    },
    async (request) => getPayment(deps, request.ctx, request.params.id),
  );
  app.post(
    '/allocations',
    {
      schema: {
        tags: ['allocations'],
        summary: 'Apply a payment or credit note to an invoice (lettrage)',
        body: ZCreateAllocationRequest,
        response: { 201: ZAllocation, 404: ZProblem, 409: ZProblem, 400: ZProblem },
      },
    },
    async (request, reply) => reply.code(201).send(await allocate(deps, request.ctx, request.body)),
  );
  app.delete(
    '/allocations/:id',
    {
      schema: {
        tags: ['allocations'],
        summary: 'Undo an allocation (kept in the history as undone)',
        params: ZIdParams,
        response: { 200: ZAllocation, 404: ZProblem, 409: ZProblem },
      },
    },
    async (request) => undoAllocation(deps, request.ctx, request.params.id),
  );
}
