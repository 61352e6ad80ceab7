import { z } from 'zod';
import { ZTimeline } from '../audit/schemas.ts';
import type { Deps } from '../app/deps.ts';
import { answer, exportAnswer, problems } from '../http/openapi.ts';
import { sendExport } from '../http/send-export.ts';
import type { App } from '../http/types.ts';
import { ZAllocationList } from '../ledger/schemas.ts';
import { listAllocations } from '../ledger/allocation-lists.ts';
import { ZId } from '../shared/schemas.ts';
import {
  ZAssignableUserList,
  ZCreateCustomerRequest,
  ZCustomerDetail,
  ZCustomerListTotals,
  ZCustomerPage,
  ZCustomerTotalsQuery,
  ZExportCustomersQuery,
  ZListCustomersQuery,
  ZUpdateCustomerRequest,
} from './schemas.ts';
import {
  createCustomer,
  getCustomer,
  getCustomerTimeline,
  listCollectorChoices,
  listCustomers,
  summarizeCustomers,
  requireCustomer,
  updateCustomer,
} from './service.ts';
import { exportCustomers } from './export-customers.ts';

const ZCustomerParams = z.object({ id: ZId });
const tags = ['customers'];

export function registerCustomerRoutes(app: App, deps: Deps): void {
  app.get(
    '/customers',
    {
      schema: {
        operationId: 'listCustomers',
        tags,
        summary: 'Customers with open and overdue amounts',
        querystring: ZListCustomersQuery,
        response: {
          200: answer('A page of customers', ZCustomerPage),
          ...problems(400, 401),
        },
      },
    },
    async (request) => listCustomers(deps, request.ctx, request.query),
  );
  app.get(
    '/customers/totals',
    {
      schema: {
        operationId: 'summarizeCustomers',
        tags,
        summary:
          'The encours and overdue amounts of every customer the filters match, per currency (all pages)',
        querystring: ZCustomerTotalsQuery,
        response: {
          200: answer('The totals per currency', ZCustomerListTotals),
          ...problems(400, 401),
        },
      },
    },
    async (request) => summarizeCustomers(deps, request.ctx, request.query),
  );
  app.get(
    '/customers/export',
    {
      schema: {
        operationId: 'exportCustomers',
        tags,
        summary:
          'The customer list as filtered and sorted, every matching customer, as a CSV or XLSX file',
        querystring: ZExportCustomersQuery,
        response: {
          200: exportAnswer(
            'The file, sent as an attachment (`clients-YYYY-MM-DD.csv` or `.xlsx`)',
          ),
          ...problems(400, 401),
        },
      },
    },
    async (request, reply) =>
      sendExport(reply, await exportCustomers(deps, request.ctx, request.query)),
  );
  app.get(
    '/collectors',
    {
      schema: {
        operationId: 'listCollectors',
        tags,
        summary: 'Active users a customer may be given to as its collector',
        description:
          'Readable by every role that reads customers (GET /api/users is for admins only).',
        response: {
          200: answer('The users, by display name', ZAssignableUserList),
          ...problems(400, 401),
        },
      },
    },
    async (request) => ({ items: await listCollectorChoices(deps, request.ctx) }),
  );
  app.post(
    '/customers',
    {
      schema: {
        operationId: 'createCustomer',
        tags,
        summary: 'Create a customer',
        body: ZCreateCustomerRequest,
        response: {
          201: answer('The customer, created', ZCustomerDetail),
          ...problems(400, 401, 403, 409),
        },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createCustomer(deps, request.ctx, request.body)),
  );
  app.get(
    '/customers/:id',
    {
      schema: {
        operationId: 'getCustomer',
        tags,
        summary: 'A customer account with its balance',
        params: ZCustomerParams,
        response: {
          200: answer('The customer with its balance', ZCustomerDetail),
          ...problems(400, 401, 404),
        },
      },
    },
    async (request) => getCustomer(deps, request.ctx, request.params.id),
  );
  app.patch(
    '/customers/:id',
    {
      schema: {
        operationId: 'updateCustomer',
        tags,
        summary: 'Change a customer (only the fields given)',
        params: ZCustomerParams,
        body: ZUpdateCustomerRequest,
        response: {
          200: answer('The customer, changed', ZCustomerDetail),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request) => updateCustomer(deps, request.ctx, request.params.id, request.body),
  );
  app.get(
    '/customers/:id/events',
    {
      schema: {
        operationId: 'listCustomerEvents',
        tags,
        summary: "The customer's timeline, newest first",
        params: ZCustomerParams,
        response: {
          200: answer('The customer’s events, newest first', ZTimeline),
          ...problems(400, 401, 404),
        },
      },
    },
    async (request) => ({ items: await getCustomerTimeline(deps, request.ctx, request.params.id) }),
  );
  app.get(
    '/customers/:id/allocations',
    {
      schema: {
        operationId: 'listCustomerAllocations',
        tags,
        summary: "Allocations on the customer's invoices",
        params: ZCustomerParams,
        response: {
          200: answer('The allocations on the customer’s invoices', ZAllocationList),
          ...problems(400, 401, 404),
        },
      },
    },
    async (request) => {
      await requireCustomer(deps, request.ctx, request.params.id);
      return listAllocations(deps, request.ctx, request.params.id);
    },
  );
}
