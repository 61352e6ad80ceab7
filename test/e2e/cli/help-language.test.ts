import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

/** The CLI's default: `ENCAISSE_LANG` unset (empty) and no `--lang`, so French. */
const DEFAULT_LANGUAGE = { ENCAISSE_LANG: '' };

/**
 * `encaisse …` on a database in memory: none of these lines runs a command, and one
 * wrongly accepted must not make `./data`.
 */
function encaisse(env: Record<string, string>, ...args: string[]) {
  return runCli(['--db', 'memory://', ...args], env);
}

describe('encaisse speaks one language in its help and its refusals', () => {
  it('helps in French by default, commander’s own words too', async () => {
    const help = await encaisse(DEFAULT_LANGUAGE, '--help');

    expect(help).toMatchObject({ code: 0, stderr: '' });
    expect(help.stdout).toMatch(/^Utilisation : encaisse \[options\] \[commande\]\n/);
    expect(help.stdout).toContain('\nOptions :\n');
    expect(help.stdout).toContain('\nCommandes :\n');
    expect(help.stdout).toMatch(/\n {2}invoices +Factures et avoirs\n/);
    expect(help.stdout).toMatch(/\n {2}-h, --help +afficher l'aide de la commande\n/);
    expect(help.stdout).toMatch(/\n {2}help \[commande\] +afficher l'aide d'une commande\n/);
    expect(help.stdout).not.toMatch(/Usage|Commands|display help|default:|choices:/);
  });

  it('helps in English with --lang en, and in French with --lang=fr over ENCAISSE_LANG', async () => {
    const english = await encaisse(DEFAULT_LANGUAGE, '--lang', 'en', 'invoices', 'list', '--help');
    const french = await encaisse({ ENCAISSE_LANG: 'en' }, 'invoices', 'list', '--lang=fr', '-h');

    expect(english).toMatchObject({ code: 0, stderr: '' });
    expect(english.stdout).toMatch(/^Usage: encaisse invoices list \[options\]\n\nList invoices/);
    expect(english.stdout).toMatch(/\n {2}--order <order> +asc or desc \(default: "asc"\)\n/);
    expect(french).toMatchObject({ code: 0, stderr: '' });
    expect(french.stdout).toMatch(/^Utilisation : encaisse invoices list \[options\]\n\nLister/);
    expect(french.stdout).toMatch(/\n {2}--order <order> +asc ou desc \(par défaut : "asc"\)\n/);
  });

  it('refuses a date in French, naming the option once, then helps in French', async () => {
    const refused = await encaisse(
      DEFAULT_LANGUAGE,
      'invoices',
      'list',
      '--due-from',
      '32/13/2025',
    );

    expect(refused).toMatchObject({ code: 2, stdout: '' });
    const [refusal, blank, usage] = refused.stderr.split('\n');
    expect([refusal, blank, usage]).toEqual([
      "erreur : Option invalide --due-from : « 32/13/2025 » n'est pas une date : écrivez 31/12/2025, 2025-12-31 ou 20251231",
      '',
      'Utilisation : encaisse invoices list [options]',
    ]);
    expect(refused.stderr.match(/erreur/g)).toHaveLength(1);
  });

  it('refuses an unknown option in French, with a guess', async () => {
    const refused = await encaisse(DEFAULT_LANGUAGE, 'customers', 'list', '--serch', 'x');

    expect(refused).toMatchObject({ code: 2, stdout: '' });
    expect(refused.stderr).toMatch(
      /^erreur : Option inconnue --serch\n\(Vouliez-vous dire --search \?\)\n\nUtilisation : encaisse customers list \[options\]\n/,
    );
  });

  it('refuses a malformed --expect in French, in the catalogue’s words', async () => {
    const refused = await encaisse(
      DEFAULT_LANGUAGE,
      '--company',
      'acme',
      'audit',
      'verify',
      '--expect',
      '42',
    );

    expect(refused).toEqual({
      code: 2,
      stdout: '',
      stderr:
        "erreur : Option invalide --expect\n  - --expect : s'écrit SEQ:HASH, tel qu'un verify l'a affiché (par exemple 42:9f86d0…)\n",
    });
  });

  it('refuses an unknown command in English with --lang en', async () => {
    const refused = await encaisse(DEFAULT_LANGUAGE, '--lang', 'en', 'invoice', 'list');

    expect(refused).toMatchObject({ code: 2, stdout: '' });
    expect(refused.stderr).toMatch(
      /^error: Unknown command "invoice"\n\(Did you mean invoices\?\)\n\nUsage: encaisse \[options\] \[command\]\n/,
    );
  });

  it('still prints its version, whatever the language', async () => {
    expect(await encaisse(DEFAULT_LANGUAGE, '--version')).toEqual({
      code: 0,
      stdout: '0.1.0\n',
      stderr: '',
    });
  });
});
