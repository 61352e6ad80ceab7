import { beforeAll, describe, expect, it } from 'vitest';
import { useCli } from './harness.ts';

const { encaisse, file } = useCli();

beforeAll(async () => {
  expect((await encaisse('companies', 'create', '--code', 'acme', '--name', 'ACME SAS')).code).toBe(
    0,
  );
});

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const bytesOf = (text: string, prefix: number[] = []) =>
  new Uint8Array([...prefix, ...new TextEncoder().encode(text)]);

async function customerCount(): Promise<number> {
  const listed = await encaisse('customers', 'list', '--json');
  return (JSON.parse(listed.stdout) as { total: number }).total;
}

describe('encaisse import on hostile files', () => {
  it.each([
    ['after a UTF-8 BOM', bytesOf('code;name\nC1;NUL\u0000X\nC2;Beta\n', UTF8_BOM), []],
    [
      'with --encoding latin1',
      bytesOf('code;name\nC1;NUL\u0000X\nC2;Beta\n'),
      ['--encoding', 'latin1'],
    ],
    ['with --partial', bytesOf('code;name\nC1;NUL\u0000X\nC2;Beta\n', UTF8_BOM), ['--partial']],
  ])(
    'refuses a NUL character %s with exit 2 and its line, saving nothing',
    async (_label, bytes, flags) => {
      const path = file('nul.csv', bytes);

      const imported = await encaisse('import', 'customers', path, ...flags);

      expect(imported.code).toBe(2);
      expect(imported.stderr).toContain(
        'line 2, file: "nul.csv" contains a NUL character (U+0000) on line 2, which no text holds',
      );
      expect(await customerCount()).toBe(0);
    },
  );
});
