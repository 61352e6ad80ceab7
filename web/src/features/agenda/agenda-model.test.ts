import { describe, expect, it } from 'vitest';
import { calendarDate } from '../../../../src/shared/calendar-date.ts';
import {
  buildCompletion,
  defaultAssigneeFor,
  emptyDraft,
  hasAgendaFilters,
  parseAgendaFilters,
  promiseAmountText,
  promisedTotal,
  serializeAgendaFilters,
  snoozeDates,
  stepDayLabel,
  toAgendaQuery,
  type AgendaFilters,
  type CompletionDraft,
} from './agenda-model.ts';
import type { TAgendaInvoice } from './agenda-schemas.ts';

const A = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const B = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';
const C = 'cccccccc-cccc-4ccc-8ccc-cccccccccccc';
const USER = '11111111-1111-4111-8111-111111111111';
const TODAY = calendarDate('2026-12-02');

/** 1 234,56 € + 0,10 € + 0,20 €: the sum a float gets wrong (0.1 + 0.2). */
const INVOICES: TAgendaInvoice[] = [
  { id: A, number: 'FA-1', dueDate: '2026-10-01', openCents: 123_456, daysLate: 62 },
  { id: B, number: 'FA-2', dueDate: '2026-11-01', openCents: 10, daysLate: 31 },
  { id: C, number: 'FA-3', dueDate: '2026-11-15', openCents: 20, daysLate: 17 },
];
const ITEM = { invoices: INVOICES };

const collector = { role: 'collector' };
const manager = { role: 'credit_manager' };

function draft(changes: Partial<CompletionDraft>): CompletionDraft {
  return { ...emptyDraft(ITEM), ...changes };
}

describe('the filters and the URL', () => {
  it('opens a collector on their own actions and everybody else on all of them', () => {
    expect(defaultAssigneeFor(collector)).toBe('me');
    expect(defaultAssigneeFor(manager)).toBe('all');
    expect(defaultAssigneeFor({ role: 'read_only' })).toBe('all');
    expect(parseAgendaFilters(new URLSearchParams(''), collector)).toEqual({
      assignee: 'me',
      kind: undefined,
      stepId: undefined,
      riskCategory: undefined,
    });
  });

  it('reads every filter from the URL and writes the same URL back', () => {
    const search = new URLSearchParams(`assignee=${USER}&kind=call&step=j17_call&risk=high`);
    const filters = parseAgendaFilters(search, collector);
    expect(filters).toEqual({
      assignee: USER,
      kind: 'call',
      stepId: 'j17_call',
      riskCategory: 'high',
    });
    expect(serializeAgendaFilters(filters, collector).toString()).toBe(
      `assignee=${USER}&kind=call&step=j17_call&risk=high`,
    );
    expect(toAgendaQuery(filters)).toEqual({
      assignee: USER,
      kind: 'call',
      stepId: 'j17_call',
      riskCategory: 'high',
    });
  });

  it('leaves defaults out: a plain agenda keeps a plain URL', () => {
    const mine: AgendaFilters = {
      assignee: 'me',
      kind: undefined,
      stepId: undefined,
      riskCategory: undefined,
    };
    expect(serializeAgendaFilters(mine, collector).toString()).toBe('');
    expect(hasAgendaFilters(mine, collector)).toBe(false);
    // The same « Mes actions » is a filter for a credit manager, whose default is everybody's.
    expect(serializeAgendaFilters(mine, manager).toString()).toBe('assignee=me');
    expect(hasAgendaFilters(mine, manager)).toBe(true);
    expect(serializeAgendaFilters({ ...mine, assignee: 'all' }, collector).toString()).toBe(
      'assignee=all',
    );
  });

  it('drops what the API would refuse', () => {
    const filters = parseAgendaFilters(
      new URLSearchParams('assignee=bob&kind=lunch&step=a%20b&risk=extreme'),
      manager,
    );
    expect(filters).toEqual({
      assignee: 'all',
      kind: undefined,
      stepId: undefined,
      riskCategory: undefined,
    });
  });
});

describe('the promise’s amount', () => {
  it('defaults to the total of the invoices ticked, in cents exactly', () => {
    expect(promisedTotal(INVOICES, new Set([A, B, C]))).toBe(123_486);
    expect(promisedTotal(INVOICES, new Set([B, C]))).toBe(30);
    expect(promisedTotal(INVOICES, new Set())).toBe(0);
    expect(promiseAmountText(emptyDraft(ITEM), ITEM)).toBe('1234,86');
    expect(promiseAmountText(draft({ promiseInvoiceIds: new Set([B, C]) }), ITEM)).toBe('0,30');
  });

  it('keeps what the collector typed, whatever is ticked', () => {
    expect(
      promiseAmountText(draft({ promiseAmount: '500', promiseInvoiceIds: new Set([B]) }), ITEM),
    ).toBe('500');
  });
});

