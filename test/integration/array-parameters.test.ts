import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../src/app/deps.ts';
import { anyOf, arrayParameter, insertRows } from '../../src/db/array-parameters.ts';
import { MAX_STATEMENT_PARAMETERS, type DbHandle } from '../../src/db/client.ts';
import { openTestRuntime } from '../db.ts';
import { makeCompany, makeCustomer } from '../factories.ts';

let handle: DbHandle;
let deps: Deps;

beforeAll(async () => {
  ({ handle, deps } = await openTestRuntime());
});
afterAll(async () => {
  await handle.close();
});

const AWKWARD_TEXTS = [
  'NULL',
  '',
  ' padded ',
  'a,b',
  '{braces}',
  'say "hi"',
  'back\\slash',
  'line\nbreak',
  'Électricité œuvre',
  '"\\"',
];

describe('array parameters', () => {
  it('carry every awkward text, NULL, the largest safe integer and dates through unnest unchanged', async () => {
    const { rows } = await sql<{ text: string | null; amount: number | null; day: string | null }>`
      SELECT * FROM unnest(
        ${arrayParameter([...AWKWARD_TEXTS, null], 'text')},
        ${arrayParameter([...AWKWARD_TEXTS.map((_, i) => i), Number.MAX_SAFE_INTEGER], 'bigint')},
        ${arrayParameter([...AWKWARD_TEXTS.map(() => '2026-02-28'), null], 'date')}
      ) AS t(text, amount, day)`.execute(deps.db);
    expect(rows.map((row) => row.text)).toEqual([...AWKWARD_TEXTS, null]);
    expect(rows.at(-1)).toEqual({ text: null, amount: Number.MAX_SAFE_INTEGER, day: null });
    expect(rows[0]?.day).toBe('2026-02-28');
  });

  it('look up 70,000 keys in one statement, past the 65,535 parameters a list would need', async () => {
    const { ctx } = await makeCompany(deps);
    const customer = await makeCustomer(deps, ctx, { code: 'K-69999' });
    const codes = Array.from({ length: 70_000 }, (_, index) => `K-${index}`);
    const found = await deps.db
      .selectFrom('customer')
      .select('id')
      .where('company_id', '=', ctx.companyId)
      .where('code', '=', anyOf(codes, 'text'))
      .execute();
    expect(found).toEqual([{ id: customer.id }]);
  });

  it('insert 25,000 rows in statements of a fixed parameter count, text and NULL intact', async () => {
    const { ctx } = await makeCompany(deps);
    const customer = await makeCustomer(deps, ctx);
    const contacts = Array.from({ length: 25_000 }, (_, index) => ({
      company_id: ctx.companyId,
      id: deps.ids.newId(),
      customer_id: customer.id,
      role: 'billing',
      name: AWKWARD_TEXTS[index % AWKWARD_TEXTS.length] ?? null,
      email: index % 2 === 0 ? null : `c${index}@example.fr`,
      phone: null,
    }));
    await insertRows(
      deps.db,
      'customer_contact',
      {
        company_id: 'uuid',
        id: 'uuid',
        customer_id: 'uuid',
        role: 'text',
        name: 'text',
        email: 'text',
        phone: 'text',
      },
      contacts,
    );
    const stored = await deps.db
      .selectFrom('customer_contact')
      .select(['name', 'email'])
      .where('company_id', '=', ctx.companyId)
      .where('customer_id', '=', customer.id)
      .orderBy('id')
      .execute();
    expect(stored).toHaveLength(25_000);
    expect(stored.slice(0, AWKWARD_TEXTS.length).map((row) => row.name)).toEqual(AWKWARD_TEXTS);
    expect(stored[1]?.email).toBe('c1@example.fr');
    expect(stored[2]?.email).toBeNull();
  });

  it('refuse a statement whose parameter count grew with its input, naming the cure', async () => {
    const values = Array.from({ length: MAX_STATEMENT_PARAMETERS + 1 }, (_, index) => `v${index}`);
    await expect(
      deps.db.selectFrom('customer').select('id').where('code', 'in', values).execute(),
    ).rejects.toThrow(
      `A statement has ${MAX_STATEMENT_PARAMETERS + 1} parameters (at most ${MAX_STATEMENT_PARAMETERS}): pass the list as one array parameter`,
    );
  });
});
