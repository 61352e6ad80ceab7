import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyDatabase } from '../../empty-database.ts';
import { runCli } from './run-cli.ts';

let db: string;
let cleanup: () => Promise<void>;
let workDir: string;

function encaisse(...args: string[]) {
  return runCli(db, ...args);
}

function file(name: string, content: string | Buffer): string {
  const path = join(workDir, name);
  writeFileSync(path, content);
  return path;
}

beforeAll(async () => {
  const database = await emptyDatabase();
  db = database.location;
  cleanup = database.drop;
  workDir = mkdtempSync(join(tmpdir(), 'encaisse-files-'));
});
afterAll(async () => {
  await cleanup();
  rmSync(workDir, { recursive: true, force: true });
});

describe('encaisse CLI', () => {
  it('migrates, creates companies and keeps them apart with --company', async () => {
    const migrated = await encaisse('db', 'migrate', '--json');
    expect(migrated.code).toBe(0);
    expect(JSON.parse(migrated.stdout)).toMatchObject({
      alreadyApplied: 0,
      applied: expect.arrayContaining(['202611230900_core_ledger']),
    });
    expect(JSON.parse((await encaisse('db', 'migrate', '--json')).stdout)).toMatchObject({
      applied: [],
    });
    expect(
      (await encaisse('companies', 'create', '--code', 'acme', '--name', 'ACME SAS')).code,
    ).toBe(0);
    expect(
      (await encaisse('companies', 'create', '--code', 'other', '--name', 'Other SARL')).code,
    ).toBe(0);

    const ambiguous = await encaisse('customers', 'list', '--json');
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toContain('choose one with --company');

    const customers = file(
      'customers.csv',
      'code;raison_sociale;siren;ville;conditions_paiement;email\nC1;Boulangerie Martin SARL;732829320;Lyon;45 jours fin de mois;compta@martin.fr\nC2;Garage Dupuis;;Paris;30 jours;\n',
    );
    const imported = await encaisse(
      '--company',
      'acme',
      'import',
      'customers',
      customers,
      '--json',
    );
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({
      created: 2,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      committed: true,
    });

    const other = JSON.parse(
      (await encaisse('--company', 'other', 'customers', 'list', '--json')).stdout,
    ) as { total: number };
    expect(other.total).toBe(0);
    const acmeInvoices = await encaisse(
      '--company',
      'other',
      'invoices',
      'list',
      '--customer',
      'C1',
    );
    expect(acmeInvoices.code).toBe(4);
    expect(acmeInvoices.stderr).toContain('Customer C1 not found');
  });

  it('imports invoices and payments atomically, reports each bad line, and re-imports as a no-op', async () => {
    const invoices = file(
      'invoices.csv',
      [
        'number,customer_code,issue_date,due_date,amount,currency,kind',
        'FA-1,C1,2026-01-10,,"1 234,56",EUR,invoice',
        'FA-2,C1,31/01/2026,2026-03-02,500.00,EUR,invoice',
        'FA-3,NOPE,2026-01-10,,10,EUR,invoice',
        'FA-4,C1,31/02/2026,,-5,EUR,invoice',
        'FA-5,C1,2026-01-10,,10,XYZ,invoice',
      ].join('\n'),
    );
    const refused = await encaisse('--company', 'acme', 'import', 'invoices', invoices, '--json');
    expect(refused.code).toBe(2);
    const report = JSON.parse(refused.stdout) as {
      committed: boolean;
      rejected: number;
      errors: { line: number; field: string; code: string }[];
    };
    expect(report.committed).toBe(false);
    expect(report.rejected).toBe(3);
    expect(report.errors.map((e) => [e.line, e.field])).toEqual(
      expect.arrayContaining([
        [4, 'customer_code'],
        [5, 'issue_date'],
        [5, 'amount'],
        [6, 'currency'],
      ]),
    );
    const none = JSON.parse(
      (await encaisse('--company', 'acme', 'invoices', 'list', '--json')).stdout,
    ) as { total: number };
    expect(none.total).toBe(0);

    const partial = await encaisse(
      '--company',
      'acme',
      'import',
      'invoices',
      invoices,
      '--partial',
      '--json',
    );
    expect(partial.code).toBe(3);
    expect(JSON.parse(partial.stdout)).toMatchObject({ created: 2, rejected: 3, committed: true });

    const list = JSON.parse(
      (await encaisse('--company', 'acme', 'invoices', 'list', '--json')).stdout,
    ) as {
      items: { number: string; dueDate: string; amount: number; daysLate: number }[];
    };
    // C1 pays "45 jours fin de mois": 2026-01-10 + 45 days = 2026-02-24, end of month 2026-02-28.
    expect(list.items.map((i) => [i.number, i.dueDate, i.amount, i.daysLate])).toEqual([
      ['FA-1', '2026-02-28', 123_456, 15],
      ['FA-2', '2026-03-02', 50_000, 13],
    ]);

    const payments = file(
      'payments.csv',
      'reference,customer_code,date,amount,currency,invoice_number\nVIR-1,C1,2026-03-10,1500.00,EUR,FA-1\n',
    );
    expect(
      JSON.parse(
        (await encaisse('--company', 'acme', 'import', 'payments', payments, '--json')).stdout,
      ),
    ).toMatchObject({ created: 1 });
    const again = await encaisse('--company', 'acme', 'import', 'payments', payments, '--json');
    expect(JSON.parse(again.stdout)).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    const unpaid = JSON.parse(
      (await encaisse('--company', 'acme', 'invoices', 'list', '--status', 'unpaid', '--json'))
        .stdout,
    ) as {
      items: { number: string; openAmount: number }[];
    };
    expect(unpaid.items).toEqual([expect.objectContaining({ number: 'FA-2', openAmount: 50_000 })]);

    const dryRun = await encaisse(
      '--company',
      'acme',
      'import',
      'invoices',
      invoices,
      '--dry-run',
      '--partial',
      '--json',
    );
    expect(JSON.parse(dryRun.stdout)).toMatchObject({ created: 0, unchanged: 2, committed: false });
  });

  it('refuses a file in the wrong encoding and accepts it when told', async () => {
    const latin1 = file(
      'latin1.csv',
      Buffer.from('code,name,city\nC9,Société Générale Fictive,Orléans\n', 'latin1'),
    );
    const refused = await encaisse('--company', 'acme', 'import', 'customers', latin1);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('windows-1252');
    const accepted = await encaisse(
      '--company',
      'acme',
      'import',
      'customers',
      latin1,
      '--encoding',
      'windows-1252',
      '--json',
    );
    expect(accepted.code).toBe(0);
    const list = JSON.parse(
      (await encaisse('--company', 'acme', 'customers', 'list', '--search', 'Société', '--json'))
        .stdout,
    ) as {
      items: { legalName: string }[];
    };
    expect(list.items.map((c) => c.legalName)).toEqual(['Société Générale Fictive']);
  });

  it('prints errors on stderr with a non-zero exit for bad options and missing files', async () => {
    const missing = await encaisse(
      '--company',
      'acme',
      'import',
      'customers',
      join(workDir, 'nope.csv'),
    );
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Cannot read');
    const badDate = await encaisse(
      '--company',
      'acme',
      'invoices',
      'list',
      '--due-from',
      '2025-02-31',
    );
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toContain('--due-from');
    const unknownCompany = await encaisse('--company', 'ghost', 'customers', 'list');
    expect(unknownCompany.code).toBe(4);
  });

  it('adds the demo company beside the others, prints how to sign in once, and refuses a second one', async () => {
    const skipped = await encaisse('demo', '--if-empty');
    expect(skipped.code).toBe(0);
    expect(skipped.stdout).toContain('already holds a company');

    const demo = await encaisse('demo');
    expect(demo.code).toBe(0);
    expect(demo.stdout).toMatch(/Demo company ".+" \(code demo\) created/);
    const password = /password: (\S+)/.exec(demo.stdout)?.[1] ?? '';
    expect(password.length).toBeGreaterThanOrEqual(16);
    expect(demo.stdout).toContain('admin@demo.encaisse.test');
    expect(demo.stderr).toContain('300/300 customers');

    const customers = await encaisse('--company', 'demo', 'customers', 'list', '--json');
    expect((JSON.parse(customers.stdout) as { items: unknown[] }).items.length).toBeGreaterThan(
      250,
    );

    const again = await encaisse('demo', '--json');
    expect(again.code).toBe(5);
    expect(again.stderr).toContain('already exists');
  });
});
