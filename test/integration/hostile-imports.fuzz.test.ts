/**
 * An import is committed whole or changes nothing, and never fails with anything but
 * a DomainError, whatever the file: random lines of good and hostile values, mixed
 * line ends, BOMs and encodings, with and without --partial and --dry-run. Run on the
 * real database, both drivers; fewer runs than the parser's properties, each run is
 * a transaction.
 */
import * as fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../src/app/context.ts';
import type { Deps } from '../../src/app/deps.ts';
import type { DbHandle } from '../../src/db/client.ts';
import { importFile, type ImportReport } from '../../src/imports/service.ts';
import { DomainError } from '../../src/shared/errors.ts';
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

const value = (...values: string[]) => fc.constantFrom(...values);
const code = value('C1', 'C2', 'C3', 'C4', '', 'NUL\u0000X', 'x'.repeat(41));
const amount = value('10,00', '1 234,56', '99999999999.99', '73282932000074', '-5', 'abc', '0');
const date = value('2026-03-01', '15/12/2025', '31/02/2025', '', '2026-13-01');
const text = fc.oneof(
  value('Acme', 'Société Générale', '"quoted, with comma"', 'a\ud800b', ''),
  fc.string({ maxLength: 6 }),
);

const FILES = {
  customers: {
    header: 'code,name,city,credit_limit',
    line: fc.tuple(code, text, text, amount),
  },
  invoices: {
    header: 'number,customer_code,issue_date,due_date,amount,kind',
    line: fc.tuple(
      value('F1', 'F2', 'F3', 'AV1'),
      code,
      date,
      date,
      amount,
      value('', 'avoir', 'x'),
    ),
  },
  payments: {
    header: 'reference,customer_code,date,amount,invoice_number',
    line: fc.tuple(value('VIR-1', 'VIR-2', 'CHQ-1'), code, date, amount, value('', 'F1', 'F9')),
  },
} as const;

const importCase = fc
  .constantFrom('customers' as const, 'invoices' as const, 'payments' as const)
  .chain((kind) =>
    fc.record({
      kind: fc.constant(kind),
      lines: fc.array(FILES[kind].line as fc.Arbitrary<readonly string[]>, { maxLength: 6 }),
      lineEnd: value('\n', '\r\n', '\r'),
      headerEnd: value('\n', '\r\n', '\r'),
      bom: fc.boolean(),
      partial: fc.boolean(),
      dryRun: fc.boolean(),
      encoding: fc.constantFrom(undefined, 'latin1' as const, 'utf-16le' as const),
    }),
  );

/** What the company holds: row counts and amount sums of every table an import writes. */
async function fingerprint(ctx: Ctx): Promise<Record<string, string>> {
  const result = await sql<Record<string, string>>`
    SELECT
      (SELECT count(*) FROM customer WHERE company_id = ${ctx.companyId})::text AS customers,
      (SELECT count(*) FROM customer_contact WHERE company_id = ${ctx.companyId})::text AS contacts,
      (SELECT count(*) || ':' || coalesce(sum(amount_cents), 0) || ':' || coalesce(sum(open_cents), 0)
         FROM invoice WHERE company_id = ${ctx.companyId}) AS invoices,
      (SELECT count(*) || ':' || coalesce(sum(unapplied_cents), 0)
         FROM payment WHERE company_id = ${ctx.companyId}) AS payments,
      (SELECT count(*) FROM allocation WHERE company_id = ${ctx.companyId})::text AS allocations,
      (SELECT coalesce(sum(open_cents), 0) FROM customer_open_balance WHERE company_id = ${ctx.companyId})::text AS balances,
      (SELECT count(*) FROM event WHERE company_id = ${ctx.companyId})::text AS events`.execute(
    deps.db,
  );
  return result.rows[0] ?? {};
}

describe('importFile on random files', () => {
  it('commits the whole report or changes nothing, and throws only DomainErrors', async () => {
    const { ctx } = await makeCompany(deps);
    // Two customers exist, so invoice and payment lines can land.
    await importFile(deps, ctx, {
      kind: 'customers',
      bytes: new TextEncoder().encode('code,name\nC1,Alpha\nC2,Beta\n'),
      fileName: 'seed.csv',
      dryRun: false,
      partial: false,
    });

    await expect(
      fc.assert(
        fc.asyncProperty(importCase, async (file) => {
          const body = [
            FILES[file.kind].header + file.headerEnd,
            ...file.lines.map((line) => line.join(',') + file.lineEnd),
          ].join('');
          const bytes = new TextEncoder().encode(body);
          const before = await fingerprint(ctx);

          let report: ImportReport | undefined;
          const thrown = await importFile(deps, ctx, {
            kind: file.kind,
            bytes: file.bom ? new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]) : bytes,
            fileName: `${file.kind}.csv`,
            dryRun: file.dryRun,
            partial: file.partial,
            encoding: file.encoding,
          }).then(
            (answer) => {
              report = answer;
              return undefined;
            },
            (error: unknown) => error,
          );
          expect(thrown === undefined || thrown instanceof DomainError).toBe(true);

          const after = await fingerprint(ctx);
          const isCommitted = report?.committed ?? false;
          // Nothing saved: nothing changed. Saved: the import's event at least was written.
          expect(isCommitted ? after['events'] !== before['events'] : after).toEqual(
            isCommitted ? true : before,
          );
          expect(isCommitted && file.dryRun).toBe(false);
          expect(
            isCommitted && file.kind === 'customers'
              ? Number(after['customers']) - Number(before['customers'])
              : 0,
          ).toBe(isCommitted && file.kind === 'customers' ? (report?.created ?? 0) : 0);
        }),
        { numRuns: 40 },
      ),
    ).resolves.toBeUndefined();
  });
});
