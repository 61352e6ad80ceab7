import { describe, expect, it } from 'vitest';
import { invoiceListCodec, toInvoiceQuery } from './invoice-list-params.ts';

const parse = (query: string) => invoiceListCodec.parse(new URLSearchParams(query));

describe('invoice list URL state', () => {
  it('keeps valid calendar dates and drops impossible ones', () => {
    const params = parse('dueFrom=2025-09-01&dueTo=2025-02-31&issuedFrom=01/09/2025');
    expect([params.dueFrom, params.dueTo, params.issuedFrom]).toEqual(['2025-09-01', '', '']);
  });

  it('sends "all" as no filter at all', () => {
    expect(toInvoiceQuery(parse(''))).toEqual({
      status: undefined,
      kind: undefined,
      issuedFrom: '',
      issuedTo: '',
      dueFrom: '',
      dueTo: '',
      sort: 'due_date',
      order: 'asc',
      page: 1,
      pageSize: 50,
    });
  });

  it('round-trips the overdue view of one period', () => {
    const query = 'status=overdue&kind=invoice&dueFrom=2025-09-01&sort=open_amount&order=desc';
    expect(invoiceListCodec.serialize(parse(query)).toString()).toBe(query);
  });
});
