import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../src/app/context.ts';
import type { Deps } from '../../src/app/deps.ts';
import { recordEvents, verifyAuditTrail, type EventInput } from '../../src/audit/service.ts';
import { arrayParameter } from '../../src/db/array-parameters.ts';
import { openDatabase, type DbHandle, type Queryable } from '../../src/db/client.ts';
import { listMigrations, migrate } from '../../src/db/migrate.ts';
import { getCustomerTimeline } from '../../src/customers/service.ts';
import { emptyDatabase } from '../empty-database.ts';
import { describeTestDatabase, openTestRuntime } from '../db.ts';
import { makeCompany, makeCustomer, makeInvoices, TEST_OPERATOR } from '../factories.ts';

let handle: DbHandle;
let deps: Deps;

beforeAll(async () => {
  ({ handle, deps } = await openTestRuntime());
});
afterAll(async () => {
  await handle.close();
});

const onPostgres = describeTestDatabase() === 'postgres';

function someEvents(count: number, label: string): EventInput[] {
  return Array.from({ length: count }, (_, index) => ({
    action: 'customer.updated',
    entityType: 'customer',
    entityId: deps.ids.newId(),
    customerId: null,
    data: { label, index },
  }));
}

async function seqsOf(companyId: string, database: DbHandle = handle): Promise<number[]> {
  const result = await sql<{ seq: number }>`
    SELECT seq FROM event WHERE company_id = ${companyId} ORDER BY seq`.execute(database.db);
  return result.rows.map((row) => row.seq);
}

async function hashOf(companyId: string, seq: number): Promise<string> {
  const result = await sql<{ hash: string }>`
    SELECT encode(hash, 'hex') AS hash FROM event
     WHERE company_id = ${companyId} AND seq = ${seq}`.execute(handle.db);
  return result.rows[0]?.hash ?? '';
}

/** What a superuser can do: set the append-only trigger aside and change the trail. */
async function tamper(statement: (q: Queryable) => Promise<unknown>): Promise<void> {
  await handle.db.transaction().execute(async (tx) => {
    await sql`ALTER TABLE event DISABLE TRIGGER event_append_only`.execute(tx);
    await statement(tx);
    await sql`ALTER TABLE event ENABLE TRIGGER event_append_only`.execute(tx);
  });
}

/** A company with three events, seq 1 to 3. */
async function companyWithThreeEvents(): Promise<Ctx> {
  const { ctx } = await makeCompany(deps);
  await recordEvents(deps.db, ctx, someEvents(3, 'three'));
  return ctx;
}

