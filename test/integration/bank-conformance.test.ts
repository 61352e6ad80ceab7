/**
 * Every third-party statement of ../shared/testdata (camt/*.xml, cfonb/*, described in its
 * SOURCES.md) imported as a company would, registering its accounts on the way: read in
 * place, never copied into the repository; without the folder the test says why and is
 * skipped.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../src/app/deps.ts';
import { importBankFile, listBankLines } from '../../src/bank/service.ts';
import type { DbHandle } from '../../src/db/client.ts';
import { openTestRuntime } from '../db.ts';
import { makeCompany } from '../factories.ts';

const TESTDATA = fileURLToPath(new URL('../../../shared/testdata/', import.meta.url));
const isPresent = existsSync(join(TESTDATA, 'camt')) && existsSync(join(TESTDATA, 'cfonb'));
if (!isPresent) {
  // oxlint-disable-next-line no-console -- a skipped suite must say why.
  console.warn(`Bank import conformance skipped: ${TESTDATA} has no camt/ and cfonb/ samples.`);
}
const FILES = isPresent
  ? [
      ...readdirSync(join(TESTDATA, 'camt'))
        .filter((name) => name.endsWith('.xml'))
        .map((name) => `camt/${name}`),
      ...readdirSync(join(TESTDATA, 'cfonb')).map((name) => `cfonb/${name}`),
    ].sort()
  : [];

/**
 * The samples that do not balance as shipped: akretion's CFONB file (SOURCES.md: "a file the
 * importer must flag"), and the four camt ones src/imports/bank/camt-conformance.test.ts
 * names with their exact differences. Every other statement balances or has no balances.
 */
const UNBALANCED = new Set([
  'cfonb/akretion-unbalanced.cfo',
  'camt/oca-test-camt053.xml',
  'camt/viafintech-053-ing-batch.xml',
  'camt/viafintech-053-ubs-v8.xml',
  'camt/kedder-postfinance-gcamp6.xml',
]);

let handle: DbHandle;
let deps: Deps;

beforeAll(async () => {
  ({ handle, deps } = await openTestRuntime());
});
afterAll(async () => {
  await handle.close();
});

describe.skipIf(!isPresent)('importing the third-party bank statements', () => {
  it.each(FILES)(
    '%s imports whole with --add-account, and adds nothing the second time',
    async (name) => {
      const { ctx } = await makeCompany(deps);
      const bytes = new Uint8Array(readFileSync(join(TESTDATA, name)));
      const run = () =>
        importBankFile(deps, ctx, { bytes, fileName: name, addAccount: true, dryRun: false });

      const first = await run();

      expect(first.errors).toEqual([]);
      expect(first.committed).toBe(true);
      expect(first.statements.length).toBeGreaterThan(0);
      // No two movements of a file share a key: every line is stored.
      expect(first.totals.linesNew).toBe(first.totals.lines);
      expect(first.totals.statementsNew).toBe(first.totals.statements);
      const isUnbalanced = UNBALANCED.has(name);
      expect(first.statements.filter((statement) => statement.balanced === false)).toHaveLength(
        isUnbalanced ? first.statements.length : 0,
      );

      const again = await run();

      expect(again).toMatchObject({ committed: true, errors: [], accountsAdded: [] });
      expect(again.totals).toEqual({
        ...first.totals,
        statementsNew: 0,
        linesNew: 0,
        linesKnown: first.totals.lines,
      });
      const stored = await Promise.all(
        first.accountsAdded.map((account) => listBankLines(deps, ctx, account.id)),
      );
      expect(stored.flat()).toHaveLength(first.totals.lines);
    },
  );

  it('flags the akretion statement with its exact figures', async () => {
    const { ctx } = await makeCompany(deps);
    const bytes = new Uint8Array(readFileSync(join(TESTDATA, 'cfonb/akretion-unbalanced.cfo')));

    const report = await importBankFile(deps, ctx, {
      bytes,
      fileName: 'akretion-unbalanced.cfo',
      addAccount: true,
      dryRun: false,
    });

    // 0,08 − 2 000,00 ≠ 11 871,14.
    expect(report.statements).toEqual([
      expect.objectContaining({
        account: '30002 00447 0000888899H',
        opening: { date: '2011-09-16', amountCents: 8 },
        movementsCents: -200_000,
        closing: { date: '2011-09-16', amountCents: 1_187_114 },
        balanced: false,
        differenceCents: 1_387_106,
      }),
    ]);
    expect(report.totals.unbalanced).toBe(1);
  });
});
