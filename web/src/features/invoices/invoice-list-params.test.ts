import { describe, expect, it } from 'vitest';
import { hasInvoiceFilters, invoiceListCodec, toInvoiceQuery } from './invoice-list-params.ts';

const parse = (query: string) => invoiceListCodec.parse(new URLSearchParams(query));

describe('invoice list URL state', () => {
  it('keeps valid calendar dates and drops impossible ones', () => {
    const params = parse('dueFrom=2025-09-01&dueTo=2025-02-31&issuedFrom=01/09/2025');
    expect([params.dueFrom, params.dueTo, params.issuedFrom]).toEqual(['2025-09-01', '', '']);
  });

  it('opens on the unpaid items, as the server does, and writes "all" out', () => {
    expect(toInvoiceQuery(parse(''))).toEqual({
      search: '',
      customerCode: '',
      status: 'unpaid',
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
    expect(invoiceListCodec.serialize(parse('status=unpaid')).toString()).toBe('');
    expect(invoiceListCodec.serialize(parse('status=all')).toString()).toBe('status=all');
    expect(hasInvoiceFilters(parse(''))).toBe(false);
    expect(hasInvoiceFilters(parse('status=all'))).toBe(true);
  });

  it('keeps the number search and the customer code in the URL', () => {
    const params = parse('search=%20FA-2026%20&customerCode=beta');
    expect([params.search, params.customerCode]).toEqual(['FA-2026', 'beta']);
    expect(invoiceListCodec.serialize(params).toString()).toBe('search=FA-2026&customerCode=beta');
    expect(hasInvoiceFilters(params)).toBe(true);
  });

  it('round-trips the overdue view of one period', () => {
    const query = 'status=overdue&kind=invoice&dueFrom=2025-09-01&sort=open_amount&order=desc';
    expect(invoiceListCodec.serialize(parse(query)).toString()).toBe(query);
  });
});
