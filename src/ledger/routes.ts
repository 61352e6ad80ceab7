import { z } from 'zod';
import type { Deps } from '../app/deps.ts';
import { answer, exportAnswer, problems } from '../http/openapi.ts';
import { sendExport } from '../http/send-export.ts';
import type { App } from '../http/types.ts';
import { ZTimeline } from '../audit/schemas.ts';
import { ZId } from '../shared/schemas.ts';
import {
  ZAllocation,
  ZAllocationList,
  ZCreateAllocationRequest,
  ZExportInvoicesQuery,
  ZExportPaymentsQuery,
  ZInvoice,
  ZInvoiceListTotals,
  ZInvoicePage,
  ZInvoiceTotalsQuery,
  ZListInvoicesQuery,
  ZListPaymentsQuery,
  ZPayment,
  ZPaymentListTotals,
  ZPaymentPage,
  ZPaymentTotalsQuery,
} from './schemas.ts';
import { allocate, undoAllocation } from './allocation-changes.ts';
import { getInvoice, listInvoices, summarizeInvoices } from './invoice-lists.ts';
import { getInvoiceTimeline, listInvoiceAllocations } from './allocation-lists.ts';
import { getPayment, listPayments, summarizePayments } from './payment-lists.ts';
import { exportInvoices } from './export-invoices.ts';
import { exportPayments } from './export-payments.ts';

const ZIdParams = z.object({ id: ZId });

export function registerLedgerRoutes(app: App, deps: Deps): void {
  app.get(
    '/invoices',
    {
      schema: {
        operationId: 'listInvoices',
        tags: ['invoices'],
        summary: 'Invoices and credit notes, filtered (unpaid ones unless `status` says otherwise)',
        querystring: ZListInvoicesQuery,
        response: {
          200: answer('A page of invoices and credit notes', ZInvoicePage),
          ...problems(400, 401),
        },
      },
    },
    async (request) => listInvoices(deps, request.ctx, request.query),
  );
  app.get(
    '/invoices/totals',
    {
      schema: {
        operationId: 'summarizeInvoices',
        tags: ['invoices'],
        summary:
          'The amount, open and overdue totals of every row the filters match, per currency (all pages)',
        querystring: ZInvoiceTotalsQuery,
        response: {
          200: answer('The totals per currency', ZInvoiceListTotals),
          ...problems(400, 401),
        },
      },
    },
    async (request) => summarizeInvoices(deps, request.ctx, request.query),
  );
  app.get(
    '/invoices/export',
    {
      schema: {
        operationId: 'exportInvoices',
        tags: ['invoices'],
        summary:
          'The invoice list as filtered and sorted, every matching row, as a CSV or XLSX file',
        querystring: ZExportInvoicesQuery,
        response: {
          200: exportAnswer(
            'The file, sent as an attachment (`factures-YYYY-MM-DD.csv` or `.xlsx`)',
          ),
          ...problems(400, 401),
        },
      },
    },
    async (request, reply) =>
      sendExport(reply, await exportInvoices(deps, request.ctx, request.query)),
  );
  app.get(
    '/invoices/:id',
    {
      schema: {
        operationId: 'getInvoice',
        tags: ['invoices'],
        summary: 'One invoice or credit note',
        params: ZIdParams,
        response: {
          200: answer('The invoice or credit note', ZInvoice),
          ...problems(400, 401, 404),
        },
      },
    },
    async (request) => getInvoice(deps, request.ctx, request.params.id),
  );
  app.get(
    '/invoices/:id/allocations',
    {
      schema: {
        operationId: 'listInvoiceAllocations',
        tags: ['invoices'],
        summary:
          'Allocations that settled an invoice or used a credit note, undone ones included, newest first',
        params: ZIdParams,
        response: {
          200: answer('The allocations, newest first', ZAllocationList),
          ...problems(400, 401, 404),
        },
      },
    },
    async (request) => listInvoiceAllocations(deps, request.ctx, request.params.id),
  );
  app.get(
    '/invoices/:id/events',
    {
      schema: {
        operationId: 'listInvoiceEvents',
        tags: ['invoices'],
        summary: "An invoice's audit events and its allocations', newest first",
        params: ZIdParams,
        response: {
          200: answer('The invoice’s events, newest first', ZTimeline),
          ...problems(400, 401, 404),
        },
      },
    },
    async (request) => ({
      items: await getInvoiceTimeline(deps, request.ctx, request.params.id),
    }),
  );
  app.get(
    '/payments',
    {
      schema: {
        operationId: 'listPayments',
        tags: ['payments'],
        summary: 'Payments received',
        querystring: ZListPaymentsQuery,
        response: { 200: answer('A page of payments', ZPaymentPage), ...problems(400, 401) },
      },
    },
    async (request) => listPayments(deps, request.ctx, request.query),
  );
  app.get(
    '/payments/totals',
    {
      schema: {
        operationId: 'summarizePayments',
        tags: ['payments'],
        summary:
          'The amount and unapplied totals of every payment the filters match, per currency (all pages)',
        querystring: ZPaymentTotalsQuery,
        response: {
          200: answer('The totals per currency', ZPaymentListTotals),
          ...problems(400, 401),
        },
      },
    },
    async (request) => summarizePayments(deps, request.ctx, request.query),
  );
  app.get(
    '/payments/export',
    {
      schema: {
        operationId: 'exportPayments',
        tags: ['payments'],
        summary: 'The payment list as filtered, every matching payment, as a CSV or XLSX file',
        querystring: ZExportPaymentsQuery,
        response: {
          200: exportAnswer(
            'The file, sent as an attachment (`paiements-YYYY-MM-DD.csv` or `.xlsx`)',
          ),
          ...problems(400, 401),
        },
      },
    },
    async (request, reply) =>
      sendExport(reply, await exportPayments(deps, request.ctx, request.query)),
  );
  app.get(
    '/payments/:id',
    {
      schema: {
        operationId: 'getPayment',
        tags: ['payments'],
        summary: 'One payment with its unapplied amount',
        params: ZIdParams,
        response: {
          200: answer('The payment', ZPayment),
          ...problems(400, 401, 404),
        },
      },
    },
    async (request) => getPayment(deps, request.ctx, request.params.id),
  );
  app.post(
    '/allocations',
    {
      schema: {
        operationId: 'createAllocation',
        tags: ['allocations'],
        summary: 'Apply a payment or credit note to an invoice (lettrage)',
        body: ZCreateAllocationRequest,
        response: {
          201: answer('The allocation, recorded', ZAllocation),
          ...problems(400, 401, 403, 404, 409),
        },
      },
    },
    async (request, reply) => reply.code(201).send(await allocate(deps, request.ctx, request.body)),
  );
  app.delete(
    '/allocations/:id',
    {
      schema: {
        operationId: 'undoAllocation',
        tags: ['allocations'],
        summary: 'Undo an allocation (kept in the history as undone)',
        params: ZIdParams,
        response: {
          200: answer('The allocation, marked undone', ZAllocation),
          ...problems(400, 401, 403, 404, 409),
        },
      },
    },
    async (request) => undoAllocation(deps, request.ctx, request.params.id),
  );
}
