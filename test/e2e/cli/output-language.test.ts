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

  it('lists users and tokens with their roles in words, in French and in English', async () => {
    const created = await encaisse('companies', 'create', '--code', 'roles', '--name', 'Rôles SA');
    expect(created.code).toBe(0);
    const team = [
      ['anne@roles.test', 'Anne', 'credit_manager'],
      ['bruno@roles.test', 'Bruno', 'collector'],
    ] as const;
    for (const [email, name, role] of team) {
      const user = await encaisse(
        '--company',
        'roles',
        'users',
        'create',
        '--email',
        email,
        '--name',
        name,
        '--role',
        role,
      );
      expect(user.code).toBe(0);
    }
    const token = await encaisse(
      '--company',
      'roles',
      'tokens',
      'create',
      '--name',
      'ERP',
      '--role',
      'read_only',
    );
    expect(token.code).toBe(0);

    const french = await enFrançais('--company', 'roles', 'users', 'list');
    expect(french).toEqual({
      code: 0,
      stdout: [
        'E-mail            Nom    Rôle                    Actif',
        '----------------  -----  ----------------------  -----',
        'anne@roles.test   Anne   Credit manager          oui',
        'bruno@roles.test  Bruno  Chargé de recouvrement  oui',
        '',
      ].join('\n'),
      stderr: '',
    });

    const english = await encaisse('--company', 'roles', 'users', 'list');
    expect(english).toEqual({
      code: 0,
      stdout: [
        'E-mail            Name   Role            Active',
        '----------------  -----  --------------  ------',
        'anne@roles.test   Anne   Credit manager  yes',
        'bruno@roles.test  Bruno  Collector       yes',
        '',
      ].join('\n'),
      stderr: '',
    });

    const frenchTokens = await enFrançais('--company', 'roles', 'tokens', 'list');
    expect(frenchTokens.stdout).toContain(' Lecture seule ');
    expect(frenchTokens.stdout).not.toContain('read_only');
    const englishTokens = await encaisse('--company', 'roles', 'tokens', 'list');
    expect(englishTokens.stdout).toContain(' Read only ');
    expect(englishTokens.stdout).not.toContain('read_only');
  });
});
