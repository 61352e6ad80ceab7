import { z } from 'zod';
import type { Deps } from '../app/deps.ts';
import type { App } from '../http/types.ts';
import { ZAllocationList } from '../ledger/schemas.ts';
import { listAllocations } from '../ledger/service.ts';
import { ZId, ZProblem } from '../shared/schemas.ts';
import {
  ZCreateCustomerRequest,
  ZCustomerDetail,
  ZCustomerPage,
  ZListCustomersQuery,
  ZTimeline,
  ZUpdateCustomerRequest,
} from './schemas.ts';
import {
  createCustomer,
  getCustomer,
  getCustomerTimeline,
  listCustomers,
  requireCustomer,
  updateCustomer,
} from './service.ts';

const ZCustomerParams = z.object({ id: ZId });
const tags = ['customers'];

export function registerCustomerRoutes(app: App, deps: Deps): void {
  app.get(
    '/customers',
    {
      schema: {
        tags,
        summary: 'Customers with open and overdue amounts',
        querystring: ZListCustomersQuery,
        response: { 200: ZCustomerPage },
      },
    },
    async (request) => listCustomers(deps, request.ctx, request.query),
  );
  app.post(
    '/customers',
    {
      schema: {
        tags,
        summary: 'Create a customer',
        body: ZCreateCustomerRequest,
        response: { 201: ZCustomerDetail, 409: ZProblem, 400: ZProblem },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createCustomer(deps, request.ctx, request.body)),
  );
  app.get(
    '/customers/:id',
    {
      schema: {
        tags,
        summary: 'A customer account with its balance',
        params: ZCustomerParams,
        response: { 200: ZCustomerDetail, 404: ZProblem },
      },
    },
    async (request) => getCustomer(deps, request.ctx, request.params.id),
  );
  app.patch(
    '/customers/:id',
    {
      schema: {
        tags,
        summary: 'Change a customer (only the fields given)',
        params: ZCustomerParams,
        body: ZUpdateCustomerRequest,
        response: { 200: ZCustomerDetail, 404: ZProblem, 400: ZProblem },
      },
    },
    async (request) => updateCustomer(deps, request.ctx, request.params.id, request.body),
  );
  app.get(
    '/customers/:id/events',
    {
      schema: {
        tags,
        summary: "The customer's timeline, newest first",
        params: ZCustomerParams,
        response: { 200: ZTimeline, 404: ZProblem },
      },
    },
    async (request) => ({ items: await getCustomerTimeline(deps, request.ctx, request.params.id) }),
  );
  app.get(
    '/customers/:id/allocations',
    {
      schema: {
        tags,
        summary: "Allocations on the customer's invoices",
        params: ZCustomerParams,
        response: { 200: ZAllocationList, 404: ZProblem },
      },
    },
    async (request) => {
      await requireCustomer(deps, request.ctx, request.params.id);
      return listAllocations(deps, request.ctx, request.params.id);
    },
  );
}
