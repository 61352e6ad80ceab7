/**
 * A list export reads its batches from one snapshot. On PostgreSQL a writer on
 * another connection commits between two batches; the second batch must not see it.
 * PGlite is one session: nothing can commit while the export's transaction holds it,
 * so there the test only checks the transaction refuses writes.
 */
import { readFile } from 'node:fs/promises';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../src/app/deps.ts';
import type { DbHandle, Queryable } from '../../src/db/client.ts';
import { writeListExport } from '../../src/exports/list-export.ts';
import { describeTestDatabase, openTestRuntime } from '../db.ts';
import { makeCompany, makeCustomer } from '../factories.ts';
import { readWholeTable } from '../whole-import-file.ts';

let handle: DbHandle;
let deps: Deps;

beforeAll(async () => {
  ({ handle, deps } = await openTestRuntime());
});
afterAll(async () => {
  await handle.close();
});

const fields = [{ name: 'code', type: 'text', cell: (row: string) => row }] as const;

describe('writeListExport', () => {
  it.skipIf(describeTestDatabase() === 'pglite')(
    'reads every batch from one snapshot, whatever commits in between',
    async () => {
      const { ctx } = await makeCompany(deps);
      await makeCustomer(deps, ctx, { code: 'FIRST' });
      const codesIn = async (q: Queryable) =>
        (
          await q
            .selectFrom('customer')
            .select('code')
            .where('company_id', '=', ctx.companyId)
            .orderBy('code')
            .execute()
        ).map((row) => row.code);
      const file = await writeListExport(deps.db, {
        format: 'csv',
        baseName: 'snapshot',
        sheetName: 'Snapshot',
        fields,
        async *batches(tx) {
          yield await codesIn(tx);
          // Committed on another connection of the pool while the export is open.
          await makeCustomer(deps, ctx, { code: 'LATER' });
          yield await codesIn(tx);
        },
      });
      try {
        const read = await readWholeTable(await readFile(file.path), 'snapshot.csv');
        if (!read.ok) {
          throw new Error(JSON.stringify(read.issues));
        }
        expect(read.table.records.map((record) => record.values['code'])).toEqual([
          'FIRST',
          'FIRST',
        ]);
        expect(file.rows).toBe(2);
        expect(await codesIn(deps.db)).toEqual(['FIRST', 'LATER']);
      } finally {
        await file.remove();
      }
    },
  );

  it('refuses a write from inside an export', async () => {
    const { ctx } = await makeCompany(deps);
    await expect(
      writeListExport(deps.db, {
        format: 'xlsx',
        baseName: 'refused',
        sheetName: 'Refused',
        fields,
        async *batches(tx) {
          yield ['A'];
          await sql`UPDATE company SET legal_name = 'x' WHERE id = ${ctx.companyId}`.execute(tx);
        },
      }),
    ).rejects.toThrow(/read-only transaction/);
  });
});
