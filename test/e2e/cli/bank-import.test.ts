import { describe, expect, it } from 'vitest';
import { ibanFromRib } from '../../../src/shared/identifiers.ts';
import { camtStatement0302, cfonbDay, cfonbFile } from '../../bank-files.ts';
import { useCli } from './harness.ts';

const { encaisse, encaisseWithEnv, file } = useCli();

const IBAN = 'FR7630006000011234567890189';
const UNKNOWN = { bank: '10278', branch: '02204', account: '0004567890K' };
const UNKNOWN_IBAN = ibanFromRib(UNKNOWN.bank, UNKNOWN.branch, UNKNOWN.account);

const STATEMENT = camtStatement0302(IBAN, 1_100_000);

const OTHER_ACCOUNT = cfonbFile(cfonbDay(UNKNOWN, { amountCents: 98_000, text: 'VIR DUPONT' }));

describe('encaisse bank-accounts and import bank', () => {
  it('registers an account, imports a statement flagged as unbalanced, and a second time adds nothing', async () => {
    expect((await encaisse('companies', 'create', '--code', 'acme', '--name', 'ACME')).code).toBe(
      0,
    );

    const added = await encaisse(
      'bank-accounts',
      'add',
      '--iban',
      'fr76 3000 6000 0112 3456 7890 189',
      '--name',
      'Compte courant BNP',
      '--json',
    );

    expect(added.code).toBe(0);
    expect(JSON.parse(added.stdout)).toMatchObject({
      name: 'Compte courant BNP',
      iban: IBAN,
      rib: null,
      currency: 'EUR',
    });
    const listed = await encaisse('bank-accounts', 'list', '--json');
    expect(JSON.parse(listed.stdout)).toMatchObject({ items: [{ iban: IBAN }] });

    const path = file('releve-0302.xml', STATEMENT);
    const imported = await encaisse('import', 'bank', path, '--json');

    expect(imported).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(imported.stdout)).toMatchObject({
      file: 'releve-0302.xml',
      format: 'camt053',
      committed: true,
      totals: { statements: 1, lines: 2, linesNew: 2, linesKnown: 0, unbalanced: 1 },
      statements: [
        {
          account: IBAN,
          balanced: false,
          opening: { date: '2026-03-01', amountCents: 1_000_000 },
          closing: { date: '2026-03-02', amountCents: 1_100_000 },
          movementsCents: 115_410,
          differenceCents: -15_410,
        },
      ],
    });

    const again = await encaisseWithEnv({ ENCAISSE_LANG: '' }, 'import', 'bank', path);

    expect(again).toEqual({
      code: 0,
      stdout: [
        'releve-0302.xml (camt.053) : 1 relevé, 2 lignes — 0 nouvelle, 2 déjà connues (enregistré)',
        "  le relevé STMT-0302 du compte FR7630006000011234567890189 ne s'équilibre pas : solde d'ouverture 10\u00a0000,00\u00a0€ au 01/03/2026, mouvements 1\u00a0154,10\u00a0€, solde de clôture 11\u00a0000,00\u00a0€ au 02/03/2026, soit un écart de -154,10\u00a0€ ; il est gardé, signalé comme déséquilibré",
        '',
      ].join('\n'),
      stderr: '',
    });
  });

  it('refuses a statement of an account the company does not have, saying how to add it', async () => {
    const path = file('autre-compte.txt', OTHER_ACCOUNT);

    const refused = await encaisse('import', 'bank', path);

    expect(refused).toEqual({
      code: 2,
      stdout: 'autre-compte.txt: the file is refused (refused: nothing saved)\n',
      stderr: `  line 1, This statement is for account 10278 02204 0004567890K, which the company does not have. Add it with: encaisse bank-accounts add --iban ${UNKNOWN_IBAN} --name NAME, or import the file again with --add-account.\n`,
    });
    const listed = await encaisse('bank-accounts', 'list', '--json');
    expect(JSON.parse(listed.stdout).items).toHaveLength(1);
  });

  it('registers the account on the way with --add-account', async () => {
    const path = file('autre-compte-2.txt', OTHER_ACCOUNT);

    const imported = await encaisse('import', 'bank', path, '--add-account');

    expect(imported).toEqual({
      code: 0,
      stdout: [
        'autre-compte-2.txt (CFONB 120): 1 statement, 1 line — 1 new, 0 already known (saved)',
        `  bank account ${UNKNOWN_IBAN} registered, in EUR`,
        // The matcher read the new line and found nobody it pays: it waits in the queue.
        'Matching: 1 read, 0 applied automatically, 1 to match by hand, 0 set aside (money out, reversals); payer found 0%, fully allocated 0% (threshold 90)',
        '',
      ].join('\n'),
      stderr: '',
    });
    const listed = await encaisse('bank-accounts', 'list');
    expect(listed.stdout.split('\n').slice(2, 4)).toEqual([
      `10278 02204 0004567890K  ${UNKNOWN_IBAN}  10278 02204 0004567890K  EUR`,
      `Compte courant BNP       ${IBAN}                           EUR`,
    ]);
  });

  it('refuses an account registered twice (exit 5) and a file of no statement format (exit 2)', async () => {
    const twice = await encaisse('bank-accounts', 'add', '--iban', IBAN, '--name', 'Bis');

    expect(twice.code).toBe(5);
    expect(twice.stderr).toContain(IBAN);

    const csv = await encaisse('import', 'bank', file('export.csv', 'date;montant\n'), '--json');

    expect(csv.code).toBe(2);
    expect(JSON.parse(csv.stdout)).toMatchObject({
      committed: false,
      format: null,
      errors: [{ field: 'file', code: 'bank_unknown_format' }],
    });
  });
});
