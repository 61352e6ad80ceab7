import { describe, expect, it } from 'vitest';
import {
  causeLabel,
  groupByStatus,
  keepShown,
  readDisputedPart,
  resolutionRequest,
  toBoardQuery,
} from './dispute-labels.ts';

const words = (code: string) => ({ price: 'Prix', other: 'Autre' })[code];

describe('a cause’s label', () => {
  it.each([
    ['a default the company left as is: the catalogue’s words', 'price', 'Prix'],
    ['a default the company renamed: its own label', 'other', 'Autre motif'],
    ['the company’s own cause: its label', 'pallets', 'Palettes manquantes'],
    ['a code nobody words any more: the code', 'retired', 'retired'],
  ])('%s', (_, code, label) => {
    const causes = [
      { code: 'price', label: null },
      { code: 'other', label: 'Autre motif' },
      { code: 'pallets', label: 'Palettes manquantes' },
    ];
    expect(causeLabel(code, causes, words)).toBe(label);
  });

  it('uses the catalogue’s words while the causes are not read yet', () => {
    expect(causeLabel('price', undefined, words)).toBe('Prix');
  });
});

describe('the board', () => {
  it('puts each dispute in its status’s column, in the order listed', () => {
    const disputes = [
      { id: 'a', status: 'open' as const },
      { id: 'b', status: 'resolved' as const },
      { id: 'c', status: 'open' as const },
      { id: 'd', status: 'waiting_department' as const },
    ];
    const columns = groupByStatus(disputes);
    expect(columns.open.map((dispute) => dispute.id)).toEqual(['a', 'c']);
    expect(columns.waiting_department.map((dispute) => dispute.id)).toEqual(['d']);
    expect(columns.waiting_customer).toEqual([]);
    expect(columns.resolved.map((dispute) => dispute.id)).toEqual(['b']);
  });

  it('asks the server for the department and the cause, and keeps the overdue ones itself', () => {
    expect(toBoardQuery({ departmentId: '', cause: '', isOverdueOnly: true })).toEqual({
      departmentId: undefined,
      cause: undefined,
      limit: 500,
    });
    expect(toBoardQuery({ departmentId: '42', cause: 'price', isOverdueOnly: false })).toEqual({
      departmentId: '42',
      cause: 'price',
      limit: 500,
    });
    const disputes = [
      { id: 'a', isOverdue: true },
      { id: 'b', isOverdue: false },
    ];
    expect(keepShown(disputes, { isOverdueOnly: true }).map((dispute) => dispute.id)).toEqual([
      'a',
    ]);
    expect(keepShown(disputes, { isOverdueOnly: false })).toHaveLength(2);
  });
});

describe('a resolution', () => {
  it.each([
    ['justified_issued', { outcome: 'justified', creditNote: 'issued' }],
    ['justified_to_issue', { outcome: 'justified', creditNote: 'to_issue' }],
    ['rejected', { outcome: 'rejected' }],
    ['corrected', { outcome: 'corrected' }],
  ] as const)('%s asks %o', (choice, request) => {
    expect(resolutionRequest(choice, '  ')).toEqual(request);
  });

  it('keeps the note trimmed', () => {
    expect(resolutionRequest('rejected', '  Bon de livraison signé  ')).toEqual({
      outcome: 'rejected',
      note: 'Bon de livraison signé',
    });
  });
});

describe('a disputed part typed', () => {
  it.each([
    ['', 245_000, { ok: true, cents: null }],
    ['1 200,50', 245_000, { ok: true, cents: 120_050 }],
    ['2450', 245_000, { ok: true, cents: 245_000 }],
    ['2450,01', 245_000, { ok: false, problem: 'above_open' }],
    ['0', 245_000, { ok: false, problem: 'not_positive' }],
    ['douze', 245_000, { ok: false, problem: 'invalid' }],
  ] as const)('%j of %i open reads %o', (text, open, part) => {
    expect(readDisputedPart(text, open)).toEqual(part);
  });
});
