/**
 * The agenda's and the daily run's HTTP shapes (docs/api.md "Agenda", "Daily run").
 */
import { z } from 'zod';
import { ZRiskCategory } from '../customers/schemas.ts';
import { ZCalendarDate, ZCents, ZId } from '../shared/schemas.ts';
import { ZCauseCode } from '../disputes/schemas.ts';
import { AGENDA_KINDS, OUTCOMES } from './agenda-rank.ts';
import { CHANNELS } from './scenario.ts';

export const ZAgendaKind = z.enum(AGENDA_KINDS).meta({ id: 'AgendaKind' });
export const ZOutcome = z.enum(OUTCOMES).meta({ id: 'AgendaOutcome' });

export const ZAgendaQuery = z.object({
  assignee: z
    .union([z.literal('me'), z.literal('all'), ZId])
    .optional()
    .describe('`me` (a collector’s default), `all` (the others’), or a collector’s id'),
  kind: ZAgendaKind.optional(),
  stepId: z.string().min(1).max(64).optional(),
  riskCategory: ZRiskCategory.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

const ZAgendaInvoice = z.object({
  id: ZId,
  number: z.string(),
  dueDate: ZCalendarDate,
  openCents: ZCents,
  daysLate: z.number().int(),
});

export const ZAgendaItem = z
  .object({
    id: ZId,
    kind: ZAgendaKind,
    status: z.enum(['open', 'awaiting_approval']),
    customer: z.object({
      id: ZId,
      code: z.string(),
      name: z.string(),
      riskCategory: ZRiskCategory,
    }),
    assignee: z.object({ id: ZId, name: z.string() }).nullable(),
    step: z
      .object({
        id: z.string(),
        day: z.number().int(),
        channel: z.enum(CHANNELS),
        scenarioName: z.string(),
      })
      .nullable(),
    invoices: z.array(ZAgendaInvoice),
    totalOpenCents: ZCents,
    currency: z.string(),
    daysLate: z.number().int(),
    dueOn: ZCalendarDate,
    snoozedUntil: ZCalendarDate.nullable(),
    score: z.number(),
    script: z.string().nullable(),
    preview: z.object({ subject: z.string().nullable(), bodyText: z.string() }).nullable(),
    promise: z
      .object({ id: ZId, amountCents: ZCents, promisedOn: ZCalendarDate, paidCents: ZCents })
      .nullable(),
    contact: z
      .object({
        name: z.string().nullable(),
        email: z.string().nullable(),
        phone: z.string().nullable(),
      })
      .nullable(),
    note: z.string().nullable(),
  })
  .meta({ id: 'AgendaItem' });

export const ZAgendaPage = z
  .object({ today: ZCalendarDate, total: z.number().int(), items: z.array(ZAgendaItem) })
  .meta({ id: 'AgendaPage' });

const ZNote = z.string().max(2_000).optional();

export const ZCompleteRequest = z.object({
  outcome: ZOutcome,
  note: ZNote,
  promise: z
    .object({
      amountCents: ZCents.positive(),
      promisedOn: ZCalendarDate,
      invoiceIds: z.array(ZId).min(1).max(1_000),
      confirmByEmail: z.boolean().optional(),
    })
    .optional(),
  followUpOn: ZCalendarDate.optional(),
  dispute: z
    .object({
      reason: ZCauseCode,
      invoiceIds: z.array(ZId).min(1).max(1_000).optional(),
    })
    .optional()
    .describe(
      'With `dispute_raised`: the reason, and which invoices (all of the item’s by default)',
    ),
});

export const ZCompleted = z.object({
  id: ZId,
  status: z.literal('done'),
  promiseId: ZId.nullable(),
  followUpId: ZId.nullable(),
});

export const ZApproved = z.object({ id: ZId, status: z.enum(['done', 'queued', 'open']) });
export const ZDismissed = z.object({ id: ZId, status: z.literal('dismissed') });
export const ZSnoozed = z.object({ id: ZId, snoozedUntil: ZCalendarDate });
export const ZReassigned = z.object({ id: ZId, assignee: z.object({ id: ZId, name: z.string() }) });

export const ZNoteRequest = z.object({ note: ZNote }).default({});
export const ZSnoozeRequest = z.object({ until: ZCalendarDate });
export const ZReassignRequest = z.object({ assigneeId: ZId });

export const ZRunRequest = z
  .object({ date: ZCalendarDate.optional(), dryRun: z.boolean().optional() })
  .default({});

const ZCustomerRef = z.object({ id: ZId, code: z.string(), name: z.string() });

export const ZRunCounts = z.object({
  customers: z.number().int(),
  actions: z.number().int(),
  messages: z.number().int(),
  awaitingApproval: z.number().int(),
  tasks: z.number().int(),
  heldBack: z.number().int(),
  leaves: z.number().int(),
  promisesKept: z.number().int(),
  promisesBroken: z.number().int(),
});

export const ZRunReport = z
  .object({
    runOn: ZCalendarDate,
    dryRun: z.boolean(),
    counts: ZRunCounts,
    actions: z.array(
      z.object({
        customer: ZCustomerRef,
        stepId: z.string(),
        stepDay: z.number().int(),
        channel: z.string(),
        status: z.string(),
        invoiceCount: z.number().int(),
        totalOpenCents: ZCents,
        currency: z.string(),
      }),
    ),
    heldBack: z.array(
      z.object({ customer: ZCustomerRef, reason: z.string(), invoiceCount: z.number().int() }),
    ),
  })
  .meta({ id: 'DunningRunReport' });

export const ZRunList = z.object({
  runs: z.array(
    z.object({
      id: ZId,
      runOn: ZCalendarDate,
      startedAt: z.string(),
      finishedAt: z.string().nullable(),
      counts: ZRunCounts.partial(),
    }),
  ),
});
