/**
 * Disputes' words and colours by code, and the small pure rules of their screens: the
 * board's columns, a cause's label (a company's own label wins over the default's words),
 * the resolution a person picks, and the query the board's filters make.
 */
import { can } from '../../../../src/app/permissions.ts';
import type {
  TDisputeCause,
  TDisputeOutcome,
  TDisputeStatus,
  TDisputeSummary,
  TResolveDisputeRequest,
} from '../../../../src/disputes/schemas.ts';
import { parseAmount } from '../../../../src/shared/money.ts';
import type { TRole } from '../../../../src/shared/schemas.ts';
import type { QueryParams } from '../../api.ts';

/** The board's columns, in the order a dispute goes through them. */
export const BOARD_STATUSES = [
  'open',
  'waiting_department',
  'waiting_customer',
  'resolved',
] as const satisfies readonly TDisputeStatus[];

/** The statuses a person moves a dispute to by hand (resolving has its own form). */
export const MOVABLE_STATUSES = [
  'open',
  'waiting_department',
  'waiting_customer',
] as const satisfies readonly TDisputeStatus[];
export type MovableStatus = (typeof MOVABLE_STATUSES)[number];

export const STATUS_COLORS: Record<TDisputeStatus, string> = {
  open: 'orange',
  waiting_department: 'blue',
  waiting_customer: 'grape',
  resolved: 'green',
};

export const OUTCOME_COLORS: Record<TDisputeOutcome, string> = {
  justified: 'teal',
  rejected: 'red',
  corrected: 'blue',
  paid: 'green',
};

/** The disputes of each column, in the order the server listed them (newest first). */
export function groupByStatus<D extends Pick<TDisputeSummary, 'status'>>(
  disputes: readonly D[],
): Record<TDisputeStatus, D[]> {
  const columns: Record<TDisputeStatus, D[]> = {
    open: [],
    waiting_department: [],
    waiting_customer: [],
    resolved: [],
  };
  for (const dispute of disputes) {
    columns[dispute.status].push(dispute);
  }
  return columns;
}

/** The words of a default cause, as the interface's catalogue names them. */
export type CauseWords = (code: string) => string | undefined;

/**
 * A cause's label: the company's own when it gave one, else the default's words from
 * `words`, else its code (a cause retired from the catalogue stays readable on old disputes).
 */
export function causeLabel(
  code: string,
  causes: readonly Pick<TDisputeCause, 'code' | 'label'>[] | undefined,
  words: CauseWords,
): string {
  const own = causes?.find((cause) => cause.code === code)?.label ?? null;
  return own ?? words(code) ?? code;
}

/** What a person picks to resolve a dispute: the outcome and, when justified, the credit note. */
export const RESOLUTION_CHOICES = [
  'justified_issued',
  'justified_to_issue',
  'rejected',
  'corrected',
] as const;
export type ResolutionChoice = (typeof RESOLUTION_CHOICES)[number];

/** The request of a resolution picked as `choice`, its note trimmed and left out when blank. */
export function resolutionRequest(choice: ResolutionChoice, note: string): TResolveDisputeRequest {
  const kept = note.trim();
  const base: TResolveDisputeRequest =
    choice === 'justified_issued'
      ? { outcome: 'justified', creditNote: 'issued' }
      : choice === 'justified_to_issue'
        ? { outcome: 'justified', creditNote: 'to_issue' }
        : { outcome: choice };
  return kept === '' ? base : { ...base, note: kept };
}

/** The board's filters, as its URL keeps them. */
export type BoardFilters = { departmentId: string; cause: string; isOverdueOnly: boolean };

/** The list's query for `filters`: overdue is the board's own cut (the list has no such filter). */
export function toBoardQuery(filters: BoardFilters): QueryParams {
  return {
    departmentId: filters.departmentId === '' ? undefined : filters.departmentId,
    cause: filters.cause === '' ? undefined : filters.cause,
    limit: 500,
  };
}

/** The disputes the board shows for `filters`, once the server has filtered the rest. */
export function keepShown<D extends Pick<TDisputeSummary, 'isOverdue'>>(
  disputes: readonly D[],
  filters: Pick<BoardFilters, 'isOverdueOnly'>,
): D[] {
  return filters.isOverdueOnly ? disputes.filter((dispute) => dispute.isOverdue) : [...disputes];
}

/** A typed disputed part: blank is the whole open amount (`null`). */
export type DisputedPart =
  | { ok: true; cents: number | null }
  | { ok: false; problem: 'invalid' | 'not_positive' | 'above_open' };

/**
 * The disputed part typed as people write amounts (`1 234,56`), read digit by digit
 * (`parseAmount`), more than zero and at most `openCents` (issue 10's bad input).
 */
export function readDisputedPart(text: string, openCents: number): DisputedPart {
  if (text.trim() === '') {
    return { ok: true, cents: null };
  }
  const parsed = parseAmount(text, 2);
  if (!parsed.ok) {
    return { ok: false, problem: 'invalid' };
  }
  if (parsed.value <= 0) {
    return { ok: false, problem: 'not_positive' };
  }
  if (parsed.value > openCents) {
    return { ok: false, problem: 'above_open' };
  }
  return { ok: true, cents: parsed.value };
}

/**
 * Whether `role` may open, route, answer and resolve disputes, and set their causes and
 * departments: the policy's `dispute:open|answer|manage` for staff (src/app/policy.ts).
 */
export function canChangeDisputes(role: TRole): boolean {
  return can(role, 'dunning:assign');
}
