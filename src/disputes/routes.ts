/**
 * Disputes over HTTP for staff (docs/disputes.md, docs/api.md « Disputes »): the board and a
 * dispute's page, opening, routing and resolving; the company's causes and departments; the
 * invoice page's doors on one invoice. Thin: parse, call one use case, present.
 */
import { z } from 'zod';
import type { Deps } from '../app/deps.ts';
import { answer, problems } from '../http/openapi.ts';
import { requestLanguage } from '../http/problem.ts';
import type { App } from '../http/types.ts';
import type { CalendarDate } from '../shared/calendar-date.ts';
import { ZId } from '../shared/schemas.ts';
import {
  createDepartment,
  listCauses,
  listDepartments,
  saveCause,
  updateDepartment,
} from './configuration.ts';
import {
  openDisputeDetail,
  resolveDispute,
  resolveInvoiceDispute,
  updateDispute,
} from './manage.ts';
import {
  presentCause,
  presentDepartment,
  presentDisputeDetail,
  presentDisputeSummary,
} from './present.ts';
import { getDisputeDetail, getInvoiceDispute, listDisputes } from './read.ts';
import {
  ZCauseCode,
  ZCreateDepartmentRequest,
  ZDepartment,
  ZDepartmentList,
  ZDisputeCause,
  ZDisputeCauseList,
  ZDisputeDetail,
  ZDisputeList,
  ZDisputeSummary,
  ZInvoiceDispute,
  ZListDisputesQuery,
  ZOpenDisputeRequest,
  ZOpenInvoiceDisputeRequest,
  ZResolveDisputeRequest,
  ZSaveCauseRequest,
  ZUpdateDepartmentRequest,
  ZUpdateDisputeRequest,
} from './schemas.ts';

const ZIdParams = z.object({ id: ZId });
const tags = ['disputes'];

/** The day a route was given, as the service takes it (the schema checked it). */
function dateOf(text: string | undefined): CalendarDate | undefined {
  return text as CalendarDate | undefined;
}

