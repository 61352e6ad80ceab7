import { describe, expect, it } from 'vitest';
import { useCli } from './harness.ts';
import type { CliResult } from './run-cli.ts';

const { encaisse, encaisseWithEnv, file } = useCli();

/** The CLI's default: `ENCAISSE_LANG` unset (empty) and no `--lang`, so French. */
const DEFAULT_LANGUAGE = { ENCAISSE_LANG: '' };

// Every line refused, each for reasons of its own, and a column the import does not read.
const BAD_CUSTOMERS = [
  'code;raison_sociale;siren;email;ville;commentaire;plafond',
  'C1;Boulangerie Martin;123456789;compta@;Lyon;x;1.234',
  'C2;;;;Paris;;',
  'C1;Doublon;;;Nice;;-5',
  '',
].join('\n');

/** What a refused run gives: exit code 2, and these lines (joined by newlines) on each stream. */
function refusal(output: { stdout: string[]; stderr: string[] }): CliResult {
  return { code: 2, stdout: output.stdout.join('\n'), stderr: output.stderr.join('\n') };
}

describe('encaisse import speaks the language of the command', () => {
  it('reports a refused file in French by default: counts, issues, notes and footer', async () => {
    expect((await encaisse('companies', 'create', '--code', 'acme', '--name', 'ACME')).code).toBe(
      0,
    );
    const customers = file('clients.csv', BAD_CUSTOMERS);

    const french = await encaisseWithEnv(DEFAULT_LANGUAGE, 'import', 'customers', customers);

    expect(french).toEqual(
      refusal({
        stdout: [
          "clients.csv : 3 lignes — prévu : 0 créé, 0 mis à jour, 0 inchangé, 3 rejetés (refusé : rien n'est enregistré)",
          '  remarque : La colonne « raison_sociale » est lue comme « name ».',
          '  remarque : La colonne « ville » est lue comme « city ».',
          '  remarque : La colonne « plafond » est lue comme « credit_limit ».',
          "  remarque : La colonne « commentaire » est ignorée (ce n'est pas une colonne des fichiers de clients).",
          '',
        ],
        stderr: [
          "  ligne 2, siren : le SIREN « 123456789 » n'est pas valide (9 chiffres, clé de Luhn).",
          "  ligne 2, email : email « compta@ » n'est pas une adresse e-mail.",
          "  ligne 2, credit_limit : credit_limit « 1.234 » n'est pas un montant valide en EUR (« 1.234 » est ambigu : écrivez-le sans séparateur de milliers ou avec toutes ses décimales, 1234 ou 1.234,00).",
          '  ligne 3, name : La colonne name doit être renseignée.',
          '  ligne 4, code : Le code client « C1 » figure déjà à la ligne 2.',
          '  ligne 4, credit_limit : credit_limit « -5 » est négatif ; indiquez 0 pour « aucun encours autorisé ».',
          'Corrigez les lignes ci-dessus et importez à nouveau, ou utilisez --partial pour enregistrer les autres lignes.',
          '',
        ],
      }),
    );
  });

  it('says the same report in English with --lang en, over ENCAISSE_LANG', async () => {
    const customers = file('clients-en.csv', BAD_CUSTOMERS);

    const english = await encaisseWithEnv(
      { ENCAISSE_LANG: 'fr' },
      '--lang',
      'en',
      'import',
      'customers',
      customers,
    );

    expect(english).toEqual(
      refusal({
        stdout: [
          'clients-en.csv: 3 rows — would be 0 created, 0 updated, 0 unchanged, 3 rejected (refused: nothing saved)',
          '  note: Column "raison_sociale" is read as "name".',
          '  note: Column "ville" is read as "city".',
          '  note: Column "plafond" is read as "credit_limit".',
          '  note: Column "commentaire" is ignored (not a column of customers files).',
          '',
        ],
        stderr: [
          '  line 2, siren: SIREN "123456789" is not valid (9 digits, Luhn key).',
          '  line 2, email: email "compta@" is not an e-mail address.',
          '  line 2, credit_limit: credit_limit "1.234" is not a valid EUR amount ("1.234" is ambiguous: write it without a thousands separator or with all decimals (1234 or 1.234,00)).',
          '  line 3, name: name is required.',
          '  line 4, code: Customer code "C1" already appears on line 2.',
          '  line 4, credit_limit: credit_limit "-5" is negative; use 0 for "no credit".',
          'Fix the lines above and import again, or use --partial to save the other lines.',
          '',
        ],
      }),
    );
  });

  it('refuses a file without its required columns in French, and saves a good one', async () => {
    const invoices = file('factures.csv', 'numero;client\nF1;C1\n');

    const refused = await encaisseWithEnv(DEFAULT_LANGUAGE, 'import', 'invoices', invoices);

    expect(refused).toEqual(
      refusal({
        stdout: [
          "factures.csv : le fichier est refusé (refusé : rien n'est enregistré)",
          '  remarque : La colonne « numero » est lue comme « number ».',
          '  remarque : La colonne « client » est lue comme « customer_code ».',
          '',
        ],
        stderr: [
          '  fichier, issue_date : La colonne obligatoire « issue_date » est absente (noms acceptés : issue_date, date_facture, date_de_facture, date_emission, date_d_emission, date_piece, date, invoice_date) ; désignez une autre colonne avec --map issue_date=<colonne>.',
          '  fichier, amount : La colonne obligatoire « amount » est absente (noms acceptés : amount, montant_ttc, montant, total_ttc, ttc) ; désignez une autre colonne avec --map amount=<colonne>.',
          '',
        ],
      }),
    );

    const saved = await encaisse(
      '--lang',
      'fr',
      'import',
      'customers',
      file('un-client.csv', 'code;name\nC7;Sept\n'),
    );
    expect(saved).toEqual({
      code: 0,
      stdout: 'un-client.csv : 1 ligne — 1 créé, 0 mis à jour, 0 inchangé, 0 rejeté (enregistré)\n',
      stderr: '',
    });
  });

  it('refuses payments naming an unknown invoice or another customer’s in French, by line', async () => {
    await encaisse('import', 'customers', file('d.csv', 'code;name\nD1;Delta\nD2;Epsilon\n'));
    const invoices =
      'number;customer_code;issue_date;due_date;amount\nFD-1;D1;2026-01-05;2026-02-04;100,00\n';
    expect((await encaisse('import', 'invoices', file('fd.csv', invoices))).code).toBe(0);
    const payments = file(
      'paiements.csv',
      'reference;customer_code;date;amount;invoice_number\nPD1;D2;2026-02-01;10,00;FD-1\nPD2;D1;2026-02-01;10,00;FD-9\n',
    );

    const refused = await encaisseWithEnv(DEFAULT_LANGUAGE, 'import', 'payments', payments);

    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      [
        "  ligne 2, invoice_number : L'encaissement PD1 appartient à un autre client que la facture FD-1",
        "  ligne 3, invoice_number : La facture FD-9 n'existe pas",
        'Corrigez les lignes ci-dessus et importez à nouveau, ou utilisez --partial pour enregistrer les autres lignes.',
        '',
      ].join('\n'),
    );
  });

  it('refuses a bad --map in French, each issue said once', async () => {
    const customers = file('c.csv', 'code;name\nC8;Huit\n');

    const refused = await encaisseWithEnv(
      DEFAULT_LANGUAGE,
      'import',
      'customers',
      customers,
      '--map',
      'amount,x=y,x=z',
    );

    expect(refused).toEqual(
      refusal({
        stdout: [],
        stderr: [
          "erreur : L'option --map n'est pas valide",
          "  - mapping : --map : « amount » n'est pas de la forme colonne=Colonne du fichier (par exemple amount=Montant TTC).",
          '  - mapping : --map : « x » est associée deux fois.',
          '',
        ],
      }),
    );
  });

  it("says zod's refusals of CLI flags in the command's language", async () => {
    const french = await encaisseWithEnv(DEFAULT_LANGUAGE, 'demo', '--size', 'X', '--seed', '-3');
    const english = await encaisse('demo', '--size', 'X', '--seed', '-3');

    expect([french.code, french.stderr]).toEqual([
      2,
      [
        'erreur : Options invalides --size, --seed',
        '  - --size : Option invalide : une valeur parmi "S"|"M"|"L" attendue',
        '  - --seed : Trop petit : nombre doit être >=0',
        '',
      ].join('\n'),
    ]);
    expect([english.code, english.stderr]).toEqual([
      2,
      [
        'error: Invalid options --size, --seed',
        '  - --size: Invalid option: expected one of "S"|"M"|"L"',
        '  - --seed: Too small: expected number to be >=0',
        '',
      ].join('\n'),
    ]);
  });
});
