/**
 * Payment promises over HTTP (docs/api.md, docs/promises.md): take one for a customer, list
 * a customer's or the company's, cancel one, the promise-kept rate. Thin: parse, call one
 * use case, map to the answer's schema.
 */
import { z } from 'zod';
import type { Deps } from '../app/deps.ts';
import { answer, problems } from '../http/openapi.ts';
import type { App } from '../http/types.ts';
import type { CalendarDate } from '../shared/calendar-date.ts';
import { ZId } from '../shared/schemas.ts';
import { promiseDeadline } from './model.ts';
import {
  ZCancelPromiseRequest,
  ZCreatePromiseRequest,
  ZKeptRateQuery,
  ZListPromisesQuery,
  ZPaymentPromise,
  ZPromiseKeptRate,
  ZPromiseList,
  type TPaymentPromise,
  type TPromiseList,
} from './schemas.ts';
import {
  cancelPromise,
  createPromise,
  getPromise,
  listPromises,
  promiseKeptRate,
  type PromiseView,
} from './service.ts';

const ZIdParams = z.object({ id: ZId });
const tags = ['promises'];

function presentPromise(promise: PromiseView): TPaymentPromise {
  return {
    id: promise.id,
    customer: promise.customer,
    amountCents: promise.amountCents,
    currency: promise.currency,
    promisedOn: promise.promisedOn,
    graceDays: promise.graceDays,
    deadline: promiseDeadline(promise),
    channel: promise.channel,
    note: promise.note,
    takenBy: promise.takenBy,
    status: promise.status,
    paidCents: promise.paidCents,
    settledOn: promise.settledOn,
    sourceActionId: promise.sourceActionId,
    createdOn: promise.createdOn,
    createdAt: promise.createdAt.toISOString(),
    invoices: promise.invoices.map((invoice) => ({
      id: invoice.invoiceId,
      number: invoice.number,
      openCentsAtPromise: invoice.openCentsAtPromise,
      openCents: invoice.openCents,
    })),
  };
}

function presentList(promises: readonly PromiseView[], limit: number): TPromiseList {
  return {
    items: promises.map(presentPromise),
    nextBefore: promises.length === limit ? (promises.at(-1)?.id ?? null) : null,
  };
}

export function registerPromiseRoutes(app: App, deps: Deps): void {
  app.post(
    '/customers/:id/promises',
    {
      schema: {
        operationId: 'createPaymentPromise',
        tags,
        summary: 'Take a payment promise from a customer',
        description:
          'Refused (400 `promise_refused`) with every issue at once, each on its field (`invoiceIds[1]`); `promise_no_email` when a confirmation is asked and no contact has an e-mail. A live promise on one of its invoices is replaced (cancelled). Collectors, credit managers, admins.',
        params: ZIdParams,
        body: ZCreatePromiseRequest,
        response: {
          201: answer('The promise, as taken', ZPaymentPromise),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const { body } = request;
      const { id } = await createPromise(deps, request.ctx, {
        customerId: request.params.id,
        amountCents: body.amountCents,
        currency: body.currency,
        promisedOn: body.promisedOn as CalendarDate,
        graceDays: body.graceDays,
        invoiceIds: body.invoiceIds,
        channel: body.channel,
        note: body.note,
        confirmByEmail: body.confirmByEmail,
        language: body.language,
      });
      return reply.code(201).send(presentPromise(await getPromise(deps, request.ctx, id)));
    },
  );
  app.get(
    '/customers/:id/promises',
    {
      schema: {
        operationId: 'listCustomerPromises',
        tags,
        summary: 'A customer’s payment promises, newest first',
        params: ZIdParams,
        querystring: ZListPromisesQuery,
        response: {
          200: answer('The promises', ZPromiseList),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request) => {
      const { status, limit, before } = request.query;
      const promises = await listPromises(deps, request.ctx, {
        customerId: request.params.id,
        status,
        limit,
        before,
      });
      return presentList(promises, limit);
    },
  );
  app.get(
    '/promises',
    {
      schema: {
        operationId: 'listPaymentPromises',
        tags,
        summary: 'The company’s payment promises, newest first, by status',
        querystring: ZListPromisesQuery,
        response: {
          200: answer('The promises', ZPromiseList),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request) => {
      const { status, limit, before } = request.query;
      return presentList(await listPromises(deps, request.ctx, { status, limit, before }), limit);
    },
  );
  app.get(
    '/promises/kept-rate',
    {
      schema: {
        operationId: 'getPromiseKeptRate',
        tags,
        summary: 'The promise-kept rate over the promises settled in a period',
        description:
          'By count (kept over kept, partly kept and broken) and by amount in the company currency (paid over promised, each paid amount capped at its promise), in basis points.',
        querystring: ZKeptRateQuery,
        response: {
          200: answer('The rate', ZPromiseKeptRate),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request) =>
      promiseKeptRate(deps, request.ctx, {
        from: request.query.from as CalendarDate,
        to: request.query.to as CalendarDate,
      }),
  );
  app.post(
    '/promises/:id/cancel',
    {
      schema: {
        operationId: 'cancelPaymentPromise',
        tags,
        summary: 'Cancel a live payment promise',
        description:
          'Its invoices go back to their scenario at the next run. 409 `promise_not_live` once its fate is decided.',
        params: ZIdParams,
        body: ZCancelPromiseRequest.optional(),
        response: {
          200: answer('The promise, cancelled', ZPaymentPromise),
          ...problems(400, 401, 403, 404, 409),
        },
      },
    },
    async (request) => {
      await cancelPromise(deps, request.ctx, request.params.id, {
        note: request.body?.note,
      });
      return presentPromise(await getPromise(deps, request.ctx, request.params.id));
    },
  );
}
