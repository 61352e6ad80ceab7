/**
 * The contract every import kind keeps through `runImporter` (src/imports/importer.ts),
 * proven for the five of them at once: a file refused by its parse writes nothing, a dry
 * run commits nothing, an import commits and records one `import.completed` naming its
 * kind and file, and a role that may not import is refused before the file is read.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../src/app/context.ts';
import type { Deps } from '../../src/app/deps.ts';
import { createBankAccount } from '../../src/bank/service.ts';
import { bankStatementImporter } from '../../src/bank/statement-import.ts';
import type { DbHandle } from '../../src/db/client.ts';
import { CANONICAL_IMPORTERS } from '../../src/imports/canonical/canonical-imports.ts';
import { fecImporter } from '../../src/imports/fec/fec-import.ts';
import {
  runImporter,
  type BaseImportReport,
  type ImportInput,
  type Importer,
  type Refusal,
} from '../../src/imports/importer.ts';
import type { Issue } from '../../src/shared/errors.ts';
import { camtStatement0302 } from '../bank-files.ts';
import { openTestRuntime } from '../db.ts';
import { makeCompany, makeCustomer } from '../factories.ts';
import { fec, JANUARY } from '../fixtures/fec-books.ts';

let handle: DbHandle;
let deps: Deps;

beforeAll(async () => {
  ({ handle, deps } = await openTestRuntime());
});
afterAll(async () => {
  await handle.close();
});

const IBAN = 'FR7630006000011234567890189';
const bytesOf = (text: string) => new TextEncoder().encode(text);

/** One import kind under test: a file it reads without issue, and what that file needs. */
type KindCase = {
  kind: string;
  /** Readies the company for `good` (the customers its invoices name, its bank account). */
  prepare: (ctx: Ctx) => Promise<unknown>;
  good: Uint8Array;
  run: (
    ctx: Ctx,
    file: { bytes: Uint8Array; fileName: string; dryRun: boolean },
  ) => Promise<BaseImportReport>;
};

/** A case of `importer`, given as the generic driver runs every kind. */
function kindCase<
  Input extends ImportInput,
  Parsed,
  Result extends { errors: readonly Issue[] },
  Report extends BaseImportReport,
  Refused extends Refusal,
>(
  importer: Importer<Input, Parsed, Result, Report, Refused>,
  inputOf: (file: { bytes: Uint8Array; fileName: string; dryRun: boolean }) => Input,
  good: string | Uint8Array,
  prepare: (ctx: Ctx) => Promise<unknown> = async () => undefined,
): KindCase {
  return {
    kind: importer.kind,
    prepare,
    good: typeof good === 'string' ? bytesOf(good) : good,
    run: (ctx, file) => runImporter(deps, ctx, importer, inputOf(file)),
  };
}

const withC001 = (ctx: Ctx) => makeCustomer(deps, ctx, { code: 'C001', legalName: 'Dupont SA' });

const CASES: KindCase[] = [
  kindCase(
    CANONICAL_IMPORTERS.customers,
    (file) => ({ ...file, kind: 'customers' as const, partial: false }),
    'code,name\nC001,Dupont SA\n',
  ),
  kindCase(
    CANONICAL_IMPORTERS.invoices,
    (file) => ({ ...file, kind: 'invoices' as const, partial: false }),
    'number,customer_code,issue_date,due_date,amount,currency,kind\nF-1,C001,2026-03-01,2026-03-31,120.00,EUR,invoice\n',
    withC001,
  ),
  kindCase(
    CANONICAL_IMPORTERS.payments,
    (file) => ({ ...file, kind: 'payments' as const, partial: false }),
    'reference,customer_code,date,amount,currency,invoice_number\nP-1,C001,2026-03-02,120.00,EUR,\n',
    withC001,
  ),
  kindCase(fecImporter, (file) => ({ ...file, partial: false }), fec(JANUARY)),
  kindCase(
    bankStatementImporter,
    (file) => ({ ...file, addAccount: false }),
    camtStatement0302(IBAN),
    (ctx) => createBankAccount(deps, ctx, { iban: IBAN, name: 'Compte courant', currency: 'EUR' }),
  ),
];

/** The tables an import may write, each company's rows counted. */
const WRITTEN_TABLES = [
  'customer',
  'invoice',
  'payment',
  'allocation',
  'bank_account',
  'bank_statement',
  'bank_line',
  'bank_line_match',
  'event',
];

async function storedOf(ctx: Ctx): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of WRITTEN_TABLES) {
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM ${sql.table(table)} WHERE company_id = ${ctx.companyId}`.execute(
      handle.db,
    );
    counts[table] = rows[0]?.n ?? 0;
  }
  return counts;
}

async function importEvents(ctx: Ctx) {
  const { rows } = await sql<{ data: Record<string, unknown> }>`
    SELECT data FROM event
    WHERE company_id = ${ctx.companyId} AND action = 'import.completed'`.execute(handle.db);
  return rows.map((row) => row.data);
}

async function preparedCompany(kind: KindCase): Promise<Ctx> {
  const { ctx } = await makeCompany(deps);
  await kind.prepare(ctx);
  return ctx;
}

describe.each(CASES)('the $kind import, through runImporter', (kind) => {
  const NOT_A_FILE: Record<string, Uint8Array> = {
    'an empty file': new Uint8Array(),
    'a file of another kind': bytesOf('%PDF-1.7\n1 0 obj << /Type /Catalog >>\nendobj\n'),
  };

  it.each(Object.entries(NOT_A_FILE))(
    'refuses %s whole, with issues, and writes nothing',
    async (_, bytes) => {
      const ctx = await preparedCompany(kind);
      const before = await storedOf(ctx);

      const report = await kind.run(ctx, { bytes, fileName: 'upload.bin', dryRun: false });

      expect(report).toMatchObject({ file: 'upload.bin', dryRun: false, committed: false });
      expect(report.errors.length).toBeGreaterThan(0);
      expect(await storedOf(ctx)).toEqual(before);
    },
  );

  it('commits nothing on a dry run, and says what an import would do', async () => {
    const ctx = await preparedCompany(kind);
    const before = await storedOf(ctx);

    const report = await kind.run(ctx, { bytes: kind.good, fileName: 'good', dryRun: true });

    expect(report).toMatchObject({ dryRun: true, committed: false, errors: [] });
    expect(await storedOf(ctx)).toEqual(before);
  });

  it('commits an import, recorded once as import.completed with its kind and file', async () => {
    const ctx = await preparedCompany(kind);
    const before = await storedOf(ctx);

    const report = await kind.run(ctx, { bytes: kind.good, fileName: 'good', dryRun: false });

    expect(report).toMatchObject({ dryRun: false, committed: true, errors: [] });
    expect(await storedOf(ctx)).not.toEqual(before);
    expect(await importEvents(ctx)).toEqual([
      expect.objectContaining({ kind: kind.kind, file: 'good' }),
    ]);
  });

  it('refuses a role that may not import, before reading the file', async () => {
    const ctx = await preparedCompany(kind);
    const before = await storedOf(ctx);

    const run = kind.run(
      { ...ctx, role: 'collector' },
      { bytes: kind.good, fileName: 'good', dryRun: false },
    );

    await expect(run).rejects.toMatchObject({ code: 'forbidden' });
    expect(await storedOf(ctx)).toEqual(before);
  });
});
