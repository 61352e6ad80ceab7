import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeps, type Deps } from '../../../src/app/deps.ts';
import { customerDirectory } from '../../../src/customers/directory.ts';
import { login } from '../../../src/auth/service.ts';
import {
  createPasswordAttempts,
  DEFAULT_PASSWORD_ATTEMPT_LIMITS,
} from '../../../src/auth/password-attempts.ts';
import type { Company } from '../../../src/companies/model.ts';
import { LOCK_FILE_NAME } from '../../../src/db/data-dir-lock.ts';
import { openDatabase, type DbHandle } from '../../../src/db/client.ts';
import { migrate } from '../../../src/db/migrate.ts';
import { fixedClock } from '../../../src/shared/clock.ts';
import { describeTestDatabase, openTestDatabase, TEST_NOW } from '../../db.ts';
import { makeCompany, makeCustomer, makeUser } from '../../factories.ts';

/**
 * Issue 6: a second process on the embedded database once wrote rows the server
 * never saw, lost events and broke unique keys. These run real processes.
 */

const BIN = join(import.meta.dirname, '../../../bin/encaisse.js');
const OLD_PASSWORD = 'correct horse battery staple';
const NEW_PASSWORD = 'a brand new passphrase';
const kind = describeTestDatabase();

type Result = { code: number | null; stdout: string; stderr: string };

const childEnv = {
  ...process.env,
  DATABASE_URL: '',
  ENCAISSE_NOW: TEST_NOW.toISOString(),
  ENCAISSE_LANG: 'en',
  LOG_LEVEL: 'warn',
};

