import { describe, expect, it } from 'vitest';
import { camtFile } from '../../bank-files.ts';
import { useCli } from './harness.ts';

const { encaisse, file } = useCli();

const IBAN = 'FR7630006000011234567890189';

describe('encaisse match, and the matching of import bank', () => {
  it('applies what a statement pays on import, queues the rest, and matches it once its invoice arrives', async () => {
    expect((await encaisse('companies', 'create', '--code', 'acme', '--name', 'ACME')).code).toBe(
      0,
    );
    const customers = file('clients.csv', 'code;raison_sociale\nC1;Boulangerie Martin SARL\n');
    expect((await encaisse('import', 'customers', customers)).code).toBe(0);
    const invoices = file(
      'factures.csv',
      'numero;client;date_facture;date_echeance;montant;devise\nFA-2026-0101;C1;05/01/2026;04/02/2026;1200,00;EUR\n',
    );
    expect((await encaisse('import', 'invoices', invoices)).code).toBe(0);
    expect((await encaisse('bank-accounts', 'add', '--iban', IBAN, '--name', 'BNP')).code).toBe(0);

    const statement = file(
      'releve.xml',
      camtFile({
        iban: IBAN,
        id: 'S1',
        openingDate: '2026-03-01',
        openingCents: 0,
        closingDate: '2026-03-02',
        movements: [
          {
            date: '2026-03-02',
            amountCents: 120_000,
            text: 'FACTURE FA-2026-0101',
            reference: 'R1',
          },
          {
            date: '2026-03-02',
            amountCents: 45_000,
            text: 'FACTURE FA-2026-0102',
            reference: 'R2',
          },
          { date: '2026-03-02', amountCents: -4_590, text: 'Frais', reference: 'R3' },
        ],
      }),
    );
    const imported = await encaisse('import', 'bank', statement);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain(
      'Matching: 3 read, 1 applied automatically, 1 to match by hand, 1 set aside (money out, reversals); payer found 50%, fully allocated 50% (threshold 90)',
    );

    const again = await encaisse('match', '--json');
    expect(JSON.parse(again.stdout)).toMatchObject({ lines: 1, applied: 0, queued: 1 });

    const more = file(
      'factures-2.csv',
      'numero;client;date_facture;date_echeance;montant;devise\nFA-2026-0102;C1;12/01/2026;11/02/2026;450,00;EUR\n',
    );
    expect((await encaisse('import', 'invoices', more)).code).toBe(0);
    const run = await encaisse('match', '--lang', 'fr');
    expect(run.code).toBe(0);
    // Intl spaces the percent sign as French typography does, with a no-break space.
    expect(run.stdout).toMatch(
      /^Rapprochement : lignes lues 1, rapprochées automatiquement 1, à rapprocher à la main 0, écartées 0 \(sorties, rejets\) ; payeur trouvé 100\s%, entièrement lettrées 100\s% \(seuil 90\)$/mu,
    );

    const set = await encaisse('match', '--set-threshold', '95');
    expect(set.stdout).toContain('at or above a confidence of 95');
    const refused = await encaisse('match', '--threshold', '101');
    expect(refused.code).toBe(2);
  });
});
