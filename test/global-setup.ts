import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { Client } from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import {
  TEMPLATE_DATABASE,
  pgliteTemplatePath,
  testDatabaseUrl,
  withDatabase,
} from './db-names.ts';

/**
 * Migrates once per run; each test file then copies the result (HOUSE_STYLE §7):
 * a PGlite data-dir dump, or a PostgreSQL template database.
 */
export async function setup(project: TestProject): Promise<() => Promise<void>> {
  const serverUrl = testDatabaseUrl();
  if (serverUrl === undefined) {
    const handle = await openDatabase('memory://');
    await migrate(handle);
    if (handle.raw.kind !== 'pglite') {
      throw new Error('expected PGlite');
    }
    const dump = await handle.raw.pglite.dumpDataDir('none');
    mkdirSync('.tmp', { recursive: true });
    const path = pgliteTemplatePath(project.name);
    writeFileSync(path, Buffer.from(await dump.arrayBuffer()));
    await handle.close();
    project.provide('dbTemplate', { kind: 'pglite', path });
    return async () => rmSync(path, { force: true });
  }
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  // One template per run: two checkouts testing at once on one server must not drop each other's.
  const template = `${TEMPLATE_DATABASE}_${project.name}_${process.pid}`;
  await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${template}`);
  await admin.end();
  const handle = await openDatabase(withDatabase(serverUrl, template));
  await migrate(handle);
  await handle.close();
  project.provide('dbTemplate', { kind: 'postgres', url: serverUrl, template });
  return async () => {
    const cleanup = new Client({ connectionString: serverUrl });
    await cleanup.connect();
    await cleanup.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await cleanup.end();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    dbTemplate:
      | { kind: 'pglite'; path: string }
      | { kind: 'postgres'; url: string; template: string };
  }
}
