import { userInfo } from 'node:os';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DbHandle } from '../../../src/db/client.ts';
import { emptyDatabase } from '../../empty-database.ts';
import { runCli } from './run-cli.ts';

let db: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ location: db, drop: cleanup } = await emptyDatabase());
});
afterAll(async () => {
  await cleanup();
});

function encaisse(...args: string[]) {
  return runCli(['--db', db, ...args]);
}

/** Runs SQL on the database between two commands (the CLI has closed it). */
async function withDb<T>(work: (handle: DbHandle) => Promise<T>) {
  const handle = await openDatabase(db);
  try {
    return await work(handle);
  } finally {
    await handle.close();
  }
}

describe('encaisse audit', () => {
  it('records who ran a command, verifies the chain, and names the event a superuser changed', async () => {
    for (const code of ['acme', 'globex']) {
      expect(
        (await encaisse('companies', 'create', '--code', code, '--name', `${code} SAS`)).code,
      ).toBe(0);
      for (const role of ['admin']) {
        const created = await encaisse(
          '--company',
          code,
          'users',
          'create',
          '--email',
          `${role}@${code}.test`,
          '--name',
          `${role} ${code}`,
          '--role',
          role,
        );
        expect(created.code).toBe(0);
      }
    }

    const actors = await withDb(async (handle) => {
      const result = await sql<{ code: string; seq: number; actor_type: string; actor_id: string }>`
        SELECT company.code, seq, actor_type, actor_id
          FROM event JOIN company ON company.id = event.company_id
         ORDER BY company.code, seq`.execute(handle.db);
      return result.rows;
    });
    const operator = userInfo().username;
    expect(actors).toEqual([
      { code: 'acme', seq: 1, actor_type: 'cli', actor_id: operator },
      { code: 'globex', seq: 1, actor_type: 'cli', actor_id: operator },
    ]);

    const intact = await encaisse('audit', 'verify', '--json');
    expect(intact.code).toBe(0);
    const report = JSON.parse(intact.stdout) as {
      ok: boolean;
      companies: {
        company: string;
        ok: boolean;
        events: number;
        head: { seq: number; hash: string };
      }[];
    };
    expect(report).toMatchObject({
      ok: true,
      companies: [
        { company: 'acme', ok: true, events: 1, head: { seq: 1 } },
        { company: 'globex', ok: true, events: 1, head: { seq: 1 } },
      ],
    });
    expect(report.companies[0]?.head.hash).toMatch(/^[0-9a-f]{64}$/);
    const text = await encaisse('--company', 'acme', 'audit', 'verify');
    expect(text).toMatchObject({ code: 0, stderr: '' });
    expect(text.stdout.trim()).toBe(`acme: OK, 1 event, head 1 ${report.companies[0]?.head.hash}`);

    const head = `1:${report.companies[0]?.head.hash}`;
    expect((await encaisse('--company', 'acme', 'audit', 'verify', '--expect', head)).code).toBe(0);

    await withDb(async (handle) => {
      await handle.db.transaction().execute(async (tx) => {
        await sql`ALTER TABLE event DISABLE TRIGGER event_append_only`.execute(tx);
        await sql`UPDATE event SET data = jsonb_set(data, '{role}', '"read_only"')
                   WHERE seq = 1 AND company_id = (SELECT id FROM company WHERE code = 'acme')`.execute(
          tx,
        );
        await sql`ALTER TABLE event ENABLE TRIGGER event_append_only`.execute(tx);
      });
    });

    const tampered = await encaisse('audit', 'verify');
    expect(tampered.code).toBe(9);
    expect(tampered.stdout).toContain(
      'acme: BROKEN at event 1: event 1 was changed after it was recorded: its fields no longer match its hash',
    );
    expect(tampered.stdout).toContain('globex: OK, 1 event');
    expect(tampered.stderr).toBe('error: The audit trail of acme is broken\n');
    const json = await encaisse('--company', 'acme', 'audit', 'verify', '--json');
    expect(json.code).toBe(9);
    expect(JSON.parse(json.stdout)).toEqual({
      ok: false,
      companies: [
        {
          company: 'acme',
          ok: false,
          events: 1,
          broken: {
            kind: 'altered',
            part: 'content',
            seq: 1,
            message:
              'event 1 was changed after it was recorded: its fields no longer match its hash',
          },
        },
      ],
    });
    // In French, the verdict and the JSON's `message` (for people); `kind` and `seq` stay.
    const changed =
      "l'événement 1 a été modifié après son enregistrement : ses champs ne correspondent plus à son hachage";
    const french = await encaisse('--lang', 'fr', '--company', 'acme', 'audit', 'verify');
    expect(french.stdout).toBe(`acme : chaîne ROMPUE à l'événement 1 : ${changed}\n`);
    expect(french.stderr).toBe("erreur : La piste d'audit de acme est rompue\n");
    const frenchJson = await encaisse(
      '--lang',
      'fr',
      '--company',
      'acme',
      'audit',
      'verify',
      '--json',
    );
    expect(JSON.parse(frenchJson.stdout)).toMatchObject({
      companies: [{ broken: { kind: 'altered', seq: 1, message: changed } }],
    });
    expect((await encaisse('--company', 'nope', 'audit', 'verify')).code).toBe(4);
    // Each command boots the embedded database: give the dozen of them time on a busy machine.
  }, 300_000);
});
