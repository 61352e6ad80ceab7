import { describe, expect, it } from 'vitest';
import { useCli } from './harness.ts';

const { encaisse, encaisseWithEnv } = useCli();

/** The CLI's default: `ENCAISSE_LANG` unset (empty) and no `--lang`, so French. */
const DEFAULT_LANGUAGE = { ENCAISSE_LANG: '' };

/** `encaisse …` in the CLI's default language, French. */
function enFrançais(...args: string[]) {
  return encaisseWithEnv(DEFAULT_LANGUAGE, ...args);
}

describe('encaisse says what it did in the language of the command', () => {
  it('migrates in French: the migrations it applied, then a schema up to date', async () => {
    const applied = await enFrançais('db', 'migrate');
    expect(applied).toMatchObject({ code: 0, stderr: '' });
    expect(applied.stdout).toMatch(
      /^Migrations appliquées dans \S.* : \d{12}_\w+(, \d{12}_\w+)+\n$/,
    );

    const upToDate = await enFrançais('db', 'migrate');
    expect(upToDate).toMatchObject({ code: 0, stderr: '' });
    expect(upToDate.stdout).toMatch(/^Schéma à jour \(\d+ migrations\) dans \S.*\n$/);
  });

  it('creates a company in French, naming the command that adds its administrator', async () => {
    const created = await enFrançais('companies', 'create', '--code', 'acme', '--name', 'Acme SAS');

    expect(created).toEqual({
      code: 0,
      stdout:
        'Société acme (Acme SAS) créée. Ajoutez un administrateur : encaisse --company acme users create --role admin …\n',
      stderr: '',
    });
  });

  it('adds no demo beside a company, and says so in French', async () => {
    const skipped = await enFrançais('demo', '--if-empty');

    expect(skipped).toEqual({
      code: 0,
      stdout: [
        'La base de données contient déjà une société : les données de démonstration ne sont pas ajoutées.',
        "Pour définir le mot de passe d'un utilisateur : encaisse --company CODE users set-password EMAIL",
        '',
      ].join('\n'),
      stderr: '',
    });
  });

  it('verifies the audit trail in French: its events counted, its head as --expect takes it', async () => {
    const created = await encaisse(
      'users',
      'create',
      '--email',
      'admin@acme.test',
      '--name',
      'Admin',
      '--role',
      'admin',
    );
    expect(created.code).toBe(0);
    const { companies } = JSON.parse((await encaisse('audit', 'verify', '--json')).stdout) as {
      companies: { head: { seq: number; hash: string } }[];
    };
    const head = companies[0]?.head;

    const verified = await encaisse('--lang', 'fr', 'audit', 'verify');

    expect(verified).toEqual({
      code: 0,
      stdout: `acme : OK, 1 événement, tête 1 ${head?.hash}\n`,
      stderr: '',
    });
    expect(head?.seq).toBe(1);
  });
});
