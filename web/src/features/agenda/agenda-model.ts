/**
 * The agenda's pure rules (no React, no fetch): its filters and the URL, the request a
 * completed action sends, the promise's defaults, the snooze dates. Amounts are integer
 * cents, read from the collector's text digit by digit (`parseAmount`, never a float).
 */
import { RISK_CATEGORIES } from '../../../../src/customers/schemas.ts';
import type { RiskCategory } from '../customers/customer-labels.ts';
import {
  addDays,
  parseCalendarDate,
  type CalendarDate,
} from '../../../../src/shared/calendar-date.ts';
import { cents, parseAmount, sumCents, toDecimalString } from '../../../../src/shared/money.ts';
import { ZId } from '../../../../src/shared/schemas.ts';
import type { QueryParams } from '../../api.ts';
import { pickOne } from '../../ui/use-list-params.ts';
import {
  AGENDA_KINDS,
  type AgendaKind,
  type Outcome,
  type TAgendaInvoice,
  type TAgendaItem,
  type TCompleteAgendaItemRequest,
} from './agenda-schemas.ts';

/** The assignee filter's values besides a user's id: the signed-in user's own, or everybody's. */
export const MINE = 'me';
export const EVERYBODY = 'all';

export type AgendaFilters = {
  /** `me` (« Mes actions »), `all`, or a user's id. */
  assignee: string;
  kind: AgendaKind | undefined;
  stepId: string | undefined;
  riskCategory: RiskCategory | undefined;
};

export type AgendaViewer = { role: string };

/** A collector opens on their own actions, everybody else on all of them (the API's default too). */
export function defaultAssigneeFor(viewer: AgendaViewer): string {
  return viewer.role === 'collector' ? MINE : EVERYBODY;
}

/** A step id as scenarios write them: short, no spaces (anything else is left out of the URL). */
const STEP_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * The filters the URL asks for; a value the API would refuse (an unknown kind, an assignee
 * that is neither `me`, `all` nor a UUID) is left out, as the other lists do.
 */
export function parseAgendaFilters(search: URLSearchParams, viewer: AgendaViewer): AgendaFilters {
  const assignee = search.get('assignee');
  const stepId = search.get('step');
  return {
    assignee:
      assignee !== null &&
      (assignee === MINE || assignee === EVERYBODY || ZId.safeParse(assignee).success)
        ? assignee
        : defaultAssigneeFor(viewer),
    kind: pickOne(search.get('kind'), AGENDA_KINDS),
    stepId: stepId !== null && STEP_ID.test(stepId) ? stepId : undefined,
    riskCategory: pickOne(search.get('risk'), RISK_CATEGORIES),
  };
}

/** The URL of the filters, defaults left out: a collector's plain agenda is a plain `/agenda`. */
export function serializeAgendaFilters(
  filters: AgendaFilters,
  viewer: AgendaViewer,
): URLSearchParams {
  const search = new URLSearchParams();
  if (filters.assignee !== defaultAssigneeFor(viewer)) {
    search.set('assignee', filters.assignee);
  }
  if (filters.kind !== undefined) {
    search.set('kind', filters.kind);
  }
  if (filters.stepId !== undefined) {
    search.set('step', filters.stepId);
  }
  if (filters.riskCategory !== undefined) {
    search.set('risk', filters.riskCategory);
  }
  return search;
}

/** The query `GET /api/agenda` is asked with. */
export function toAgendaQuery(filters: AgendaFilters): QueryParams {
  return {
    assignee: filters.assignee,
    kind: filters.kind,
    stepId: filters.stepId,
    riskCategory: filters.riskCategory,
  };
}

export function hasAgendaFilters(filters: AgendaFilters, viewer: AgendaViewer): boolean {
  return serializeAgendaFilters(filters, viewer).size > 0;
}

/** `123456` cents → `1234,56`, which `parseAmount` reads back unchanged. */
export function amountText(amount: number): string {
  return toDecimalString(cents(amount)).replace('.', ',');
}

/** The total of the invoices ticked: what a promise covers unless the collector says otherwise. */
export function promisedTotal(
  invoices: readonly TAgendaInvoice[],
  invoiceIds: ReadonlySet<string>,
): number {
  return sumCents(
    invoices
      .filter((invoice) => invoiceIds.has(invoice.id))
      .map((invoice) => cents(invoice.openCents)),
  );
}

/** What the completion form holds, as typed. */
export type CompletionDraft = {
  outcome: Outcome | null;
  note: string;
  /** The promise's amount as typed; `null` while untouched: it follows the invoices ticked. */
  promiseAmount: string | null;
  /** `YYYY-MM-DD`, or `''`. */
  promisedOn: string;
  promiseInvoiceIds: ReadonlySet<string>;
  confirmByEmail: boolean;
  /** `YYYY-MM-DD`, or `''` for no follow-up. */
  followUpOn: string;
};

