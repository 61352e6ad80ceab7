import { truncateSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildZip, repeated, workbookMembers } from '../../zip-archive.ts';
import { useCli } from './harness.ts';

const { encaisse, file } = useCli();
const MIB = 1024 * 1024;

beforeAll(async () => {
  const created = await encaisse('companies', 'create', '--code', 'acme', '--name', 'ACME SAS');
  if (created.code !== 0) {
    throw new Error(created.stderr);
  }
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

describe('encaisse import on files too large to read', () => {
  it('refuses a file over 256 MiB from its size, before reading it', async () => {
    // A sparse file: 257 MiB long, no disk used, and nothing to read if the size is checked first.
    const path = file('huge.csv', 'code;name\n');
    truncateSync(path, 257 * MIB);

    const imported = await encaisse('import', 'customers', path);

    expect(imported.code).toBe(2);
    expect(imported.stderr).toContain(
      'file: "huge.csv" is 257 MiB: an import reads files of at most 256 MiB. Split it.',
    );
  });

  it('stops reading a stream with no size (a device, a pipe) past 256 MiB', async () => {
    const imported = await encaisse('import', 'customers', '/dev/zero');

    expect(imported.code).toBe(2);
    expect(imported.stderr).toContain(
      'file: "zero" is 257 MiB: an import reads files of at most 256 MiB. Split it.',
    );
  });

  it('refuses a ZIP bomb workbook with exit 2 and saves nothing', async () => {
    const path = file('bomb.xlsx', await buildZip(workbookMembers(() => repeated(0x41, MIB, 300))));

    const imported = await encaisse('import', 'customers', path);

    expect(imported.code).toBe(2);
    expect(imported.stderr).toMatch(
      /file: "bomb\.xlsx" is not read: its part xl\/sharedStrings\.xml expands 1,0\d\d times/,
    );
    expect(await customerCount()).toBe(0);
  });
});
