/**
 * `encaisse import fec` as a user runs it: the report as JSON and as text, and the exit
 * codes (0 saved, 2 refused with nothing saved, 3 saved but for the refused lines).
 */
import { describe, expect, it } from 'vitest';
import {
  fec,
  JANUARY,
  JANUARY_FIRST_IMPORT,
  JANUARY_UNBALANCED,
} from '../../fixtures/fec-books.ts';
import { useCli } from './harness.ts';

const { encaisse, file } = useCli();

describe('encaisse import fec', () => {
  it('imports a FEC, says so as JSON, and finds it unchanged the second time', async () => {
    expect((await encaisse('companies', 'create', '--code', 'acme', '--name', 'ACME')).code).toBe(
      0,
    );
    const books = file('FEC-2025-01.txt', fec(JANUARY));

    const first = await encaisse('--company', 'acme', 'import', 'fec', books, '--json');

    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({
      kind: 'fec',
      file: 'FEC-2025-01.txt',
      committed: true,
      ...JANUARY_FIRST_IMPORT,
      errors: [],
      notices: [expect.objectContaining({ line: 9, code: 'fec_partial_lettering' })],
    });

    const again = await encaisse('--company', 'acme', 'import', 'fec', books);

    expect(again.code).toBe(0);
    expect(again.stdout.split('\n')).toEqual([
      'FEC-2025-01.txt — lines read: 17, rejected: 0 (saved)',
      'Item          Created  Updated  Unchanged',
      '------------  -------  -------  ---------',
      'Customers           0        0          2',
      'Invoices            0        0          4',
      'Credit notes        0        0          1',
      'Payments            0        0          3',
      'Allocations         0        0          5',
      '  note: Lettering "C" of customer C002 does not balance (debits €1,000.00, credits €500.00): €500.00 is allocated, the rest stays open.',
      '',
    ]);
  });

  it('refuses a file with an unbalanced entry (exit 2), and saves the rest with --partial (exit 3)', async () => {
    expect((await encaisse('companies', 'create', '--code', 'bravo', '--name', 'B')).code).toBe(0);
    const books = file('FEC-unbalanced.txt', fec(JANUARY_UNBALANCED));

    const refused = await encaisse('--company', 'bravo', 'import', 'fec', books, '--json');

    expect(refused.code).toBe(2);
    expect(JSON.parse(refused.stdout)).toMatchObject({ committed: false, rejected: 3 });
    const partial = await encaisse(
      '--company',
      'bravo',
      'import',
      'fec',
      books,
      '--partial',
      '--json',
    );
    expect(partial.code).toBe(3);
    expect(JSON.parse(partial.stdout)).toMatchObject({
      committed: true,
      rejected: 3,
      invoices: { created: 3 },
    });
  });

  it('reads its options: receivable accounts, sales journals, terms of new customers', async () => {
    expect((await encaisse('companies', 'create', '--code', 'delta', '--name', 'D')).code).toBe(0);
    // With only 416 as receivable, the file builds nothing; the flags are read, not refused.
    const books = file('FEC-options.txt', fec(JANUARY));

    const result = await encaisse(
      '--company',
      'delta',
      'import',
      'fec',
      books,
      '--receivable-accounts',
      '416, 4167',
      '--sales-journals',
      'VT',
      '--default-terms-days',
      '45',
      '--dry-run',
      '--json',
    );

    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      committed: false,
      dryRun: true,
      invoices: { created: 0 },
    });
    const refused = await encaisse(
      '--company',
      'delta',
      'import',
      'fec',
      books,
      '--default-terms-days',
      '400',
    );
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('--default-terms-days');
  });
});
