/**
 * A year of a mid-size company's bank account in one file: 200,000 movements in CFONB 120,
 * a statement per day, imported and matched at once on both databases, in a number of SQL
 * statements that grows with the batches of the file, never with its lines; then the same
 * file again, which adds and changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../src/app/context.ts';
import type { Deps } from '../../src/app/deps.ts';
import {
  createBankAccount,
  importBankFile,
  type BankImportReport,
} from '../../src/bank/service.ts';
import type { DbHandle } from '../../src/db/client.ts';
import { importFile } from '../../src/imports/service.ts';
import { ibanFromRib } from '../../src/shared/identifiers.ts';
import { cfonbFile, cfonbStatement, type Rib, type TestMovement } from '../bank-files.ts';
import { openTestRuntime } from '../db.ts';
import { makeCompany } from '../factories.ts';
import { findLedgerInconsistencies } from '../ledger-invariants.ts';
import { countStatements } from '../statement-counter.ts';

let handle: DbHandle;
let deps: Deps;

beforeAll(async () => {
  ({ handle, deps } = await openTestRuntime());
});
afterAll(async () => {
  await handle.close();
});

const DAYS = 200;
const PER_DAY = 1_000;
const LINES = DAYS * PER_DAY;
/** One movement in twenty pays an invoice, naming its number with its exact amount. */
const PAYING_EVERY = 20;
const INVOICES = LINES / PAYING_EVERY;
const CUSTOMERS = 1_000;
const RIB: Rib = { bank: '30004', branch: '00100', account: '00012345678' };

const csv = (lines: readonly string[]) => new TextEncoder().encode(`${lines.join('\n')}\n`);
const customerCode = (i: number) => `C${String(i % CUSTOMERS).padStart(4, '0')}`;
const invoiceNumber = (i: number) => `FA-2025-${String(i).padStart(6, '0')}`;
const invoiceCents = (i: number) => 10_000 + (i % 997) * 100 + 17;

/** 2026-01-01 plus `days`, as `YYYY-MM-DD`. */
function dayOf(days: number): string {
  return new Date(Date.UTC(2026, 0, 1 + days)).toISOString().slice(0, 10);
}

/**
 * The year's file: each day, the invoices it pays (by number), then money going out and
 * deposits nobody can tell apart, each movement numbered by the bank within its day.
 */
function yearOfStatements(): Uint8Array {
  let balance = 0;
  const days = Array.from({ length: DAYS }, (_, day) => {
    const date = dayOf(day + 1);
    const movements = Array.from({ length: PER_DAY }, (_, n): TestMovement => {
      const line = day * PER_DAY + n;
      const reference = String(n + 1).padStart(7, '0');
      if (line % PAYING_EVERY === 0) {
        const invoice = line / PAYING_EVERY;
        return {
          date,
          amountCents: invoiceCents(invoice),
          text: `VIR ${invoiceNumber(invoice)}`,
          reference,
        };
      }
      return line % 2 === 0
        ? { date, amountCents: -(1_000 + (line % 5_000)), text: 'PRLV FOURNISSEUR', reference }
        : { date, amountCents: 500 + (line % 3_000), text: 'REMISE ESPECES', reference };
    });
    const statement = cfonbStatement(RIB, {
      openingDate: dayOf(day),
      openingCents: balance,
      closingDate: date,
      movements,
    });
    balance += movements.reduce((sum, movement) => sum + movement.amountCents, 0);
    return statement;
  });
  return new TextEncoder().encode(cfonbFile(...days));
}

async function companyWithLedger(): Promise<Ctx> {
  const { ctx } = await makeCompany(deps);
  await createBankAccount(deps, ctx, {
    iban: ibanFromRib(RIB.bank, RIB.branch, RIB.account),
    name: 'Compte courant',
    currency: 'EUR',
  });
  const imported = async (kind: 'customers' | 'invoices', lines: readonly string[]) => {
    const report = await importFile(deps, ctx, {
      kind,
      bytes: csv(lines),
      fileName: `${kind}.csv`,
      dryRun: false,
      partial: false,
    });
    expect(report.errors).toEqual([]);
  };
  await imported('customers', [
    'code,name',
    ...Array.from({ length: CUSTOMERS }, (_, i) => `${customerCode(i)},Client ${i}`),
  ]);
  await imported('invoices', [
    'number,customer_code,issue_date,due_date,amount,currency,kind',
    ...Array.from(
      { length: INVOICES },
      (_, i) =>
        `${invoiceNumber(i)},${customerCode(i)},2025-12-01,2025-12-31,${(invoiceCents(i) / 100).toFixed(2)},EUR,invoice`,
    ),
  ]);
  return ctx;
}

/** Imports `bytes` and counts the SQL statements the import (and its matching) sent. */
async function importCounting(
  ctx: Ctx,
  bytes: Uint8Array,
): Promise<{ report: BankImportReport; statements: number }> {
  const counted = countStatements(deps.db);
  const report = await importBankFile({ ...deps, db: counted.db }, ctx, {
    bytes,
    fileName: 'releves-2026.txt',
    addAccount: false,
    dryRun: false,
  });
  expect(report.errors).toEqual([]);
  return { report, statements: counted.sent.length };
}

/**
 * Lines and matches go in statements of 10,000 rows at most (three such writes: the
 * lines, their matches, the payments' allocations and events), and each step of the
 * matcher is a fixed number of statements; 62 were sent on 2026-12-02. A statement per
 * line would send 200,000.
 */
const AT_MOST_STATEMENTS = 20 + 3 * Math.ceil(LINES / 10_000);

describe('bank statements at size', () => {
  it(
    'imports and matches a year of 200,000 movements, then re-imports it as known',
    { timeout: 900_000 },
    async () => {
      const ctx = await companyWithLedger();
      const file = yearOfStatements();

      const first = await importCounting(ctx, file);
      expect(first.report.totals).toEqual({
        statements: DAYS,
        statementsNew: DAYS,
        lines: LINES,
        linesNew: LINES,
        linesKnown: 0,
        unbalanced: 0,
      });
      expect(first.report.matching).toMatchObject({
        lines: LINES,
        incoming: LINES / 2 + INVOICES,
        outgoing: LINES / 2 - INVOICES,
        applied: INVOICES,
      });
      expect(first.statements).toBeLessThanOrEqual(AT_MOST_STATEMENTS);

      const again = await importCounting(ctx, file);
      expect(again.report.totals).toMatchObject({
        statementsNew: 0,
        lines: LINES,
        linesNew: 0,
        linesKnown: LINES,
      });
      expect(again.report.matching).toMatchObject({ lines: 0, applied: 0 });
      expect(await findLedgerInconsistencies(handle.db, ctx.companyId)).toEqual([]);
    },
  );
});
