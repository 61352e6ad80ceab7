/**
 * The SQL of access links (table `access_link`, migration 202612040200). Every statement
 * filters on the company, but the look-up by token hash: a link's holder is known by its
 * token alone, as sessions and API tokens are (src/auth/store.ts).
 */
import {
  sql,
  type Expression,
  type ExpressionBuilder,
  type Selectable,
  type SqlBool,
} from 'kysely';
import { chunksOf, unnestRows } from '../db/array-parameters.ts';
import type { Queryable } from '../db/client.ts';
import type { Database } from '../db/schema.ts';
import type { AccessLink, AccessLinkAudience } from './model.ts';
import { accessDb, type AccessLinkTable, type AccessTables } from './tables.ts';

const LINK_COLUMNS = [
  'company_id',
  'id',
  'audience',
  'dispute_id',
  'customer_id',
  'recipient_name',
  'recipient_email',
  'message_id',
  'created_by_name',
  'created_at',
  'expires_at',
  'revoked_at',
  'last_used_at',
] as const;

type LinkRow = Pick<Selectable<AccessLinkTable>, (typeof LINK_COLUMNS)[number]>;

function toAccessLink(row: LinkRow): AccessLink {
  return {
    companyId: row.company_id,
    id: row.id,
    // The table's check admits only these two.
    audience: row.audience as AccessLinkAudience,
    disputeId: row.dispute_id,
    // Both audiences have one (the table's check).
    customerId: row.customer_id as string,
    recipientName: row.recipient_name,
    recipientEmail: row.recipient_email,
    messageId: row.message_id,
    createdByName: row.created_by_name,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    lastUsedAt: row.last_used_at,
  };
}

/** A link as `unnest` carries it: one array parameter per column. */
const INSERTED_COLUMNS = {
  company_id: 'uuid',
  id: 'uuid',
  token_hash: 'text',
  audience: 'text',
  dispute_id: 'uuid',
  customer_id: 'uuid',
  recipient_name: 'text',
  recipient_email: 'text',
  message_id: 'uuid',
  created_by_name: 'text',
  created_at: 'timestamptz',
  expires_at: 'timestamptz',
} as const;

/**
 * Inserts `links` (new: neither used nor revoked), in one `INSERT … SELECT … FROM unnest(…)`
 * per `ROWS_PER_STATEMENT` links, never one per link (a daily run makes one per reminder).
 */
export async function insertAccessLinks(
  q: Queryable,
  links: readonly (AccessLink & { tokenHash: string })[],
): Promise<void> {
  for (const chunk of chunksOf(links)) {
    const rows = chunk.map((link) => ({
      company_id: link.companyId,
      id: link.id,
      token_hash: link.tokenHash,
      audience: link.audience,
      dispute_id: link.disputeId,
      customer_id: link.customerId,
      recipient_name: link.recipientName,
      recipient_email: link.recipientEmail,
      message_id: link.messageId,
      created_by_name: link.createdByName,
      created_at: link.createdAt,
      expires_at: link.expiresAt,
    }));
    await sql`INSERT INTO access_link (company_id, id, token_hash, audience, dispute_id,
        customer_id, recipient_name, recipient_email, message_id, created_by_name, created_at,
        expires_at)
      SELECT * FROM ${unnestRows('l', INSERTED_COLUMNS, rows)}`.execute(q);
  }
}

/** Looks a link up by the hash of its token (the token itself is never stored). */
export async function findAccessLinkByHash(
  q: Queryable,
  tokenHash: string,
): Promise<AccessLink | undefined> {
  const row = await accessDb(q)
    .selectFrom('access_link')
    .select(LINK_COLUMNS)
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  return row && toAccessLink(row);
}

/** Which links of the company a list or a revocation is about (all given ones must match). */
export type AccessLinkFilter = {
  audience?: AccessLinkAudience | undefined;
  customerId?: string | undefined;
  disputeId?: string | undefined;
  linkId?: string | undefined;
};

/** The condition a row of the company meets when it matches `filter`. */
function matching(
  eb: ExpressionBuilder<Database & AccessTables, 'access_link'>,
  companyId: string,
  filter: AccessLinkFilter,
): Expression<SqlBool> {
  const conditions = [eb('company_id', '=', companyId)];
  if (filter.audience !== undefined) {
    conditions.push(eb('audience', '=', filter.audience));
  }
  if (filter.customerId !== undefined) {
    conditions.push(eb('customer_id', '=', filter.customerId));
  }
  if (filter.disputeId !== undefined) {
    conditions.push(eb('dispute_id', '=', filter.disputeId));
  }
  if (filter.linkId !== undefined) {
    conditions.push(eb('id', '=', filter.linkId));
  }
  return eb.and(conditions);
}

/** The company's links matching `filter`, newest first (ids are time-ordered). */
export async function listAccessLinkRows(
  q: Queryable,
  companyId: string,
  filter: AccessLinkFilter,
): Promise<AccessLink[]> {
  const rows = await accessDb(q)
    .selectFrom('access_link')
    .select(LINK_COLUMNS)
    .where((eb) => matching(eb, companyId, filter))
    .orderBy('id', 'desc')
    .execute();
  return rows.map(toAccessLink);
}

/**
 * Revokes, at `revokedAt`, the company's links matching `filter` that are not revoked yet,
 * in one statement; the links it revoked, newest first.
 */
export async function revokeAccessLinkRows(
  q: Queryable,
  companyId: string,
  filter: AccessLinkFilter,
  revokedAt: Date,
): Promise<AccessLink[]> {
  const rows = await accessDb(q)
    .updateTable('access_link')
    .set({ revoked_at: revokedAt })
    .where((eb) => eb.and([matching(eb, companyId, filter), eb('revoked_at', 'is', null)]))
    .returning(LINK_COLUMNS)
    .execute();
  return rows.map(toAccessLink).sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

/** Ties each link to the e-mail that carried it, in one statement whatever their number. */
export async function updateAccessLinkMessages(
  q: Queryable,
  companyId: string,
  pairs: readonly { linkId: string; messageId: string }[],
): Promise<void> {
  if (pairs.length === 0) {
    return;
  }
  const rows = pairs.map((pair) => ({ link_id: pair.linkId, message_id: pair.messageId }));
  await sql`UPDATE access_link SET message_id = m.message_id
    FROM ${unnestRows('m', { link_id: 'uuid', message_id: 'uuid' }, rows)}
    WHERE access_link.company_id = ${companyId}::uuid AND access_link.id = m.link_id`.execute(q);
}

/**
 * Records a use of a link unless one was recorded since `staleBefore`: of concurrent
 * requests, one writes and the others change nothing.
 */
export async function recordAccessLinkUse(
  q: Queryable,
  link: Pick<AccessLink, 'companyId' | 'id'>,
  usedAt: Date,
  staleBefore: Date,
): Promise<void> {
  await accessDb(q)
    .updateTable('access_link')
    .set({ last_used_at: usedAt })
    .where('company_id', '=', link.companyId)
    .where('id', '=', link.id)
    .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<=', staleBefore)]))
    .execute();
}
