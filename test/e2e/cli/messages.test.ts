/**
 * `encaisse messages list` and `encaisse letters print`: the messages view and the print
 * batch from the command line, on a database the test fills through the outbox's own door
 * (`queueMessagesInTx`) between two commands.
 */
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PdfKit from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliContext } from '../../../src/app/context.ts';
import { createDeps } from '../../../src/app/deps.ts';
import { resolveCompany } from '../../../src/companies/service.ts';
import { customerDirectory } from '../../../src/customers/directory.ts';
import { createCustomer } from '../../../src/customers/service.ts';
import { openDatabase } from '../../../src/db/client.ts';
import { inTransaction } from '../../../src/db/transaction.ts';
import type { NewMessage } from '../../../src/jobs/model.ts';
import { queueMessagesInTx } from '../../../src/jobs/outbox.ts';
import { fixedClock } from '../../../src/shared/clock.ts';
import { emptyDatabase } from '../../empty-database.ts';
import { pdfPages } from '../../pdf-text.ts';
import { CLI_NOW, runCli } from './run-cli.ts';

let location = '';
let drop: () => Promise<void> = async () => {};
let workDir = '';

beforeAll(async () => {
  ({ location, drop } = await emptyDatabase());
  workDir = mkdtempSync(join(tmpdir(), 'encaisse-letters-'));
});
afterAll(async () => {
  await drop();
  rmSync(workDir, { recursive: true, force: true });
});

const encaisse = (...args: string[]) => runCli(['--db', location, ...args]);

async function letterPdf(text: string): Promise<Uint8Array> {
  const document = new PdfKit({ size: 'A4' });
  const chunks: Buffer[] = [];
  document.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve) => document.on('end', () => resolve()));
  document.text(text);
  document.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

/** Opens the database between two commands (the embedded one is one process's at a time). */
async function fill(build: (customerId: string) => Promise<NewMessage[]>): Promise<string> {
  const handle = await openDatabase(location);
  try {
    const deps = createDeps(handle.db, {
      customers: customerDirectory,
      clock: fixedClock(new Date(CLI_NOW)),
    });
    const company = await resolveCompany(deps, undefined);
    const ctx = cliContext(company.id, 'tester');
    const customer = await createCustomer(deps, ctx, { code: 'DUP01', legalName: 'Dupont SARL' });
    const messages = await build(customer.id);
    for (const message of messages) {
      await inTransaction(deps.db, (tx) => queueMessagesInTx(deps, tx, ctx, [message]));
    }
    return customer.id;
  } finally {
    await handle.close();
  }
}

describe('encaisse messages list / letters print', () => {
  it('lists the messages newest first, by customer and status, and prints the letters', async () => {
    expect((await encaisse('companies', 'create', '--code', 'acme', '--name', 'ACME')).code).toBe(
      0,
    );
    const customerId = await fill(async (id) => [
      {
        channel: 'email',
        recipients: ['compta@dupont.test'],
        subject: 'Relance : facture FA-001',
        bodyText: 'Bonjour',
        customerId: id,
        source: { type: 'dunning_action', id: 'a1' },
      },
      {
        channel: 'sms',
        recipients: ['+33612345678'],
        subject: null,
        bodyText: 'Facture FA-001 échue',
        customerId: null,
        source: { type: 'test', id: null },
      },
      {
        channel: 'letter',
        recipients: ['Dupont SARL', '3 rue du Port', '13002 Marseille'],
        subject: null,
        bodyText: 'Mise en demeure',
        attachment: {
          name: 'mise-en-demeure.pdf',
          contentType: 'application/pdf',
          content: await letterPdf('Mise en demeure de payer'),
        },
        customerId: id,
        source: { type: 'dunning_action', id: 'a2' },
      },
    ]);

    const all = await encaisse('messages', 'list', '--json');
    expect(all.code).toBe(0);
    const { items } = JSON.parse(all.stdout) as {
      items: { channel: string; customer: { id: string } | null; status: string }[];
    };
    expect(items.map((item) => item.channel)).toEqual(['letter', 'sms', 'email']);
    expect(items.every((item) => item.status === 'queued')).toBe(true);

    const ofCustomer = JSON.parse(
      (await encaisse('messages', 'list', '--customer', 'dup01', '--json')).stdout,
    ) as { items: { channel: string; customer: { id: string } | null }[] };
    expect(ofCustomer.items.map((item) => [item.channel, item.customer?.id])).toEqual([
      ['letter', customerId],
      ['email', customerId],
    ]);

    const limited = JSON.parse(
      (await encaisse('messages', 'list', '--limit', '1', '--json')).stdout,
    ) as {
      items: unknown[];
    };
    expect(limited.items).toHaveLength(1);

    const table = await runCli(['--db', location, 'messages', 'list', '--channel', 'email'], {
      ENCAISSE_LANG: 'fr',
    });
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^Créé le\s+Canal\s+Destinataires\s+Objet\s+Statut\s+Motif/);
    expect(table.stdout).toMatch(
      /15\/03\/2026\s+e-mail\s+compta@dupont\.test\s+Relance : facture FA-001\s+en file/,
    );
    expect(table.stdout).toContain('1 message affiché');

    const unknown = await encaisse('messages', 'list', '--customer', 'NOPE');
    expect(unknown.code).toBe(4);
    const badStatus = await encaisse('messages', 'list', '--status', 'lost');
    expect(badStatus.code).toBe(2);

    const out = join(workDir, 'courriers.pdf');
    const printed = await encaisse('letters', 'print', '--out', out);
    expect(printed.code).toBe(0);
    expect(printed.stdout).toBe(`1 letter written to ${out} and marked printed\n`);
    expect(await pdfPages(new Uint8Array(readFileSync(out)))).toEqual(['Mise en demeure de payer']);
    const sent = JSON.parse(
      (await encaisse('messages', 'list', '--status', 'sent', '--json')).stdout,
    ) as { items: { channel: string }[] };
    expect(sent.items.map((item) => item.channel)).toEqual(['letter']);

    const none = await encaisse('letters', 'print', '--out', join(workDir, 'vide.pdf'), '--json');
    expect(none.code).toBe(0);
    expect(JSON.parse(none.stdout)).toEqual({ file: null, letters: [], remaining: 0 });
  });
});
