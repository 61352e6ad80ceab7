import { describe, expect, inject, it } from 'vitest';
import { useCli } from './harness.ts';

const { encaisse, encaisseWithEnv, file, pathOf } = useCli();

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
    // What a run that saves nothing prints is what it would have done, not what it did.
    const said = await encaisse('--company', 'acme', 'import', 'invoices', invoices, '--dry-run');
    expect(said.stdout).toContain(
      'rows — would be 0 created, 0 updated, 2 unchanged, 3 rejected (dry run: nothing saved)',
    );
  });

  it('refuses a file in the wrong encoding and accepts it when told', async () => {
    const latin1 = file(
      'latin1.csv',
      Buffer.from('code,name,city\nC9,Société Générale Fictive,Orléans\n', 'latin1'),
    );
    const refused = await encaisse('--company', 'acme', 'import', 'customers', latin1);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('windows-1252');
    // --partial cannot save any line of a file it cannot read: it is not suggested.
    expect(refused.stderr).not.toContain('--partial');
    expect(refused.stdout).toBe('latin1.csv: the file is refused (refused: nothing saved)\n');
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

  it('prints its version', async () => {
    const version = await encaisse('--version');
    expect(version).toEqual({ code: 0, stdout: '0.1.0\n', stderr: '' });
  });

  it('reads date filters in the forms the imports read', async () => {
    const dueFrom = async (date: string) => {
      const listed = await encaisse(
        '--company',
        'acme',
        'invoices',
        'list',
        '--due-from',
        date,
        '--json',
      );
      expect(listed.code).toBe(0);
      return (JSON.parse(listed.stdout) as { items: { number: string }[] }).items.map(
        (invoice) => invoice.number,
      );
    };
    const iso = await dueFrom('2026-03-01');
    expect(iso.length).toBeGreaterThan(0);
    expect(await dueFrom('01/03/2026')).toEqual(iso);
    expect(await dueFrom('20260301')).toEqual(iso);
    expect(await dueFrom('2026-03-03')).not.toEqual(iso);
  });

  it('prints errors on stderr with a non-zero exit for bad options and missing files', async () => {
    const missing = await encaisse('--company', 'acme', 'import', 'customers', pathOf('nope.csv'));
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
    // Commander's refusal, in the catalogue's words, then the help of the command.
    expect(badDate.stderr).toMatch(
      /^error: Invalid option --due-from: "2025-02-31" is not a date: write 31\/12\/2025, 2025-12-31 or 20251231\n\nUsage: encaisse invoices list \[options\]\n/,
    );
    // A refused option is said once: a headline naming it, then why.
    const badLimit = await encaisse('--company', 'acme', 'invoices', 'list', '--limit', 'abc');
    expect(badLimit.code).toBe(2);
    expect(badLimit.stderr).toBe(
      'error: Invalid option --limit\n  - --limit: expected a whole number of rows, 1 or more\n',
    );
    const unknownCompany = await encaisse('--company', 'ghost', 'customers', 'list');
    expect(unknownCompany.code).toBe(4);
  });

  // Two processes on one database: a PostgreSQL server (an embedded database has one owner at a time).
  it.skipIf(inject('dbTemplate').kind === 'pglite')(
    'two processes importing at once: overlapping customers and payments in opposite orders all succeed',
    async () => {
      expect(
        (await encaisse('companies', 'create', '--code', 'race', '--name', 'Race SA')).code,
      ).toBe(0);
      const codes = Array.from({ length: 1_000 }, (_, i) => `R${i}`);
      const customers = file(
        'race-customers.csv',
        `code,name\n${codes.map((c) => `${c},Client ${c}`).join('\n')}\n`,
      );
      const twoImports = await Promise.all([
        encaisse('--company', 'race', 'import', 'customers', customers, '--json'),
        encaisse('--company', 'race', 'import', 'customers', customers, '--json'),
      ]);
      expect(twoImports.map((result) => [result.code, result.stderr])).toEqual([
        [0, ''],
        [0, ''],
      ]);
      expect(
        twoImports
          .map((result) => JSON.parse(result.stdout) as { created: number; unchanged: number })
          .map((report) => [report.created, report.unchanged])
          .sort((a, b) => (b[0] ?? 0) - (a[0] ?? 0)),
      ).toEqual([
        [1_000, 0],
        [0, 1_000],
      ]);

      const invoices = file(
        'race-invoices.csv',
        `number,customer_code,issue_date,amount\n${codes.map((c) => `F-${c},${c},2026-01-05,100.00`).join('\n')}\n`,
      );
      expect((await encaisse('--company', 'race', 'import', 'invoices', invoices)).code).toBe(0);
      const payments = (prefix: string, order: readonly string[]) =>
        file(
          `race-${prefix}.csv`,
          `reference,customer_code,date,amount,invoice_number\n${order.map((c) => `${prefix}-${c},${c},2026-02-01,30.00,F-${c}`).join('\n')}\n`,
        );
      const opposite = await Promise.all([
        encaisse('--company', 'race', 'import', 'payments', payments('A', codes), '--json'),
        encaisse(
          '--company',
          'race',
          'import',
          'payments',
          payments('B', codes.toReversed()),
          '--json',
        ),
      ]);
      expect(opposite.map((result) => [result.code, result.stderr])).toEqual([
        [0, ''],
        [0, ''],
      ]);
      const open = JSON.parse(
        (await encaisse('--company', 'race', 'invoices', 'list', '--json')).stdout,
      ) as { items: { openAmount: number }[] };
      expect(open.items).toHaveLength(1_000);
      expect(new Set(open.items.map((invoice) => invoice.openAmount))).toEqual(new Set([4_000]));
    },
  );

  it('adds the demo company beside the others, prints how to sign in once, and refuses a second one', async () => {
    const skipped = await encaisse('demo', '--if-empty');
    expect(skipped.code).toBe(0);
    expect(skipped.stdout).toContain('already holds a company');
    expect(skipped.stdout).toContain('encaisse --company CODE users set-password EMAIL');

    const demo = await encaisse('demo');
    expect(demo.code).toBe(0);
    expect(demo.stdout).toMatch(/Demo company ".+" \(code demo\) created/);
    const password = /password: (\S+)/.exec(demo.stdout)?.[1] ?? '';
    expect(password.length).toBeGreaterThanOrEqual(16);
    expect(demo.stdout).toContain('admin@demo.encaisse.test');
    // The team's roles in words, as `users list` and the web say them.
    expect(demo.stdout).toMatch(/admin@demo\.encaisse\.test +Administrator\n/);
    expect(demo.stdout).toContain(' Credit manager\n');
    expect(demo.stdout).not.toContain('credit_manager');
    expect(demo.stderr).toContain('300/300 customers');

    const customers = await encaisse('--company', 'demo', 'customers', 'list', '--json');
    expect((JSON.parse(customers.stdout) as { items: unknown[] }).items.length).toBeGreaterThan(
      250,
    );

    const again = await encaisse('demo', '--json');
    expect(again.code).toBe(5);
    expect(again.stderr).toContain('already exists');

    // `npm start` a second time: the password is not printed again, but how to set one is.
    const restarted = await encaisse('demo', '--if-empty');
    expect(restarted.code).toBe(0);
    expect(restarted.stdout).toContain(
      'Sign in as admin@demo.encaisse.test with the password printed then; to set a new one: encaisse --company demo users set-password admin@demo.encaisse.test',
    );
  });

  const json = async (...args: string[]) => {
    const result = await encaisse('--company', 'acme', ...args, '--json');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    return JSON.parse(result.stdout) as Record<string, unknown>;
  };

  it('lists users, changes roles, deactivates, never leaving the company without an admin', async () => {
    await json('users', 'create', '--email', 'Anne@Acme.test', '--name', 'Anne', '--role', 'admin');
    await json(
      'users',
      'create',
      '--email',
      'bob@acme.test',
      '--name',
      'Bob',
      '--role',
      'collector',
    );
    expect(await json('users', 'set-role', 'BOB@acme.test', 'credit_manager')).toMatchObject({
      email: 'bob@acme.test',
      role: 'credit_manager',
      isActive: true,
    });
    expect(await json('users', 'deactivate', 'bob@acme.test')).toMatchObject({ isActive: false });
    expect((await json('users', 'list')).items).toEqual([
      expect.objectContaining({ email: 'anne@acme.test', role: 'admin', isActive: true }),
      expect.objectContaining({ email: 'bob@acme.test', role: 'credit_manager', isActive: false }),
    ]);
    const lastAdmin = await encaisse('--company', 'acme', 'users', 'deactivate', 'anne@acme.test');
    expect(lastAdmin.code).toBe(5);
    expect(lastAdmin.stderr).toContain('at least one active admin');
    expect(await json('users', 'reactivate', 'bob@acme.test')).toMatchObject({ isActive: true });
    expect(
      (await encaisse('--company', 'acme', 'users', 'set-role', 'bob@acme.test', 'boss')).code,
    ).toBe(2);
    expect(
      (await encaisse('--company', 'acme', 'users', 'deactivate', 'nobody@acme.test')).code,
    ).toBe(4);
  });

  it('creates tokens that expire, lists them without their secret and revokes them', async () => {
    const created = (await json(
      'tokens',
      'create',
      '--name',
      'ERP',
      '--expires-in-days',
      '30',
    )) as {
      token: string;
      apiToken: { id: string; expiresAt: string; createdBy: unknown };
    };
    expect(created.apiToken).toMatchObject({
      expiresAt: '2026-04-14T11:00:00.000Z',
      createdBy: null,
    });
    const listed = await encaisse('--company', 'acme', 'tokens', 'list', '--json');
    expect(listed.stdout).not.toContain(created.token);
    expect(JSON.parse(listed.stdout)).toMatchObject({
      items: [{ id: created.apiToken.id, name: 'ERP', role: 'credit_manager', status: 'active' }],
    });
    // Another company's token is not found from here.
    expect(
      (await encaisse('--company', 'other', 'tokens', 'revoke', created.apiToken.id)).code,
    ).toBe(4);
    expect(await json('tokens', 'revoke', created.apiToken.id)).toMatchObject({
      status: 'revoked',
      revokedAt: '2026-03-15T11:00:00.000Z',
    });
    expect(
      (await encaisse('--company', 'acme', 'tokens', 'revoke', created.apiToken.id)).code,
    ).toBe(5);
    expect((await encaisse('--company', 'acme', 'tokens', 'revoke', 'not-an-id')).code).toBe(2);
    const tooLong = await encaisse(
      '--company',
      'acme',
      'tokens',
      'create',
      '--name',
      'X',
      '--expires-in-days',
      '731',
    );
    expect(tooLong.code).toBe(2);
    expect(tooLong.stderr).toContain('--expires-in-days');
  });

  it('refuses a trusted-proxy list it cannot read before serving anything', async () => {
    const refused = await encaisse(
      'serve',
      '--port',
      '0',
      '--trusted-proxies',
      '10.0.0.1, proxy.local',
    );
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--trusted-proxies');
    const badEnv = await encaisseWithEnv({ SECURE_COOKIES: 'yes' }, 'serve', '--port', '0');
    expect(badEnv).toMatchObject({ code: 2, stderr: expect.stringContaining('--secure-cookies') });
  });
});
