import { describe, expect, it } from 'vitest';
import { useCli } from './harness.ts';

const { encaisse, file } = useCli();

type Report = {
  runOn: string;
  dryRun: boolean;
  counts: { customers: number; actions: number; messages: number };
  actions: { customer: { code: string }; stepDay: number; channel: string; invoiceCount: number }[];
};

describe('encaisse dunning run', () => {
  it('previews, runs, and runs again for one date sending nothing twice; refuses a bad date', async () => {
    expect(
      (await encaisse('companies', 'create', '--code', 'acme', '--name', 'ACME SAS')).code,
    ).toBe(0);
    const customers = file(
      'customers.csv',
      'code;raison_sociale;email\nC1;Boulangerie Martin SARL;compta@martin.test\n',
    );
    expect((await encaisse('--company', 'acme', 'import', 'customers', customers)).code).toBe(0);
    const invoices = file(
      'invoices.csv',
      [
        'number,customer_code,issue_date,due_date,amount,currency,kind',
        'FA-2026-101,C1,2026-01-30,2026-03-01,1234.56,EUR,invoice',
        'FA-2026-102,C1,2026-01-31,2026-03-01,500.00,EUR,invoice',
      ].join('\n'),
    );
    expect((await encaisse('--company', 'acme', 'import', 'invoices', invoices)).code).toBe(0);

    const preview = await encaisse('dunning', 'run', '--date', '2026-03-06', '--dry-run', '--json');
    expect(preview.code).toBe(0);
    const previewed = JSON.parse(preview.stdout) as Report;
    expect(previewed).toMatchObject({ runOn: '2026-03-06', dryRun: true });
    expect(previewed.actions).toEqual([
      expect.objectContaining({ stepDay: 5, channel: 'email', invoiceCount: 2 }),
    ]);

    const run = await encaisse('--lang', 'fr', 'dunning', 'run', '--date', '06/03/2026');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /C1 Boulangerie Martin SARL\s+J\+5\s+E-mail\s+Confié à l’envoi\s+2\s+1\s734,56\s€/u,
    );
    expect(run.stdout).toContain('Relance du 2026-03-06');

    const again = JSON.parse(
      (await encaisse('dunning', 'run', '--date', '2026-03-06', '--json')).stdout,
    ) as Report;
    expect(again.counts.actions).toBe(0);
    const messages = JSON.parse((await encaisse('messages', 'list', '--json')).stdout) as {
      items: unknown[];
    };
    expect(messages.items).toHaveLength(1);

    const bad = await encaisse('dunning', 'run', '--date', '2026-02-30');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('2026-02-30');
  });
});