export function registerDisputeRoutes(app: App, deps: Deps): void {
  app.get(
    '/disputes',
    {
      schema: {
        operationId: 'listDisputes',
        tags,
        summary: 'The disputes, newest first, by status, department, cause, customer, invoice',
        querystring: ZListDisputesQuery,
        response: { 200: answer('A page of disputes', ZDisputeList), ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const { status, open, limit, ...filter } = request.query;
      const items = await listDisputes(deps, request.ctx, {
        ...filter,
        statuses: status,
        isOpen: open,
        limit,
      });
      const last = items.at(-1);
      return {
        items: items.map(presentDisputeSummary),
        nextBefore: items.length === limit && last !== undefined ? last.dispute.id : null,
      };
    },
  );
  app.post(
    '/disputes',
    {
      schema: {
        operationId: 'openDispute',
        tags,
        summary:
          'Open a dispute over invoices of one customer: the run holds their disputed parts back',
        description:
          'Refused with 409 on a credit note, a paid invoice or an invoice already disputed (`dispute_credit_note_refused`, `dispute_invoice_paid`, `dispute_already_open`); with 400 for a part not above 0 or above the open amount (`invoices.<i>.disputedCents`), an unknown cause or department, invoices of two customers or currencies.',
        body: ZOpenDisputeRequest,
        response: {
          201: answer('The dispute, open', ZDisputeDetail),
          ...problems(400, 401, 403, 404, 409),
        },
      },
    },
    async (request, reply) => {
      const { deadline, ...input } = request.body;
      const detail = await openDisputeDetail(deps, request.ctx, {
        ...input,
        deadline: dateOf(deadline),
      });
      return reply.code(201).send(presentDisputeDetail(detail, requestLanguage(request)));
    },
  );
  app.get(
    '/disputes/:id',
    {
      schema: {
        operationId: 'getDispute',
        tags,
        summary: 'A dispute with its thread, attachments, department links and events',
        params: ZIdParams,
        response: { 200: answer('The dispute', ZDisputeDetail), ...problems(400, 401, 403, 404) },
      },
    },
    async (request) =>
      presentDisputeDetail(
        await getDisputeDetail(deps, request.ctx, request.params.id),
        requestLanguage(request),
      ),
  );
  app.patch(
    '/disputes/:id',
    {
      schema: {
        operationId: 'updateDispute',
        tags,
        summary: 'Route a dispute: status, department, assignee, deadline, cause, description',
        params: ZIdParams,
        body: ZUpdateDisputeRequest,
        response: {
          200: answer('The dispute', ZDisputeDetail),
          ...problems(400, 401, 403, 404, 409),
        },
      },
    },
    async (request) => {
      const { deadline, ...input } = request.body;
      return presentDisputeDetail(
        await updateDispute(deps, request.ctx, request.params.id, {
          ...input,
          deadline: dateOf(deadline),
        }),
        requestLanguage(request),
      );
    },
  );
  app.post(
    '/disputes/:id/resolve',
    {
      schema: {
        operationId: 'resolveDispute',
        tags,
        summary: 'Resolve a dispute: justified (with its credit note), rejected or corrected',
        description: '409 `dispute_already_resolved` when it is resolved already.',
        params: ZIdParams,
        body: ZResolveDisputeRequest,
        response: {
          200: answer('The dispute, resolved', ZDisputeDetail),
          ...problems(400, 401, 403, 404, 409),
        },
      },
    },
    async (request) =>
      presentDisputeDetail(
        await resolveDispute(deps, request.ctx, request.params.id, request.body),
        requestLanguage(request),
      ),
  );
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
      const view = await getInvoiceDispute(deps, request.ctx, request.params.id);
      return { dispute: view === undefined ? null : presentDisputeSummary(view) };
    },
  );
  app.post(
    '/invoices/:id/dispute',
    {
      schema: {
        operationId: 'openInvoiceDispute',
        tags,
        summary: 'Open a dispute over this one invoice (the invoice page’s « Contester »)',
        params: ZIdParams,
        body: ZOpenInvoiceDisputeRequest,
        response: {
          201: answer('The dispute, open', ZDisputeSummary),
          ...problems(400, 401, 403, 404, 409),
        },
      },
    },
    async (request, reply) => {
      const { disputedCents, ...input } = request.body;
      const detail = await openDisputeDetail(deps, request.ctx, {
        ...input,
        invoices: [{ invoiceId: request.params.id, disputedCents }],
      });
      return reply.code(201).send(presentDisputeSummary(detail));
    },
  );
  app.post(
    '/invoices/:id/dispute/resolve',
    {
      schema: {
        operationId: 'resolveInvoiceDispute',
        tags,
        summary: 'Resolve the open dispute of an invoice',
        params: ZIdParams,
        body: ZResolveDisputeRequest,
        response: {
          200: answer('The dispute, resolved', ZDisputeDetail),
          ...problems(400, 401, 403, 404, 409),
        },
      },
    },
    async (request) =>
      presentDisputeDetail(
        await resolveInvoiceDispute(deps, request.ctx, request.params.id, request.body),
        requestLanguage(request),
      ),
  );
  app.get(
    '/dispute-causes',
    {
      schema: {
        operationId: 'listDisputeCauses',
        tags,
        summary: 'The company’s dispute causes: the defaults as it changed them, then its own',
        response: { 200: answer('The causes', ZDisputeCauseList), ...problems(400, 401, 403) },
      },
    },
    async (request) => ({ items: (await listCauses(deps, request.ctx)).map(presentCause) }),
  );
  app.put(
    '/dispute-causes/:code',
    {
      schema: {
        operationId: 'saveDisputeCause',
        tags,
        summary: 'Rename, re-time or retire a cause, or add one of the company’s own',
        params: z.object({ code: ZCauseCode }),
        body: ZSaveCauseRequest,
        response: { 200: answer('The cause', ZDisputeCause), ...problems(400, 401, 403, 404) },
      },
    },
    async (request) =>
      presentCause(await saveCause(deps, request.ctx, request.params.code, request.body)),
  );
  app.get(
    '/departments',
    {
      schema: {
        operationId: 'listDepartments',
        tags,
        summary: 'The departments that answer disputes',
        response: { 200: answer('The departments', ZDepartmentList), ...problems(400, 401, 403) },
      },
    },
    async (request) => ({
      items: (await listDepartments(deps, request.ctx)).map(presentDepartment),
    }),
  );
  app.post(
    '/departments',
    {
      schema: {
        operationId: 'createDepartment',
        tags,
        summary: 'Add a department (409 `department_code_taken` for a code the company has)',
        body: ZCreateDepartmentRequest,
        response: {
          201: answer('The department', ZDepartment),
          ...problems(400, 401, 403, 409),
        },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(presentDepartment(await createDepartment(deps, request.ctx, request.body))),
  );
  app.put(
    '/departments/:id',
    {
      schema: {
        operationId: 'updateDepartment',
        tags,
        summary: 'Change a department, or retire it (`isActive: false`)',
        params: ZIdParams,
        body: ZUpdateDepartmentRequest,
        response: {
          200: answer('The department', ZDepartment),
          ...problems(400, 401, 403, 404, 409),
        },
      },
    },
    async (request) =>
      presentDepartment(await updateDepartment(deps, request.ctx, request.params.id, request.body)),
  );
}
