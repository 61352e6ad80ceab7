import { describe, expect, it } from 'vitest';
import {
  customerListCodec,
  customerListCodecFor,
  defaultScopeFor,
  toCustomerQuery,
} from './customer-list-params.ts';

const parse = (query: string) => customerListCodec.parse(new URLSearchParams(query));

describe('customer list URL state', () => {
  it('reads an empty query string as the default list', () => {
    expect(parse('')).toEqual({
      search: '',
      status: undefined,
      scope: 'all',
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
      collectorId: undefined,
      sort: 'legal_name',
      order: 'asc',
      page: 4,
      pageSize: 50,
    });
  });

  it("opens a collector's list on their own customers and keeps another choice in the URL", () => {
    expect(defaultScopeFor('collector')).toBe('mine');
    expect(defaultScopeFor('credit_manager')).toBe('all');
    const collectorCodec = customerListCodecFor('mine');
    const mine = collectorCodec.parse(new URLSearchParams(''));
    expect(mine.scope).toBe('mine');
    expect(collectorCodec.serialize(mine).toString()).toBe('');
    expect(collectorCodec.serialize({ ...mine, scope: 'all' }).toString()).toBe('scope=all');
    expect(parse('scope=mine').scope).toBe('mine');
    expect(toCustomerQuery(mine, 'u-1')).toMatchObject({ collectorId: 'u-1' });
    expect(toCustomerQuery({ ...mine, scope: 'all' }, 'u-1')).toMatchObject({
      collectorId: undefined,
    });
  });
});
