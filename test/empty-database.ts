import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { inject } from 'vitest';
import { withDatabase } from './db-names.ts';

/**
 * A brand-new, unmigrated database of its own, for what must migrate it itself (the
 * CLI) or step by step (an upgrade): a PGlite folder or a PostgreSQL database.
 */
export async function emptyDatabase(): Promise<{ location: string; drop: () => Promise<void> }> {
  const template = inject('dbTemplate');
  if (template.kind === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'encaisse-empty-'));
    return { location: dir, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `encaisse_empty_${randomBytes(5).toString('hex')}`;
  const admin = new Client({ connectionString: template.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return {
    location: withDatabase(template.url, name),
    drop: async () => {
      const client = new Client({ connectionString: template.url });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
