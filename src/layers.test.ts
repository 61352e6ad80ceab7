/**
 * The folders of src/ stand in layers, and a folder imports only from the layers
 * below its own: no two folders depend on each other (no cycle), and a capability's
 * tables stay behind its own service (no folder imports another's store, and its SQL
 * names only its own tables).
 * docs/architecture.md draws the same layers.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = dirname(fileURLToPath(import.meta.url));

/** Lowest first. Folders of one layer do not import each other. */
const LAYERS: readonly (readonly string[])[] = [
  ['shared'],
  ['db'],
  ['app'],
  ['exports'],
  ['http'],
  ['audit'],
  // The outbox and the jobs (ADR 21): below every capability that queues messages or runs.
  ['jobs'],
  ['companies'],
  ['auth'],
  // Links that open one dispute to a department, or its account to a customer (issue 10).
  ['access'],
  ['ledger'],
  ['customers'],
  // Credit management (issue 12): limits, exposure, orders, holds, screening; reads the
  // customers' accounts and the ledger's kept balances. Dunning's hold step goes through it.
  ['credit'],
  ['imports'],
  // Bank statements, read by the imports' readers, and the cash they pay into the ledger.
  ['bank'],
  // Disputes routed to the departments, and the customers' payment promises: dunning holds
  // back what they cover.
  ['disputes', 'promises'],
  // Dunning reads the ledger's balances and the customers, and writes to the outbox.
  ['dunning'],
  // The customer's portal: its account, its approvals, its problems and promises (issue 10).
  ['portal'],
  // The reports' pure figures (issue 11): aged balance, DSO, payer profiles, forecast.
  ['reports'],
  ['demo'],
  ['server'],
  ['cli'],
];

/** Which capability owns each table: only its folder's SQL names it. */
const TABLE_OWNERS: Readonly<Record<string, string>> = {
  schema_migration: 'db',
  company: 'companies',
  app_user: 'auth',
  user_session: 'auth',
  api_token: 'auth',
  event: 'audit',
  event_chain_head: 'audit',
  customer: 'customers',
  customer_contact: 'customers',
  invoice: 'ledger',
  payment: 'ledger',
  allocation: 'ledger',
  customer_open_balance: 'ledger',
  credit_limit: 'credit',
  credit_setting: 'credit',
  credit_exception: 'credit',
  credit_alert: 'credit',
  credit_hold: 'credit',
  sales_order: 'credit',
  risk_score: 'credit',
  solvency_screen: 'credit',
  sales_order_invoice: 'credit',
  evidence_document: 'credit',
  bank_account: 'bank',
  bank_statement: 'bank',
  bank_line: 'bank',
  bank_line_match: 'bank',
  payer_account: 'bank',
  cash_application_setting: 'bank',
  outbox_message: 'jobs',
  job: 'jobs',
  mail_setting: 'jobs',
  sms_setting: 'jobs',
  dispute: 'disputes',
  dispute_invoice: 'disputes',
  dispute_comment: 'disputes',
  dispute_attachment: 'disputes',
  dispute_cause: 'disputes',
  dispute_counter: 'disputes',
  department: 'disputes',
  access_link: 'access',
  invoice_approval: 'portal',
  invoice_document: 'portal',
  company_bank_details: 'companies',
  payment_promise: 'promises',
  payment_promise_invoice: 'promises',
  dunning_scenario: 'dunning',
  dunning_template: 'dunning',
  dunning_policy: 'dunning',
  customer_dunning: 'dunning',
  dunning_run: 'dunning',
  dunning_action: 'dunning',
  dunning_action_invoice: 'dunning',
  invoice_dunning: 'dunning',
  penalty_rate: 'dunning',
};

type Import = { from: string; to: string };

/** The tables each source file's SQL names: Kysely builders, SQL keywords, COPY targets. */
function tableReads(): string[] {
  const pattern =
    /(?:selectFrom|updateTable|insertInto|deleteFrom|copy)\(\s*'([a-z_]+)'|\b(?:FROM|JOIN|UPDATE|INTO)\s+([a-z_]+)\b/g;
  return sourceFiles(SRC).flatMap((file) => {
    const tables = new Set(
      [...readFileSync(file, 'utf8').matchAll(pattern)]
        .map((match) => match[1] ?? match[2] ?? '')
        .filter((name) => name in TABLE_OWNERS),
    );
    const path = relative(SRC, file);
    return [...tables]
      .filter((table) => TABLE_OWNERS[table] !== folderOf(path))
      .map((table) => `${path} reads ${table}`);
  });
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      return sourceFiles(path);
    }
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Every relative import of the source files, static or dynamic, as paths under src/. */
function imports(): Import[] {
  return sourceFiles(SRC).flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    const specifiers = [...text.matchAll(/(?:from|import\()\s*'(\.{1,2}\/[^']+)'/g)].map(
      (match) => match[1] ?? '',
    );
    return specifiers.map((specifier) => ({
      from: relative(SRC, file),
      to: relative(SRC, normalize(join(dirname(file), specifier))),
    }));
  });
}

const folderOf = (path: string) => path.split('/')[0] ?? '';
const layerOf = (folder: string) => LAYERS.findIndex((layer) => layer.includes(folder));

describe('the layers of src/', () => {
  const all = imports();

  it('places every folder in a layer', () => {
    const folders = new Set(all.flatMap((edge) => [folderOf(edge.from), folderOf(edge.to)]));
    const unplaced = [...folders].filter(
      (folder) => !folder.endsWith('.ts') && layerOf(folder) < 0,
    );
    expect(unplaced).toEqual([]);
  });

  it('imports only from the layers below', () => {
    const upward = all
      .filter((edge) => folderOf(edge.from) !== folderOf(edge.to))
      .filter((edge) => layerOf(folderOf(edge.to)) >= layerOf(folderOf(edge.from)))
      .map((edge) => `${edge.from} -> ${edge.to}`);
    expect(upward).toEqual([]);
  });

  it("names in its SQL only its own folder's tables", () => {
    // A capability below another asks it through a port instead (ADR 19: the ledger's
    // lists name their customers through `CustomerDirectory`).
    expect(tableReads()).toEqual([]);
  });

  it("never imports another folder's store", () => {
    const intoStores = all
      .filter((edge) => folderOf(edge.from) !== folderOf(edge.to))
      .filter((edge) => /(^|\/)store\.ts$/.test(edge.to))
      .map((edge) => `${edge.from} -> ${edge.to}`);
    expect(intoStores).toEqual([]);
  });
});
