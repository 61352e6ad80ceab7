import { describe, expect, it } from 'vitest';
import type { TAllocation } from '../../../../src/ledger/schemas.ts';
import { invoiceLife } from './invoice-life.ts';

const INVOICE_ID = '00000000-0000-4000-8000-000000000001';
const CREDIT_NOTE_ID = '00000000-0000-4000-8000-000000000009';

function allocation(id: string, allocatedOn: string, extra: Partial<TAllocation> = {}) {
  return {
    id: `00000000-0000-4000-8000-00000000010${id}`,
    invoiceId: INVOICE_ID,
    invoiceNumber: 'FA-1',
    paymentId: '00000000-0000-4000-8000-000000000002',
    paymentReference: `VIR-${id}`,
    creditNoteId: null,
    creditNoteNumber: null,
    amount: 1_000,
    currency: 'EUR',
    allocatedOn,
    undoneAt: null,
    undoneOn: null,
    ...extra,
  } satisfies TAllocation;
}

describe('the life of an invoice', () => {
  it('lists issue, allocations and the due date in date order, undone ones kept', () => {
    const lines = invoiceLife(
      { id: INVOICE_ID, kind: 'invoice', issueDate: '2026-01-05', dueDate: '2026-02-04' },
      // Newest first, as the API sends them.
      [
        allocation('3', '2026-03-02', {
          undoneAt: '2026-03-10T09:00:00.000Z',
          undoneOn: '2026-03-10',
        }),
        allocation('2', '2026-02-04'),
        allocation('1', '2026-01-20'),
      ],
      '2026-03-15',
    );
    expect(
      lines.map((line) => [
        line.kind,
        line.date,
        line.kind === 'allocation' ? line.allocation.paymentReference : null,
      ]),
    ).toEqual([
      ['issued', '2026-01-05', null],
      ['allocation', '2026-01-20', 'VIR-1'],
      ['allocation', '2026-02-04', 'VIR-2'],
      ['due', '2026-02-04', null],
      ['allocation', '2026-03-02', 'VIR-3'],
    ]);
    expect(lines.find((line) => line.kind === 'due')).toMatchObject({ isPast: true });
  });

  it('shows a due date still to come as such, and gives a credit note no due line', () => {
    expect(
      invoiceLife(
        { id: INVOICE_ID, kind: 'invoice', issueDate: '2026-03-01', dueDate: '2026-03-31' },
        [],
        '2026-03-15',
      ),
    ).toEqual([
      { kind: 'issued', date: '2026-03-01' },
      { kind: 'due', date: '2026-03-31', isPast: false },
    ]);
    const used = allocation('1', '2026-03-02', {
      paymentId: null,
      paymentReference: null,
      creditNoteId: CREDIT_NOTE_ID,
      creditNoteNumber: 'AV-1',
    });
    expect(
      invoiceLife(
        { id: CREDIT_NOTE_ID, kind: 'credit_note', issueDate: '2026-02-01', dueDate: '2026-02-01' },
        [used],
        '2026-03-15',
      ).map((line) => [line.kind, line.kind === 'allocation' && line.isUseOfCreditNote]),
    ).toEqual([
      ['issued', false],
      ['allocation', true],
    ]);
  });
});
