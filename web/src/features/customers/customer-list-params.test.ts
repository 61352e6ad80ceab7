import { describe, expect, it } from 'vitest';
import { customerListCodec, toCustomerQuery } from './customer-list-params.ts';

const parse = (query: string) => customerListCodec.parse(new URLSearchParams(query));

describe('customer list URL state', () => {
  it('reads an empty query string as the default list', () => {
    expect(parse('')).toEqual({
      search: '',
      status: undefined,
      sort: 'legal_name',
      order: 'asc',
      page: 1,
    });
  });

  it('ignores values the API would refuse instead of sending them', () => {
    expect(parse('status=asleep&sort=city&order=up&page=-3')).toEqual(parse(''));
    expect(parse('page=2.5').page).toBe(1);
  });

  it('writes only what differs from the defaults, so a plain list keeps a plain URL', () => {
    expect(customerListCodec.serialize(parse('')).toString()).toBe('');
    const params = parse('search=dupont&status=on_hold&sort=overdue_amount&order=desc&page=3');
    expect(customerListCodec.serialize(params).toString()).toBe(
      'search=dupont&status=on_hold&sort=overdue_amount&order=desc&page=3',
    );
  });

  it('asks the server for one page of 50, never the whole list', () => {
    expect(toCustomerQuery(parse('page=4'))).toEqual({
      search: '',
      status: undefined,
      sort: 'legal_name',
      order: 'asc',
      page: 4,
      pageSize: 50,
    });
  });
});
