/**
 * A small ledger as a script loads it (docs/cli.md): the database migrated, company `acme`
 * created, then its customers, invoices and payments imported from the canonical CSV files,
 * each step expected to succeed. The reports' CLI tests each give their own lines.
 */
import { expect } from 'vitest';
import type { useCli } from './harness.ts';

type Cli = Pick<ReturnType<typeof useCli>, 'encaisse' | 'file'>;

export type CliLedger = {
  /** `code;raison_sociale` lines. */
  customers: readonly string[];
  /** `number,customer_code,issue_date,due_date,amount,currency,kind` lines. */
  invoices: readonly string[];
  /** `reference,customer_code,date,amount,currency,invoice_number` lines, if any. */
  payments?: readonly string[];
};

export async function importCliLedger(cli: Cli, ledger: CliLedger): Promise<void> {
  const { encaisse, file } = cli;
  const imported = async (kind: string, name: string, header: string, lines: readonly string[]) =>
    expect(
      (
        await encaisse(
          '--company',
          'acme',
          'import',
          kind,
          file(name, [header, ...lines].join('\n')),
        )
      ).code,
    ).toBe(0);
  expect((await encaisse('db', 'migrate')).code).toBe(0);
  expect((await encaisse('companies', 'create', '--code', 'acme', '--name', 'ACME SAS')).code).toBe(
    0,
  );
  await imported('customers', 'customers.csv', 'code;raison_sociale', ledger.customers);
  await imported(
    'invoices',
    'invoices.csv',
    'number,customer_code,issue_date,due_date,amount,currency,kind',
    ledger.invoices,
  );
  if (ledger.payments !== undefined) {
    await imported(
      'payments',
      'payments.csv',
      'reference,customer_code,date,amount,currency,invoice_number',
      ledger.payments,
    );
  }
}
