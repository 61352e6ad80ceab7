/** Where the test suite finds its databases (shared by global setup and each file). */
export const TEMPLATE_DATABASE = 'encaisse_template';

/** The PostgreSQL server to test against, when `DATABASE_URL` (or `TEST_DATABASE_URL`) names one. */
export function testDatabaseUrl(): string | undefined {
  const url = process.env['TEST_DATABASE_URL'] ?? process.env['DATABASE_URL'];
  return url !== undefined && url !== '' ? url : undefined;
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export function pgliteTemplatePath(projectName: string): string {
  return `.tmp/pglite-template-${projectName}-${process.pid}.tar`;
}