/** A fresh form for `item`: no outcome yet, every invoice ticked for a promise. */
export function emptyDraft(item: Pick<TAgendaItem, 'invoices'>): CompletionDraft {
  return {
    outcome: null,
    note: '',
    promiseAmount: null,
    promisedOn: '',
    promiseInvoiceIds: new Set(item.invoices.map((invoice) => invoice.id)),
    confirmByEmail: false,
    followUpOn: '',
  };
}

/** The amount shown in the promise's field: as typed, else the total of the invoices ticked. */
export function promiseAmountText(
  draft: CompletionDraft,
  item: Pick<TAgendaItem, 'invoices'>,
): string {
  return draft.promiseAmount ?? amountText(promisedTotal(item.invoices, draft.promiseInvoiceIds));
}

export type CompletionProblem =
  | 'outcome_missing'
  | 'amount_invalid'
  | 'amount_not_positive'
  | 'date_missing'
  | 'date_invalid'
  | 'date_past'
  | 'invoices_missing'
  | 'follow_up_invalid'
  | 'follow_up_past';

export type CompletionResult =
  | { ok: true; request: TCompleteAgendaItemRequest }
  | {
      ok: false;
      problems: {
        field: 'outcome' | 'amount' | 'promisedOn' | 'invoices' | 'followUpOn';
        problem: CompletionProblem;
      }[];
    };

/**
 * The one `POST /api/agenda/:id/complete` of the form, or every problem at once. A promise
 * is sent only with « Promesse de paiement », its amount in cents exactly; a date may be
 * typed `31/12/2026` or `2026-12-31`, and may not be before `today`.
 */
export function buildCompletion(
  draft: CompletionDraft,
  item: Pick<TAgendaItem, 'invoices'>,
  today: CalendarDate,
): CompletionResult {
  const problems: Extract<CompletionResult, { ok: false }>['problems'] = [];
  if (draft.outcome === null) {
    return { ok: false, problems: [{ field: 'outcome', problem: 'outcome_missing' }] };
  }
  const request: TCompleteAgendaItemRequest = { outcome: draft.outcome };
  const note = draft.note.trim();
  if (note !== '') {
    request.note = note;
  }
  if (draft.outcome === 'promise_given') {
    const parsed = parseAmount(promiseAmountText(draft, item), 2);
    if (!parsed.ok) {
      problems.push({ field: 'amount', problem: 'amount_invalid' });
    } else if (parsed.value <= 0) {
      problems.push({ field: 'amount', problem: 'amount_not_positive' });
    }
    const promisedOn =
      draft.promisedOn.trim() === ''
        ? ({ problem: 'date_missing' } as const)
        : readDate(draft.promisedOn, today, 'date');
    if ('problem' in promisedOn) {
      problems.push({ field: 'promisedOn', problem: promisedOn.problem });
    }
    // The order the invoices are listed in, not the order they were ticked.
    const invoiceIds = item.invoices
      .filter((invoice) => draft.promiseInvoiceIds.has(invoice.id))
      .map((invoice) => invoice.id);
    // A promise covers invoices (the server asks for one at least): an item without any takes none.
    if (invoiceIds.length === 0) {
      problems.push({ field: 'invoices', problem: 'invoices_missing' });
    }
    if (parsed.ok && parsed.value > 0 && 'date' in promisedOn) {
      request.promise = {
        amountCents: parsed.value,
        promisedOn: promisedOn.date,
        invoiceIds,
        ...(draft.confirmByEmail ? { confirmByEmail: true } : {}),
      };
    }
  }
  if (draft.followUpOn.trim() !== '') {
    const followUpOn = readDate(draft.followUpOn, today, 'follow_up');
    if ('date' in followUpOn) {
      request.followUpOn = followUpOn.date;
    } else {
      problems.push({ field: 'followUpOn', problem: followUpOn.problem });
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, request };
}

/** A typed date (`31/12/2026` or `2026-12-31`), or why it cannot be used. */
function readDate(
  text: string,
  today: CalendarDate,
  prefix: 'date' | 'follow_up',
): { date: CalendarDate } | { problem: CompletionProblem } {
  const date = parseCalendarDate(text.trim());
  if (date === undefined) {
    return { problem: prefix === 'date' ? 'date_invalid' : 'follow_up_invalid' };
  }
  if (date < today) {
    return { problem: prefix === 'date' ? 'date_past' : 'follow_up_past' };
  }
  return { date };
}

/** The snooze menu's dates: tomorrow and in three days, counted from the agenda's today. */
export function snoozeDates(today: CalendarDate): {
  tomorrow: CalendarDate;
  inThreeDays: CalendarDate;
} {
  return { tomorrow: addDays(today, 1), inThreeDays: addDays(today, 3) };
}

/** `J+17`, `J−10` (a true minus sign, as the scenario editor writes it), `J0`. */
export function stepDayLabel(day: number): string {
  if (day === 0) {
    return 'J0';
  }
  return day > 0 ? `J+${day}` : `J\u2212${-day}`;
}

/** Whether the item is a message to approve (« Valider et envoyer », « Écarter »). */
export function isApproval(item: Pick<TAgendaItem, 'kind'>): boolean {
  return item.kind === 'approval';
}
