import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../src/app/deps.ts';
import { listCustomers } from '../../src/customers/service.ts';
import type { DbHandle } from '../../src/db/client.ts';
import { importFile, type ImportOptions } from '../../src/imports/service.ts';
import { openTestRuntime } from '../db.ts';
import { makeCompany } from '../factories.ts';

let handle: DbHandle;
let deps: Deps;

beforeAll(async () => {
  ({ handle, deps } = await openTestRuntime());
});
afterAll(async () => {
  await handle.close();
});

const bytesOf = (text: string) => new TextEncoder().encode(text);

function options(
  kind: ImportOptions['kind'],
  bytes: Uint8Array,
  extra: Partial<ImportOptions> = {},
): ImportOptions {
  return { kind, bytes, fileName: `${kind}.csv`, dryRun: false, partial: false, ...extra };
}

describe('imports of hostile files', () => {
  it('reads a CRLF header over LF rows as one customer per line', async () => {
    const { ctx } = await makeCompany(deps);

    const report = await importFile(
      deps,
      ctx,
      options('customers', bytesOf('code,name,city\r\nL001,Alpha\nL002,Beta\n')),
    );

    expect(report).toMatchObject({ created: 2, rejected: 0, committed: true, errors: [] });
    const { items } = await listCustomers(deps, ctx, {
      page: 1,
      pageSize: 10,
      sort: 'code',
      order: 'asc',
    });
    expect(items.map((item) => [item.code, item.legalName, item.city])).toEqual([
      ['L001', 'Alpha', null],
      ['L002', 'Beta', null],
    ]);
  });
});
