/**
 * `encaisse portal link` as a script runs it (docs/portal.md): the URL printed starts with
 * `PUBLIC_URL` or `--public-url`, lasts the days asked, and `--revoke` closes every link of
 * the customer; an unknown customer and a lifetime past a year are refused with a non-zero
 * exit, nothing made.
 */
import { describe, expect, it } from 'vitest';
import { useCli } from './harness.ts';

const { encaisse, encaisseWithEnv, file } = useCli();

/** `encaisse --company acme portal link …`. */
const link = (...args: string[]) => encaisse('--company', 'acme', 'portal', 'link', ...args);

const URL_OF_LINK = /^https:\/\/encaisse\.example\.test\/portail#[A-Za-z0-9_-]{43}$/;

describe('encaisse portal link', () => {
  it('prints a new link under the public address, as JSON too, and revokes them all', async () => {
    expect((await encaisse('db', 'migrate')).code).toBe(0);
    expect(
      (await encaisse('companies', 'create', '--code', 'acme', '--name', 'ACME SAS')).code,
    ).toBe(0);
    const customers = file('customers.csv', 'code;raison_sociale\nC1;Boulangerie Martin SARL\n');
    expect((await encaisse('--company', 'acme', 'import', 'customers', customers)).code).toBe(0);

    const printed = await encaisseWithEnv(
      { PUBLIC_URL: 'https://encaisse.example.test' },
      '--company',
      'acme',
      'portal',
      'link',
      '--customer',
      'c1',
    );
    expect(printed.code).toBe(0);
    expect(printed.stdout.trim()).toMatch(URL_OF_LINK);
    expect(printed.stderr).toContain('C1');

    const asJson = await link(
      '--customer',
      'C1',
      '--days',
      '7',
      '--public-url',
      'https://encaisse.example.test/',
      '--json',
    );
    expect(asJson.code).toBe(0);
    const made = JSON.parse(asJson.stdout) as {
      url: string;
      link: { id: string; createdAt: string; expiresAt: string };
    };
    expect(made.url).toMatch(URL_OF_LINK);
    expect(made.url).not.toBe(printed.stdout.trim());
    const lifetime = Date.parse(made.link.expiresAt) - Date.parse(made.link.createdAt);
    expect(lifetime).toBe(7 * 86_400_000);

    const revoked = await link('--customer', 'C1', '--revoke', '--json');
    expect(revoked.code).toBe(0);
    expect(JSON.parse(revoked.stdout)).toEqual({ revoked: 2 });
    const again = await link('--customer', 'C1', '--revoke', '--json');
    expect(JSON.parse(again.stdout)).toEqual({ revoked: 0 });
  });

  it('refuses an unknown customer and a lifetime past a year, printing nothing', async () => {
    const unknown = await link('--customer', 'NOPE');
    expect(unknown.code).not.toBe(0);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toContain('NOPE');
    const tooLong = await link('--customer', 'C1', '--days', '400');
    expect(tooLong.code).not.toBe(0);
    expect(tooLong.stdout).toBe('');
    expect(tooLong.stderr).toContain('--days');
    const revoked = await link('--customer', 'C1', '--revoke', '--json');
    expect(JSON.parse(revoked.stdout)).toEqual({ revoked: 0 });
  });
});
