import { describe, expect, it } from 'vitest';
import {
  customerListCodecFor,
  defaultCollectorFor,
  toCustomerQuery,
} from './customer-list-params.ts';

const MANAGER = { id: '0b9e4c1e-8f0e-4c55-9a57-3d3f1b6f0a01', role: 'credit_manager' };
const ANNE = { id: '5a1f2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', role: 'collector' };
const customerListCodec = customerListCodecFor(MANAGER);
const parse = (query: string) => customerListCodec.parse(new URLSearchParams(query));

describe('customer list URL state', () => {
  it('reads an empty query string as the default list', () => {
    expect(parse('')).toEqual({
      search: '',
      status: undefined,
      collector: 'all',
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
    expect(defaultCollectorFor(ANNE)).toBe(ANNE.id);
    expect(defaultCollectorFor(MANAGER)).toBe('all');
    const collectorCodec = customerListCodecFor(ANNE);
    const mine = collectorCodec.parse(new URLSearchParams(''));
    expect(mine.collector).toBe(ANNE.id);
    expect(collectorCodec.serialize(mine).toString()).toBe('');
    expect(collectorCodec.serialize({ ...mine, collector: 'all' }).toString()).toBe(
      'collector=all',
    );
    expect(toCustomerQuery(mine)).toMatchObject({ collectorId: ANNE.id });
    expect(toCustomerQuery({ ...mine, collector: 'all' })).toMatchObject({
      collectorId: undefined,
    });
  });

  it("filters a credit manager's list by the collector picked, written in the URL", () => {
    const picked = parse(`collector=${ANNE.id}`);
    expect(picked.collector).toBe(ANNE.id);
    expect(customerListCodec.serialize(picked).toString()).toBe(`collector=${ANNE.id}`);
    expect(toCustomerQuery(picked)).toMatchObject({ collectorId: ANNE.id });
    // An id the API would refuse is not sent: the default list instead.
    expect(parse('collector=anne').collector).toBe('all');
  });

  it('opens the links written before the picker as they did (scope=mine, scope=all)', () => {
    expect(parse('scope=mine').collector).toBe(MANAGER.id);
    expect(customerListCodecFor(ANNE).parse(new URLSearchParams('scope=all')).collector).toBe(
      'all',
    );
    // The picker's own parameter wins over the old one.
    expect(parse(`scope=mine&collector=${ANNE.id}`).collector).toBe(ANNE.id);
  });
});
