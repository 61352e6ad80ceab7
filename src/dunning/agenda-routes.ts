/**
 * The collector's agenda and the daily run over HTTP (docs/api.md). Thin: parse, call one
 * use case, answer.
 */
import { z } from 'zod';
import type { Deps } from '../app/deps.ts';
import { answer, problems } from '../http/openapi.ts';
import { publicUrlOf, type PublicUrlOption } from '../http/public-url.ts';
import type { App } from '../http/types.ts';
import type { CalendarDate } from '../shared/calendar-date.ts';
import { cents } from '../shared/money.ts';
import { ZId } from '../shared/schemas.ts';
import {
  approveAction,
  completeAction,
  dismissAction,
  listAgenda,
  reassignAction,
  snoozeAction,
} from './agenda.ts';
import {
  ZApproved,
  ZDismissed,
  ZReassigned,
  ZSnoozed,
  ZAgendaPage,
  ZAgendaQuery,
  ZCompleted,
  ZCompleteRequest,
  ZNoteRequest,
  ZReassignRequest,
  ZRunList,
  ZRunReport,
  ZRunRequest,
  ZSnoozeRequest,
} from './agenda-schemas.ts';
import { listRuns, runDunning } from './run.ts';

const ZIdParams = z.object({ id: ZId });
const tags = ['agenda'];

export function registerAgendaRoutes(app: App, deps: Deps, options: PublicUrlOption = {}): void {
  app.get(
    '/agenda',
    {
      schema: {
        operationId: 'listAgenda',
        tags,
        summary: 'The day’s agenda, ranked by money at stake and lateness',
        description:
          'Calls to make, steps to approve, promises falling due or broken, credits to apply and follow-ups (docs/dunning.md "The agenda"). A collector sees their own by default.',
        querystring: ZAgendaQuery,
        response: {
          200: answer('The items, highest score first', ZAgendaPage),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request) => listAgenda(deps, request.ctx, request.query),
  );
  app.post(
    '/agenda/:id/complete',
    {
      schema: {
        operationId: 'completeAgendaItem',
        tags,
        summary: 'Record what came of an item: its outcome, a promise, a follow-up',
        params: ZIdParams,
        body: ZCompleteRequest,
        response: {
          200: answer('The item, done', ZCompleted),
          ...problems(400, 401, 403, 404, 409),
        },
      },
    },
    async (request) => {
      const { promise, followUpOn, ...rest } = request.body;
      return completeAction(deps, request.ctx, request.params.id, {
        ...rest,
        followUpOn: followUpOn as CalendarDate | undefined,
        promise:
          promise === undefined
            ? undefined
            : {
                ...promise,
                amountCents: cents(promise.amountCents),
                promisedOn: promise.promisedOn as CalendarDate,
              },
      });
    },
  );
  app.post(
    '/agenda/:id/approve',
    {
      schema: {
        operationId: 'approveAgendaItem',
        tags,
        summary: 'Approve a step awaiting approval: it goes out, or is carried out, now',
        params: ZIdParams,
        body: ZNoteRequest,
        response: {
          200: answer('The item', ZApproved),
          ...problems(400, 401, 403, 404, 409),
        },
      },
    },
    async (request) =>
      approveAction(deps, request.ctx, request.params.id, request.body, {
        publicUrl: publicUrlOf(request, options),
      }),
  );
  app.post(
    '/agenda/:id/dismiss',
    {
      schema: {
        operationId: 'dismissAgendaItem',
        tags,
        summary: 'Dismiss an item: nothing goes out, its invoices may move on',
        params: ZIdParams,
        body: ZNoteRequest,
        response: {
          200: answer('The item', ZDismissed),
          ...problems(400, 401, 403, 404, 409),
        },
      },
    },
    async (request) => dismissAction(deps, request.ctx, request.params.id, request.body),
  );
  app.post(
    '/agenda/:id/snooze',
    {
      schema: {
        operationId: 'snoozeAgendaItem',
        tags,
        summary: 'Put an item off to a later day',
        params: ZIdParams,
        body: ZSnoozeRequest,
        response: {
          200: answer('The item', ZSnoozed),
          ...problems(400, 401, 403, 404, 409),
        },
      },
    },
    async (request) =>
      snoozeAction(deps, request.ctx, request.params.id, request.body.until as CalendarDate),
  );
  app.post(
    '/agenda/:id/reassign',
    {
      schema: {
        operationId: 'reassignAgendaItem',
        tags,
        summary: 'Give an item to another collector',
        params: ZIdParams,
        body: ZReassignRequest,
        response: {
          200: answer('The item', ZReassigned),
          ...problems(400, 401, 403, 404, 409),
        },
      },
    },
    async (request) =>
      reassignAction(deps, request.ctx, request.params.id, request.body.assigneeId),
  );
  app.post(
    '/dunning/runs',
    {
      schema: {
        operationId: 'runDunning',
        tags: ['dunning'],
        summary: 'Run the day’s dunning, or preview it (`dryRun`)',
        description:
          'Running twice for one date sends nothing twice. A dry run is rolled back: it shows exactly what the run would do.',
        body: ZRunRequest,
        response: { 200: answer('What the run did', ZRunReport), ...problems(400, 401, 403) },
      },
    },
    async (request) =>
      runDunning(deps, request.ctx, {
        ...(request.body.date === undefined ? {} : { date: request.body.date as CalendarDate }),
        dryRun: request.body.dryRun ?? false,
        publicUrl: publicUrlOf(request, options),
      }),
  );
  app.get(
    '/dunning/runs',
    {
      schema: {
        operationId: 'listDunningRuns',
        tags: ['dunning'],
        summary: 'The company’s last 30 runs, latest first',
        response: { 200: answer('The runs', ZRunList), ...problems(400, 401, 403) },
      },
    },
    async (request) => ({
      runs: (await listRuns(deps, request.ctx)).map((run) => ({
        id: run.id,
        runOn: run.runOn,
        startedAt: run.startedAt.toISOString(),
        finishedAt: run.finishedAt?.toISOString() ?? null,
        counts: run.counts,
      })),
    }),
  );
}
