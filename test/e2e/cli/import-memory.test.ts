/**
 * An import holds one batch of the file, not the whole file: 60,000 customers import
 * within a 150 MB heap, where reading the file whole ran out of memory (ADR 15).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useCli } from './harness.ts';

const { encaisse, encaisseWithEnv, file } = useCli();
const CUSTOMERS = 60_000;
/** V8's old generation, in MB: less than the whole file parsed at once needs. */
const HEAP_MB = 150;
const importWithSmallHeap = (path: string) =>
  encaisseWithEnv(
    { NODE_OPTIONS: `--max-old-space-size=${HEAP_MB}` },
    '--company',
    'acme',
    'import',
    'customers',
    path,
    '--json',
  );

beforeAll(async () => {
  const created = await encaisse('companies', 'create', '--code', 'acme', '--name', 'ACME SAS');
  if (created.code !== 0) {
    throw new Error(created.stderr);
  }
});

function customersFile(): string {
  const header =
    'code,name,address_line1,postal_code,city,payment_terms,email,phone,contact_name,sales_rep,credit_limit';
  const lines = Array.from({ length: CUSTOMERS }, (_, i) => {
    const n = String(i).padStart(6, '0');
    return `C${n},Client ${n} Équipements SARL,${i} rue de l'Industrie,69003,Lyon,net:30,compta${n}@client-${n}.fr,04 72 00 ${n.slice(0, 2)} ${n.slice(2, 4)},Sophie Martin ${n},Thomas Fabre,2000.00`;
  });
  return file('customers.csv', [header, ...lines].join('\n'));
}

describe('encaisse import of a large file', () => {
  it(
    `imports ${CUSTOMERS.toLocaleString('en')} customers within a ${HEAP_MB} MB heap, then finds them unchanged`,
    { timeout: 600_000 },
    async () => {
      const path = customersFile();

      const first = await importWithSmallHeap(path);
      expect(first.stderr).toBe('');
      expect(first.code).toBe(0);
      expect(JSON.parse(first.stdout)).toMatchObject({ created: CUSTOMERS, committed: true });

      const again = await importWithSmallHeap(path);
      expect(again.stderr).toBe('');
      expect(again.code).toBe(0);
      expect(JSON.parse(again.stdout)).toMatchObject({
        created: 0,
        updated: 0,
        unchanged: CUSTOMERS,
      });
    },
  );
});