describe('numbering', () => {
  it("numbers each company's events 1, 2, 3… on its own, without gaps", async () => {
    const first = await makeCompany(deps);
    const second = await makeCompany(deps);

    await recordEvents(deps.db, first.ctx, someEvents(2, 'a'));
    await recordEvents(deps.db, second.ctx, someEvents(1, 'b'));
    await recordEvents(deps.db, first.ctx, someEvents(3, 'a'));
    await recordEvents(deps.db, second.ctx, someEvents(2, 'b'));

    expect(await seqsOf(first.company.id)).toEqual([1, 2, 3, 4, 5]);
    expect(await seqsOf(second.company.id)).toEqual([1, 2, 3]);
  });

  it('leaves no gap after a rolled-back transaction', async () => {
    const { company, ctx } = await makeCompany(deps);
    await recordEvents(deps.db, ctx, someEvents(2, 'kept'));

    await expect(
      deps.db.transaction().execute(async (tx) => {
        await recordEvents(tx, ctx, someEvents(4, 'rolled back'));
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    await recordEvents(deps.db, ctx, someEvents(1, 'kept'));

    expect(await seqsOf(company.id)).toEqual([1, 2, 3]);
  });

  it('chains events recorded after an early chaining (SET CONSTRAINTS ALL IMMEDIATE) too', async () => {
    const { company, ctx } = await makeCompany(deps);

    await deps.db.transaction().execute(async (tx) => {
      await recordEvents(tx, ctx, someEvents(2, 'before'));
      await sql`SET CONSTRAINTS ALL IMMEDIATE`.execute(tx);
      await recordEvents(tx, ctx, someEvents(1, 'after'));
    });

    expect(await seqsOf(company.id)).toEqual([1, 2, 3]);
    expect(await verifyAuditTrail(deps, ctx)).toMatchObject({ ok: true, events: 3 });
  });

  it("shows the company's own seq in a customer's timeline, never a number shared by all companies", async () => {
    const { ctx } = await makeCompany(deps);
    const customer = await makeCustomer(deps, ctx);
    await makeInvoices(deps, ctx, customer.id, [
      { number: 'FA-1', issueDate: '2026-01-10', dueDate: '2026-02-09', amount: 10_000 },
    ]);

    const timeline = await getCustomerTimeline(deps, ctx, customer.id);

    expect(timeline.map((event) => [event.seq, event.action])).toEqual([
      [2, 'invoice.created'],
      [1, 'customer.created'],
    ]);
    expect(timeline.every((event) => !('id' in event))).toBe(true);
    expect(timeline[0]?.actor).toEqual({
      type: 'cli',
      id: TEST_OPERATOR,
      name: `${TEST_OPERATOR} (CLI)`,
    });
  });
});

describe('the hash chain', () => {
  it('verifies: OK, with the count and the head hash', async () => {
    const ctx = await companyWithThreeEvents();

    const verdict = await verifyAuditTrail(deps, ctx);

    expect(verdict).toEqual({
      ok: true,
      events: 3,
      head: { seq: 3, hash: await hashOf(ctx.companyId, 3) },
    });
    expect(verdict.ok && verdict.head?.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('verifies a company without events: OK, none', async () => {
    const { ctx } = await makeCompany(deps);

    expect(await verifyAuditTrail(deps, ctx)).toEqual({ ok: true, events: 0, head: null });
  });

  it("names an event whose data was changed, and leaves other companies' chains alone", async () => {
    const ctx = await companyWithThreeEvents();
    const neighbour = await companyWithThreeEvents();

    await tamper((q) =>
      sql`UPDATE event SET data = '{"label": "forged"}'
             WHERE company_id = ${ctx.companyId} AND seq = 2`.execute(q),
    );

    expect(await verifyAuditTrail(deps, ctx)).toEqual({
      ok: false,
      events: 3,
      broken: { kind: 'altered', seq: 2, part: 'content' },
    });
    expect(await verifyAuditTrail(deps, neighbour)).toMatchObject({ ok: true, events: 3 });
  });

  it('names an event whose actor was changed, even the last one', async () => {
    const ctx = await companyWithThreeEvents();

    await tamper((q) =>
      sql`UPDATE event SET actor_id = 'someone-else'
             WHERE company_id = ${ctx.companyId} AND seq = 3`.execute(q),
    );

    expect(await verifyAuditTrail(deps, ctx)).toMatchObject({
      ok: false,
      broken: { kind: 'altered', seq: 3, part: 'content' },
    });
  });

  it('names an event whose stored hash was rewritten', async () => {
    const ctx = await companyWithThreeEvents();

    await tamper((q) =>
      sql`UPDATE event SET hash = sha256('forged'::bytea)
             WHERE company_id = ${ctx.companyId} AND seq = 2`.execute(q),
    );

    expect(await verifyAuditTrail(deps, ctx)).toMatchObject({
      ok: false,
      broken: { kind: 'altered', seq: 2, part: 'hash' },
    });
  });

  it('names a deleted event in the middle', async () => {
    const ctx = await companyWithThreeEvents();

    await tamper((q) =>
      sql`DELETE FROM event WHERE company_id = ${ctx.companyId} AND seq = 2`.execute(q),
    );

    expect(await verifyAuditTrail(deps, ctx)).toEqual({
      ok: false,
      events: 2,
      broken: { kind: 'missing', from: 2, to: 2 },
    });
  });

  it('names deleted events at the end, from the head', async () => {
    const ctx = await companyWithThreeEvents();

    await tamper((q) =>
      sql`DELETE FROM event WHERE company_id = ${ctx.companyId} AND seq >= 2`.execute(q),
    );

    expect(await verifyAuditTrail(deps, ctx)).toMatchObject({
      ok: false,
      broken: { kind: 'missing', from: 2, to: 3 },
    });
  });

  it('names events inserted past the head', async () => {
    const ctx = await companyWithThreeEvents();

    await sql`INSERT INTO event (company_id, seq, actor_type, action, entity_type, entity_id, hash)
              SELECT company_id, 4, actor_type, action, entity_type, entity_id, sha256(hash)
                FROM event WHERE company_id = ${ctx.companyId} AND seq = 3`.execute(handle.db);

    expect(await verifyAuditTrail(deps, ctx)).toMatchObject({
      ok: false,
      broken: { kind: 'unchained', seq: 4 },
    });
  });

  it('shows a chain recomputed from a changed event on, head included, against a head recorded before', async () => {
    const ctx = await companyWithThreeEvents();
    const before = await verifyAuditTrail(deps, ctx);
    const recorded = before.ok ? before.head : null;

    await tamper(async (q) => {
      await sql`UPDATE event SET data = '{"label": "forged"}'
                 WHERE company_id = ${ctx.companyId} AND seq = 2`.execute(q);
      await sql`UPDATE event AS e SET hash = rechained.hash
                  FROM (SELECT seq, event_chain(
                                 (SELECT hash FROM event WHERE company_id = ${ctx.companyId} AND seq = 1),
                                 event_canonical(seq, company_id, occurred_at, actor_type, actor_id, action,
                                                 entity_type, entity_id, customer_id, data))
                                 OVER (ORDER BY seq ROWS UNBOUNDED PRECEDING) AS hash
                          FROM event WHERE company_id = ${ctx.companyId} AND seq >= 2) AS rechained
                 WHERE e.company_id = ${ctx.companyId} AND e.seq = rechained.seq`.execute(q);
      await sql`UPDATE event_chain_head
                   SET hash = (SELECT hash FROM event WHERE company_id = ${ctx.companyId} AND seq = 3)
                 WHERE company_id = ${ctx.companyId}`.execute(q);
    });

    // The chain alone cannot tell: it was recomputed with the published formula.
    expect(await verifyAuditTrail(deps, ctx)).toMatchObject({ ok: true, events: 3 });
    expect(await verifyAuditTrail(deps, ctx, recorded ?? undefined)).toEqual({
      ok: false,
      events: 3,
      broken: { kind: 'rewritten', seq: 3 },
    });
  });

  it('refuses TRUNCATE, UPDATE and DELETE on the trail, even to a superuser', async () => {
    const ctx = await companyWithThreeEvents();

    await expect(sql`TRUNCATE event`.execute(handle.db)).rejects.toThrow(/append-only/);
    await expect(sql`TRUNCATE event_chain_head`.execute(handle.db)).rejects.toThrow(/append-only/);
    await expect(
      sql`DELETE FROM event WHERE company_id = ${ctx.companyId}`.execute(handle.db),
    ).rejects.toThrow(/append-only/);
    await expect(
      sql`DELETE FROM event_chain_head WHERE company_id = ${ctx.companyId}`.execute(handle.db),
    ).rejects.toThrow(/append-only/);
    await expect(
      sql`UPDATE event SET data = '{}' WHERE company_id = ${ctx.companyId}`.execute(handle.db),
    ).rejects.toThrow(/append-only/);

    expect(await seqsOf(ctx.companyId)).toEqual([1, 2, 3]);
    expect(await verifyAuditTrail(deps, ctx)).toMatchObject({ ok: true, events: 3 });
  });
});

describe('the canonical bytes', () => {
  const COMPANY_ID = '0195d4a0-0000-7000-8000-00000000c0de';
  // Keys out of order, nesting, accents, a non-BMP character, escapes, a decimal.
  const GOLDEN = [
    {
      occurredAt: '2026-03-15 11:00:00.123456+00',
      actorType: 'cli',
      actorId: 'hélène',
      action: 'customer.created',
      entityType: 'customer',
      entityId: '0195d4a0-0000-7000-8000-0000000000e1',
      customerId: '0195d4a0-0000-7000-8000-0000000000e1',
      data: '{"zz": null, "code": "C1", "a": {"y": [1, 2.50], "x": "Électricité 🚚 \\"quoted\\"\\n"}}',
      // jsonb's text of it: keys by length then bytes, its own spacing, 2.50 kept.
      dataText:
        '{"a": {"x": "Électricité 🚚 \\"quoted\\"\\n", "y": [1, 2.50]}, "zz": null, "code": "C1"}',
    },
    {
      occurredAt: '2026-03-15 11:00:00.000001+00',
      actorType: 'system',
      actorId: null,
      action: 'demo.loaded',
      entityType: 'company',
      entityId: COMPANY_ID,
      customerId: null,
      data: '{}',
      dataText: '{}',
    },
  ];

  /** event_canonical, written again from its documentation (migration 202612011200, ADR 14). */
  function canonical(seq: number, event: (typeof GOLDEN)[number]): Buffer {
    const int4 = (value: number) => {
      const bytes = Buffer.alloc(4);
      bytes.writeInt32BE(value);
      return bytes;
    };
    const int8 = (value: bigint) => {
      const bytes = Buffer.alloc(8);
      bytes.writeBigInt64BE(value);
      return bytes;
    };
    const uuid = (id: string) => Buffer.from(id.replaceAll('-', ''), 'hex');
    const text = (value: string | null) =>
      value === null
        ? int4(-1)
        : // char_length counts code points (the lorry is one, two UTF-16 units, four bytes).
          Buffer.concat([int4(value.match(/./gsu)?.length ?? 0), Buffer.from(value, 'utf8')]);
    const [whole, fraction = ''] = event.occurredAt.replace(' ', 'T').replace('+00', '').split('.');
    const micros =
      BigInt(Date.parse(`${whole}Z`) - Date.UTC(2000, 0, 1)) * 1000n +
      BigInt(fraction.padEnd(6, '0'));
    return Buffer.concat([
      int8(BigInt(seq)),
      uuid(COMPANY_ID),
      int8(micros),
      text(event.actorType),
      text(event.actorId),
      text(event.action),
      text(event.entityType),
      uuid(event.entityId),
      event.customerId === null
        ? Buffer.from([0])
        : Buffer.concat([Buffer.from([1]), uuid(event.customerId)]),
      Buffer.from(event.dataText, 'utf8'),
    ]);
  }

  it('chains the same events to the same hashes on PGlite and PostgreSQL, as documented', async () => {
    await sql`INSERT INTO company (id, code, legal_name) VALUES (${COMPANY_ID}, 'golden', 'Golden SA')`.execute(
      handle.db,
    );
    await handle.db.transaction().execute(async (tx) => {
      await sql`SELECT event_pending_prepare(${COMPANY_ID}::uuid)`.execute(tx);
      for (const event of GOLDEN) {
        await sql`INSERT INTO pg_temp.event_pending
            (company_id, occurred_at, actor_type, actor_id, action, entity_type, entity_id, customer_id, data)
          VALUES (${COMPANY_ID}, ${event.occurredAt}::timestamptz, ${event.actorType}, ${event.actorId},
                  ${event.action}, ${event.entityType}, ${event.entityId}, ${event.customerId},
                  ${event.data}::jsonb)`.execute(tx);
      }
    });

    const stored = await sql<{ seq: number; data: string; hash: string }>`
      SELECT seq, data::text AS data, encode(hash, 'hex') AS hash
        FROM event WHERE company_id = ${COMPANY_ID} ORDER BY seq`.execute(handle.db);
    expect(stored.rows.map((row) => row.data)).toEqual(GOLDEN.map((event) => event.dataText));
    let previous = Buffer.alloc(0);
    const expected = GOLDEN.map((event, index) => {
      previous = createHash('sha256')
        .update(previous)
        .update(canonical(index + 1, event))
        .digest();
      return previous.toString('hex');
    });
    expect(stored.rows.map((row) => row.hash)).toEqual(expected);
    // The same on both drivers, run after run: a change of format changes this.
    expect(expected[1]).toBe('110cdb6345e530f9c03f6c164c60496158e0438bea10487aee8e238764640210');
  });
});

describe('concurrency', () => {
  it.runIf(onPostgres)(
    'chains transactions of one company that write at once, on several connections, without gaps',
    async () => {
      const { ctx } = await makeCompany(deps);

      await Promise.all(
        Array.from({ length: 8 }, (_, writer) =>
          deps.db.transaction().execute(async (tx) => {
            await recordEvents(tx, ctx, someEvents(20, `writer ${writer}`));
            await new Promise((resolve) => setTimeout(resolve, 5 * (writer % 3)));
            await recordEvents(tx, ctx, someEvents(5, `writer ${writer}`));
          }),
        ),
      );

      expect(await seqsOf(ctx.companyId)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
      expect(await verifyAuditTrail(deps, ctx)).toMatchObject({ ok: true, events: 200 });
      // Each transaction's events stay together, in the order it recorded them.
      const runs = await sql<{ label: string; seqs: number[] }>`
        SELECT data->>'label' AS label, array_agg(seq ORDER BY seq) AS seqs
          FROM event WHERE company_id = ${ctx.companyId} GROUP BY 1`.execute(handle.db);
      for (const run of runs.rows) {
        expect(run.seqs.at(-1)! - run.seqs[0]!).toBe(24);
      }
    },
  );

  it.runIf(onPostgres)(
    'does not deadlock when one transaction records events before locking an invoice another holds',
    async () => {
      const { ctx } = await makeCompany(deps);
      const customer = await makeCustomer(deps, ctx);
      await makeInvoices(deps, ctx, customer.id, [
        { number: 'FA-1', issueDate: '2026-01-10', dueDate: '2026-02-09', amount: 10_000 },
      ]);
      const lockInvoice = (tx: Queryable) =>
        sql`SELECT 1 FROM invoice WHERE company_id = ${ctx.companyId} AND number = 'FA-1' FOR UPDATE`.execute(
          tx,
        );
      let invoiceHeld!: () => void;
      const isInvoiceHeld = new Promise<void>((resolve) => (invoiceHeld = resolve));
      let eventsRecorded!: () => void;
      const areEventsRecorded = new Promise<void>((resolve) => (eventsRecorded = resolve));

      // As an allocation: the invoice first, then its event.
      const allocation = deps.db.transaction().execute(async (tx) => {
        await sql`SET LOCAL lock_timeout = '20s'`.execute(tx);
        await lockInvoice(tx);
        invoiceHeld();
        await areEventsRecorded;
        // Gives the import time to queue on the invoice.
        await new Promise((resolve) => setTimeout(resolve, 300));
        await recordEvents(tx, ctx, someEvents(1, 'allocation'));
      });
      // As an import: an event first, then the same invoice.
      const importing = deps.db.transaction().execute(async (tx) => {
        await sql`SET LOCAL lock_timeout = '20s'`.execute(tx);
        await isInvoiceHeld;
        await recordEvents(tx, ctx, someEvents(3, 'import'));
        eventsRecorded();
        await lockInvoice(tx);
      });
      await Promise.all([allocation, importing]);

      const labels = await sql<{ label: string }>`
        SELECT data->>'label' AS label FROM event WHERE company_id = ${ctx.companyId} ORDER BY seq`.execute(
        handle.db,
      );
      expect(labels.rows.map((row) => row.label)).toEqual([
        null,
        null,
        'allocation',
        'import',
        'import',
        'import',
      ]);
      expect(await verifyAuditTrail(deps, ctx)).toMatchObject({ ok: true, events: 6 });
    },
  );
});

describe('size', () => {
  it('chains a batch of 100,000 events in one transaction, with a fixed number of statements per 10,000', async () => {
    const { ctx } = await makeCompany(deps);
    const events = Array.from({ length: 100_000 }, (_, index) => ({
      action: 'invoice.created' as const,
      entityType: 'invoice',
      entityId: deps.ids.newId(),
      customerId: deps.ids.newId(),
      data: {
        number: `FA-${index}`,
        amount: 10_000 + index,
        currency: 'EUR',
        dueDate: '2026-04-30',
      },
    }));

    let staged = 0;
    let chainOnly = 0;
    const started = performance.now();
    await deps.db.transaction().execute(async (tx) => {
      await recordEvents(tx, ctx, events);
      staged = performance.now();
      // The chain alone, as COMMIT computes it, without writing the rows.
      await sql`SET LOCAL work_mem = '64MB'`.execute(tx);
      await sql`SELECT count(hash) FROM (
          SELECT event_chain(''::bytea, event_canonical(ord, company_id, occurred_at, actor_type,
                   actor_id, action, entity_type, entity_id, customer_id, data))
                   OVER (ORDER BY ord ROWS UNBOUNDED PRECEDING) AS hash
            FROM pg_temp.event_pending) AS chained`.execute(tx);
      chainOnly = performance.now() - staged;
      staged = performance.now();
    });
    const committed = performance.now();
    console.log(
      `${describeTestDatabase()}: 100,000 events staged in ${Math.round(staged - started - chainOnly)} ms; their chain computed in ${Math.round(chainOnly)} ms; numbered, chained and written into event at COMMIT in ${Math.round(committed - staged)} ms`,
    );

    const verifying = performance.now();
    expect(await verifyAuditTrail(deps, ctx)).toMatchObject({ ok: true, events: 100_000 });
    console.log(
      `${describeTestDatabase()}: verified 100,000 events in ${Math.round(performance.now() - verifying)} ms`,
    );
  });
});

describe('upgrading a database', () => {
  it('numbers and chains the events it already holds, in their order, so that verify passes', async () => {
    const empty = await emptyDatabase();
    const old = await openDatabase(empty.location);
    try {
      const migrations = listMigrations();
      await migrate(
        old,
        migrations.filter((migration) => migration.name < '202612011200'),
      );
      const companies = [
        '0195d4a0-0000-7000-8000-0000000000a1',
        '0195d4a0-0000-7000-8000-0000000000b2',
      ];
      for (const [index, id] of companies.entries()) {
        await sql`INSERT INTO company (id, code, legal_name) VALUES (${id}, ${`old-${index}`}, 'Ancienne SA')`.execute(
          old.db,
        );
      }
      // Interleaved, as one identity shared by every company numbered them.
      await sql`
        INSERT INTO event (company_id, occurred_at, actor_type, actor_id, action, entity_type, entity_id, data)
        SELECT (${arrayParameter(companies, 'uuid')})[1 + n % 2], now() - make_interval(secs => 1000 - n),
               CASE WHEN n % 3 = 0 THEN 'cli' ELSE 'user' END, CASE WHEN n % 3 = 0 THEN NULL ELSE 'u' || n END,
               'note.added', 'note', gen_random_uuid(), jsonb_build_object('n', n)
          FROM generate_series(1, 7) AS n`.execute(old.db);

      await migrate(old, migrations);

      const rows = await sql<{ company_id: string; seq: number; n: number }>`
        SELECT company_id, seq, (data->>'n')::int AS n FROM event ORDER BY company_id, seq`.execute(
        old.db,
      );
      expect(rows.rows.map((row) => [row.company_id, row.seq, row.n])).toEqual([
        [companies[0], 1, 2],
        [companies[0], 2, 4],
        [companies[0], 3, 6],
        [companies[1], 1, 1],
        [companies[1], 2, 3],
        [companies[1], 3, 5],
        [companies[1], 4, 7],
      ]);
      const oldDeps = { ...deps, db: old.db };
      for (const id of companies) {
        const ctx: Ctx = {
          companyId: id,
          actor: { type: 'cli', id: TEST_OPERATOR, name: TEST_OPERATOR },
          role: 'admin',
        };
        expect(await verifyAuditTrail(oldDeps, ctx)).toMatchObject({ ok: true });
        await recordEvents(old.db, ctx, someEvents(1, 'after the upgrade'));
        expect(await verifyAuditTrail(oldDeps, ctx)).toMatchObject({ ok: true });
      }
      expect(await seqsOf(companies[1]!, old)).toEqual([1, 2, 3, 4, 5]);
    } finally {
      await old.close();
      await empty.drop();
    }
  });
});
