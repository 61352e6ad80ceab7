/**
 * The collector's agenda, in words and order (docs/dunning.md "The agenda"): what kind of
 * item each action is, and how items are ranked. Pure.
 */
import { daysBetween, type CalendarDate } from '../shared/calendar-date.ts';
import type { Cents } from '../shared/money.ts';
import type { Channel } from './scenario.ts';

export const AGENDA_KINDS = [
  'call',
  'task',
  'approval',
  'promise_due',
  'promise_broken',
  'credits_to_apply',
  'follow_up',
] as const;
export type AgendaKind = (typeof AGENDA_KINDS)[number];

export const OUTCOMES = [
  'reached',
  'voicemail',
  'wrong_number',
  'promise_given',
  'dispute_raised',
  'says_paid',
  'other',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** What a stored action is on the agenda: its kind, and a step's channel and status. */
export function agendaKind(action: {
  kind: string;
  channel: Channel | null;
  status: string;
}): AgendaKind {
  if (action.kind !== 'step') {
    return action.kind as AgendaKind;
  }
  if (action.status === 'awaiting_approval') {
    return 'approval';
  }
  return action.channel === 'call' ? 'call' : 'task';
}

/** Days late of the oldest invoice an item covers; 0 when none is past due. */
export function daysLateOf(oldestDueDate: CalendarDate | null, today: CalendarDate): number {
  return oldestDueDate === null ? 0 : Math.max(0, daysBetween(oldestDueDate, today));
}

/**
 * The rank of an item: the money at stake, weighed by lateness: an amount counts once
 * more for every 30 days its oldest invoice is late (10 000 € at 60 days ranks with
 * 30 000 € due today). So a large fresh balance and a small old one both come up, and a
 * collector's 80 calls begin where the cash is. Broken promises are lateness already
 * paid for in trust: they rank as if 30 days later.
 */
export function agendaScore(item: {
  kind: AgendaKind;
  totalOpenCents: Cents;
  daysLate: number;
}): number {
  const days = item.daysLate + (item.kind === 'promise_broken' ? 30 : 0);
  return Math.round((item.totalOpenCents / 100) * (1 + days / 30));
}
