import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../src/app/deps.ts';
import { createCustomer, listCustomers } from '../../src/customers/service.ts';
import { openDatabase, type DbHandle } from '../../src/db/client.ts';
import { listMigrations, migrate } from '../../src/db/migrate.ts';
import { importFile, type ImportOptions } from '../../src/imports/service.ts';
import { listInvoices } from '../../src/ledger/invoice-lists.ts';
import { ConflictError } from '../../src/shared/errors.ts';
import { openTestRuntime } from '../db.ts';
import { emptyDatabase } from '../empty-database.ts';
import { makeCompany } from '../factories.ts';

let handle: DbHandle;
let deps: Deps;

beforeAll(async () => {
  ({ handle, deps } = await openTestRuntime());
});
afterAll(async () => {
  await handle.close();
});

const page = { page: 1, pageSize: 50 } as const;

function csvImport(kind: ImportOptions['kind'], text: string): ImportOptions {
  return {
    kind,
    bytes: new TextEncoder().encode(text),
    fileName: `${kind}.csv`,
    dryRun: false,
    partial: false,
  };
}

describe('customer codes (ADR 12: compared and stored in capitals)', () => {
  it('stores a001 as A001, and refuses A001 afterwards as the same customer', async () => {
    const { ctx } = await makeCompany(deps);
    const created = await createCustomer(deps, ctx, { code: ' a001 ', legalName: 'Alpha SARL' });
    expect(created.code).toBe('A001');

    const second = createCustomer(deps, ctx, { code: 'A001', legalName: 'Alpha bis' });
    await expect(second).rejects.toBeInstanceOf(ConflictError);
    await expect(second).rejects.toThrow('A customer with code A001 already exists');
  });

  it('imports a customers file written in lower case onto the customers it names, and invoices naming them in any case', async () => {
    const { ctx } = await makeCompany(deps);
    await createCustomer(deps, ctx, { code: 'B002', legalName: 'Beta SAS' });

    const customers = await importFile(
      deps,
      ctx,
      csvImport('customers', 'code,name\nb002,Beta SAS\nc003,Gamma SA\n'),
    );
    expect(customers).toMatchObject({ committed: true, created: 1, unchanged: 1, rejected: 0 });
    const listed = await listCustomers(deps, ctx, { ...page, sort: 'code', order: 'asc' });
    expect(listed.items.map((item) => item.code)).toEqual(['B002', 'C003']);

    const invoices = await importFile(
      deps,
      ctx,
      csvImport(
        'invoices',
        'number,customer_code,issue_date,due_date,amount\nFA-1,b002,2026-01-10,2026-02-09,100.00\nFA-2,C003,2026-01-10,2026-02-09,50.00\n',
      ),
    );
    expect(invoices).toMatchObject({ committed: true, created: 2, rejected: 0 });
    const stored = await listInvoices(deps, ctx, { ...page, sort: 'number', order: 'asc' });
    expect(stored.items.map((item) => [item.number, item.customerCode])).toEqual([
      ['FA-1', 'B002'],
      ['FA-2', 'C003'],
    ]);
  });

  it('keeps any writer to the rule: a code in lower case is refused by the database', async () => {
    const { ctx } = await makeCompany(deps);
    await expect(
      sql`INSERT INTO customer (company_id, id, code, legal_name) VALUES (${ctx.companyId}, ${deps.ids.newId()}, 'd004', 'Delta')`.execute(
        deps.db,
      ),
    ).rejects.toThrow('customer_code_check');
  });
});

describe('upgrading customer codes', () => {
  const before = listMigrations().filter((migration) => migration.name < '202612011400');
  const company = '0195d4a0-0000-7000-8000-0000000000c3';

  async function oldDatabase(codes: readonly string[]) {
    const empty = await emptyDatabase();
    const old = await openDatabase(empty.location);
    await migrate(old, before);
    await sql`INSERT INTO company (id, code, legal_name) VALUES (${company}, 'old', 'Ancienne SA')`.execute(
      old.db,
    );
    for (const [index, code] of codes.entries()) {
      await sql`INSERT INTO customer (company_id, id, code, legal_name)
        VALUES (${company}, ${`0195d4a0-0000-7000-8000-00000000010${index}`}, ${code}, ${`Client ${code}`})`.execute(
        old.db,
      );
    }
    return {
      old,
      drop: async () => {
        await old.close();
        await empty.drop();
      },
    };
  }

  it('brings older codes to capitals', async () => {
    const { old, drop } = await oldDatabase(['a001', ' B002', 'C003']);
    try {
      await migrate(old, listMigrations());
      const rows = await sql<{ code: string }>`SELECT code FROM customer ORDER BY code`.execute(
        old.db,
      );
      expect(rows.rows.map((row) => row.code)).toEqual(['A001', 'B002', 'C003']);
    } finally {
      await drop();
    }
  });

  it('stops, naming them, when two customers differ only by case, and changes nothing', async () => {
    const { old, drop } = await oldDatabase(['a001', 'A001', 'b002']);
    try {
      await expect(migrate(old, listMigrations())).rejects.toThrow(
        'Customer codes that differ only by case or surrounding spaces: A001 / a001 in company 0195d4a0-0000-7000-8000-0000000000c3.',
      );
      const rows = await sql<{ code: string }>`SELECT code FROM customer ORDER BY code`.execute(
        old.db,
      );
      expect(rows.rows.map((row) => row.code)).toEqual(['A001', 'a001', 'b002']);
    } finally {
      await drop();
    }
  });
});