/** Runs `encaisse --db DB ARGS…` to its end, feeding `input` on standard input. */
function encaisse(db: string, args: readonly string[], input = ''): Promise<Result> {
  const child = spawn(process.execPath, [BIN, '--db', db, ...args], { env: childEnv });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(input);
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

type Server = { process: ChildProcess; url: string; exited: Promise<number | null> };

/** `encaisse serve` on a free port, once it answers `/api/openapi.json`. */
async function startServer(db: string): Promise<Server> {
  const child = spawn(process.execPath, [BIN, '--db', db, 'serve', '--port', '0'], {
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const address = /running on (http:\/\/\S+)/.exec(stdout)?.[1];
      if (address) {
        resolve(address);
      }
    });
    void exited.then((code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
  });
  expect((await fetch(`${url}/api/openapi.json`)).status).toBe(200);
  return { process: child, url, exited };
}

async function signIn(url: string, email: string, password: string) {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const body = (await response.json()) as { csrfToken?: string };
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { status: response.status, cookie, csrf: body.csrfToken ?? '' };
}

async function listCustomerCodes(url: string, cookie: string): Promise<string[]> {
  const response = await fetch(`${url}/api/customers?sort=code`, { headers: { cookie } });
  const page = (await response.json()) as { items: { code: string }[] };
  return page.items.map((item) => item.code);
}

/** What is stored for the company: its customers and the ids `customer.created` events name. */
async function storedCustomers(handle: DbHandle, companyId: string) {
  const customers = await handle.db
    .selectFrom('customer')
    .select(['id', 'code', 'legal_name'])
    .where('company_id', '=', companyId)
    .orderBy('code')
    .execute();
  const created = await handle.db
    .selectFrom('event')
    .select('entity_id')
    .where('company_id', '=', companyId)
    .where('action', '=', 'customer.created')
    .orderBy('entity_id')
    .execute();
  return { customers, createdEventIds: created.map((event) => event.entity_id) };
}

/** A company with one admin and one customer, C1, written by this process. */
async function seed(deps: Deps): Promise<{ company: Company; email: string }> {
  const { company, ctx } = await makeCompany(deps);
  const admin = await makeUser(deps, ctx, 'admin', OLD_PASSWORD);
  await makeCustomer(deps, ctx, { code: 'C1', legalName: 'Boulangerie Martin SARL' });
  return { company, email: admin.email };
}

let workDir: string;
let customersFile: string;

beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), 'encaisse-one-process-'));
  // C1 renamed, C2 new: either would show if the refused import had written anything.
  customersFile = join(workDir, 'customers.csv');
  writeFileSync(
    customersFile,
    'code,name\nC1,Boulangerie Martin et Fils SARL\nC2,Garage Dupuis\n',
    'utf8',
  );
});
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe.runIf(kind === 'pglite')('the embedded database belongs to one process', () => {
  let dataDir: string;
  let company: Company;
  let email: string;

  beforeAll(async () => {
    dataDir = join(workDir, 'data');
    const handle = await openDatabase(dataDir);
    await migrate(handle);
    ({ company, email } = await seed(
      createDeps(handle.db, { customers: customerDirectory, clock: fixedClock(TEST_NOW) }),
    ));
    await handle.close();
  });

  it('refuses a second process beside the server, which loses nothing', async () => {
    const server = await startServer(dataDir);
    const serverPid = server.process.pid ?? 0;
    try {
      const imported = await encaisse(dataDir, ['import', 'customers', customersFile]);
      expect(imported.code).toBe(8);
      expect(imported.stdout).toBe('');
      expect(imported.stderr).toContain(`in use by process ${serverPid} on `);
      expect(imported.stderr).toContain(' serve --port 0');
      expect(imported.stderr).toContain(
        'stop that process first, or make the change through the web UI or the API of the running server',
      );
      expect(imported.stderr).toContain('use PostgreSQL (--db postgres://…)');

      const changed = await encaisse(
        dataDir,
        ['users', 'set-password', email, '--stdin'],
        `${NEW_PASSWORD}\n`,
      );
      expect(changed.code).toBe(8);
      expect(changed.stdout).toBe('');
      expect(changed.stderr).toContain(`in use by process ${serverPid} on `);

      // Reading is refused too: the second process never opens the directory.
      expect((await encaisse(dataDir, ['customers', 'list', '--json'])).code).toBe(8);

      // The server carries on: the old password signs in, and a customer it creates keeps its event.
      expect((await signIn(server.url, email, NEW_PASSWORD)).status).toBe(401);
      const session = await signIn(server.url, email, OLD_PASSWORD);
      expect(session.status).toBe(200);
      const created = await fetch(`${server.url}/api/customers`, {
        method: 'POST',
        headers: {
          cookie: session.cookie,
          'x-csrf-token': session.csrf,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ code: 'C3', legalName: 'Créé par le serveur' }),
      });
      expect(created.status).toBe(201);
      expect(await listCustomerCodes(server.url, session.cookie)).toEqual(['C1', 'C3']);
    } finally {
      server.process.kill('SIGTERM');
    }
    expect(await server.exited).toBe(0);
    expect(existsSync(join(dataDir, LOCK_FILE_NAME))).toBe(false);

    const handle = await openDatabase(dataDir);
    try {
      expect((await migrate(handle)).applied).toEqual([]);
      const stored = await storedCustomers(handle, company.id);
      expect(stored.customers.map(({ code, legal_name }) => [code, legal_name])).toEqual([
        ['C1', 'Boulangerie Martin SARL'],
        ['C3', 'Créé par le serveur'],
      ]);
      expect(stored.createdEventIds).toEqual(stored.customers.map((c) => c.id).sort());
      const deps = createDeps(handle.db, {
        customers: customerDirectory,
        clock: fixedClock(TEST_NOW),
      });
      const attempts = createPasswordAttempts(DEFAULT_PASSWORD_ATTEMPT_LIMITS);
      await expect(
        login(deps, attempts, { email, password: NEW_PASSWORD, address: '127.0.0.1' }),
      ).rejects.toThrow('E-mail or password is wrong');
      await expect(
        login(deps, attempts, { email, password: OLD_PASSWORD, address: '127.0.0.1' }),
      ).resolves.toMatchObject({
        user: { email, companyId: company.id },
      });
    } finally {
      await handle.close();
    }
  });

  it('takes over the lock a killed server left, and the data is intact', async () => {
    const server = await startServer(dataDir);
    server.process.kill('SIGKILL');
    await server.exited;
    const left = JSON.parse(readFileSync(join(dataDir, LOCK_FILE_NAME), 'utf8')) as {
      pid: number;
    };
    expect(left.pid).toBe(server.process.pid);

    const listed = await encaisse(dataDir, ['customers', 'list', '--json']);
    expect(listed.stderr).toBe('');
    expect(listed.code).toBe(0);
    const page = JSON.parse(listed.stdout) as { total: number; items: { code: string }[] };
    expect(page.items.map((item) => item.code).sort()).toEqual(['C1', 'C3']);
    expect(existsSync(join(dataDir, LOCK_FILE_NAME))).toBe(false);
  });
});

describe.runIf(kind === 'postgres')('PostgreSQL serves several processes at once', () => {
  let handle: DbHandle;
  let email: string;

  beforeAll(async () => {
    // The lock is the embedded database's alone: here the CLI works beside the server.
    handle = await openTestDatabase();
    ({ email } = await seed(
      createDeps(handle.db, { customers: customerDirectory, clock: fixedClock(TEST_NOW) }),
    ));
  });
  afterAll(async () => handle.close());

  it('lets the CLI import and change a password while the server runs, and the server sees both', async () => {
    const server = await startServer(handle.location);
    try {
      const imported = await encaisse(handle.location, ['import', 'customers', customersFile]);
      expect(imported.stderr).toBe('');
      expect(imported.code).toBe(0);
      const changed = await encaisse(
        handle.location,
        ['users', 'set-password', email, '--stdin'],
        `${NEW_PASSWORD}\n`,
      );
      expect(changed.code).toBe(0);

      expect((await signIn(server.url, email, OLD_PASSWORD)).status).toBe(401);
      const session = await signIn(server.url, email, NEW_PASSWORD);
      expect(session.status).toBe(200);
      expect(await listCustomerCodes(server.url, session.cookie)).toEqual(['C1', 'C2']);
    } finally {
      server.process.kill('SIGTERM');
    }
    expect(await server.exited).toBe(0);
  });
});