describe('the request a completed action sends', () => {
  it('sends the outcome alone, or with its note trimmed', () => {
    expect(buildCompletion(draft({ outcome: 'voicemail' }), ITEM, TODAY)).toEqual({
      ok: true,
      request: { outcome: 'voicemail' },
    });
    expect(
      buildCompletion(draft({ outcome: 'reached', note: '  Rappeler lundi  ' }), ITEM, TODAY),
    ).toEqual({ ok: true, request: { outcome: 'reached', note: 'Rappeler lundi' } });
  });

  it('asks for an outcome first', () => {
    expect(buildCompletion(draft({ note: 'x' }), ITEM, TODAY)).toEqual({
      ok: false,
      problems: [{ field: 'outcome', problem: 'outcome_missing' }],
    });
  });

  it('sends a promise of the invoices’ total by default, with its date and invoices', () => {
    expect(
      buildCompletion(draft({ outcome: 'promise_given', promisedOn: '15/12/2026' }), ITEM, TODAY),
    ).toEqual({
      ok: true,
      request: {
        outcome: 'promise_given',
        promise: { amountCents: 123_486, promisedOn: '2026-12-15', invoiceIds: [A, B, C] },
      },
    });
  });

  it('sends the amount typed, the invoices in their listed order, the e-mail confirmation and a follow-up', () => {
    expect(
      buildCompletion(
        draft({
          outcome: 'promise_given',
          promiseAmount: '1 000,05',
          promisedOn: '2026-12-15',
          promiseInvoiceIds: new Set([C, A]),
          confirmByEmail: true,
          followUpOn: '16/12/2026',
          note: 'Virement promis',
        }),
        ITEM,
        TODAY,
      ),
    ).toEqual({
      ok: true,
      request: {
        outcome: 'promise_given',
        note: 'Virement promis',
        promise: {
          amountCents: 100_005,
          promisedOn: '2026-12-15',
          invoiceIds: [A, C],
          confirmByEmail: true,
        },
        followUpOn: '2026-12-16',
      },
    });
  });

  it('sends no promise with another outcome, even when its fields were filled', () => {
    expect(
      buildCompletion(
        draft({ outcome: 'dispute_raised', promiseAmount: '12', promisedOn: '15/12/2026' }),
        ITEM,
        TODAY,
      ),
    ).toEqual({ ok: true, request: { outcome: 'dispute_raised' } });
  });

  it('reports every problem of a promise at once', () => {
    expect(
      buildCompletion(
        draft({
          outcome: 'promise_given',
          promiseAmount: 'douze',
          promisedOn: '',
          promiseInvoiceIds: new Set(),
          followUpOn: '31/02/2026',
        }),
        ITEM,
        TODAY,
      ),
    ).toEqual({
      ok: false,
      problems: [
        { field: 'amount', problem: 'amount_invalid' },
        { field: 'promisedOn', problem: 'date_missing' },
        { field: 'invoices', problem: 'invoices_missing' },
        { field: 'followUpOn', problem: 'follow_up_invalid' },
      ],
    });
  });

  it.each([
    ['0', '15/12/2026', { field: 'amount', problem: 'amount_not_positive' }],
    ['10', '01/12/2026', { field: 'promisedOn', problem: 'date_past' }],
    ['10', '2026-13-01', { field: 'promisedOn', problem: 'date_invalid' }],
  ] as const)('refuses an amount of %s promised on %s', (amount, date, problem) => {
    expect(
      buildCompletion(
        draft({ outcome: 'promise_given', promiseAmount: amount, promisedOn: date }),
        ITEM,
        TODAY,
      ),
    ).toEqual({ ok: false, problems: [problem] });
  });

  it('accepts a promise for today and refuses a follow-up in the past', () => {
    expect(
      buildCompletion(draft({ outcome: 'promise_given', promisedOn: '02/12/2026' }), ITEM, TODAY)
        .ok,
    ).toBe(true);
    expect(
      buildCompletion(draft({ outcome: 'other', followUpOn: '01/12/2026' }), ITEM, TODAY),
    ).toEqual({
      ok: false,
      problems: [{ field: 'followUpOn', problem: 'follow_up_past' }],
    });
  });

  it('refuses a promise for an item that lists no invoice', () => {
    const bare = { invoices: [] };
    expect(
      buildCompletion(
        {
          ...emptyDraft(bare),
          outcome: 'promise_given',
          promiseAmount: '250',
          promisedOn: '10/12/2026',
        },
        bare,
        TODAY,
      ),
    ).toEqual({ ok: false, problems: [{ field: 'invoices', problem: 'invoices_missing' }] });
  });
});

describe('the words of steps and snoozes', () => {
  it.each([
    [17, 'J+17'],
    [-10, 'J\u221210'],
    [0, 'J0'],
  ])('writes day %i as %s', (day, label) => {
    expect(stepDayLabel(day)).toBe(label);
  });

  it('snoozes to tomorrow and in three days from the agenda’s today, across a month', () => {
    expect(snoozeDates(calendarDate('2026-12-30'))).toEqual({
      tomorrow: '2026-12-31',
      inThreeDays: '2027-01-02',
    });
  });
});
