/**
 * The disputes' SQL (tables `dispute`, `dispute_invoice`, `dispute_counter`, migration
 * 202612040100). Every statement filters on the company and is one statement whatever the
 * number of ids (`anyOf`). Causes and departments: `store-configuration.ts`.
 */
import { sql, type Selectable } from 'kysely';
import { anyOf, arrayParameter } from '../db/array-parameters.ts';
import type { Queryable } from '../db/client.ts';
import type { CalendarDate } from '../shared/calendar-date.ts';
import { cents, type Cents } from '../shared/money.ts';
import {
  isSystemCommentCode,
  type AuthorKind,
  type CreditNoteState,
  type DecidedOutcome,
  type Dispute,
  type DisputeActor,
  type DisputedInvoice,
  type DisputeOutcome,
  type DisputeSource,
  type DisputeStatus,
  type SystemCommentCode,
} from './model.ts';
import {
  disputesDb,
  type DisputeAttachmentTable,
  type DisputeCommentTable,
  type DisputeInvoiceTable,
  type DisputeTable,
} from './tables.ts';

type DisputeRow = Selectable<DisputeTable>;
type DisputeInvoiceRow = Selectable<DisputeInvoiceTable>;

function actorOf(id: string | null, name: string | null): DisputeActor {
  return { id, name };
}

function toDispute(row: DisputeRow, invoices: DisputedInvoice[]): Dispute {
  return {
    id: row.id,
    reference: row.reference,
    customerId: row.customer_id,
    cause: row.cause,
    description: row.description,
    amountCents: cents(row.amount_cents),
    currency: row.currency,
    invoices,
    departmentId: row.department_id,
    assignee: { name: row.assignee_name, email: row.assignee_email },
    deadline: row.deadline as CalendarDate,
    status: row.status as DisputeStatus,
    outcome: row.outcome as DisputeOutcome | null,
    creditNote: row.credit_note as CreditNoteState | null,
    source: row.source as DisputeSource,
    salesRep: row.sales_rep,
    raisedOn: row.raised_on as CalendarDate,
    raisedBy: actorOf(row.raised_by, row.raised_by_name),
    resolvedOn: row.resolved_on as CalendarDate | null,
    resolvedBy: row.resolved_on === null ? null : actorOf(row.resolved_by, row.resolved_by_name),
    resolutionNote: row.resolution_note,
    remindedOn: row.reminded_on as CalendarDate | null,
    escalatedOn: row.escalated_on as CalendarDate | null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toDisputedInvoice(
  row: Pick<DisputeInvoiceRow, 'invoice_id' | 'disputed_cents'>,
): DisputedInvoice {
  return {
    invoiceId: row.invoice_id,
    disputedCents: row.disputed_cents === null ? null : cents(row.disputed_cents),
  };
}

/** The invoices of `disputeIds`, by dispute, in one statement. */
async function invoicesOfDisputes(
  q: Queryable,
  companyId: string,
  disputeIds: readonly string[],
): Promise<Map<string, DisputedInvoice[]>> {
  const byDispute = new Map<string, DisputedInvoice[]>();
  if (disputeIds.length === 0) {
    return byDispute;
  }
  const rows = await disputesDb(q)
    .selectFrom('dispute_invoice')
    .select(['dispute_id', 'invoice_id', 'disputed_cents'])
    .where('company_id', '=', companyId)
    .where('dispute_id', '=', anyOf(disputeIds, 'uuid'))
    .orderBy('dispute_id')
    .orderBy('invoice_id')
    .execute();
  for (const row of rows) {
    const list = byDispute.get(row.dispute_id) ?? [];
    list.push(toDisputedInvoice(row));
    byDispute.set(row.dispute_id, list);
  }
  return byDispute;
}

/** The dispute `id` of the company with its invoices, if it has one (one statement). */
export async function findDispute(
  q: Queryable,
  companyId: string,
  id: string,
): Promise<Dispute | undefined> {
  const [dispute] = await listDisputesByIds(q, companyId, [id]);
  return dispute;
}

/**
 * The company's disputes among `ids`, with their invoices, newest first: one statement
 * whatever their number. Unknown ids (or another company's) are left out.
 */
export async function listDisputesByIds(
  q: Queryable,
  companyId: string,
  ids: readonly string[],
): Promise<Dispute[]> {
  const records = await listDisputeRecords(q, companyId, { ids, limit: ids.length });
  return records.map((record) => record.dispute);
}

/** A dispute's department, as the board names it. */
export type DepartmentLabel = { id: string; code: string; name: string };

/** A dispute read for a list or a page: with its department's label. */
export type DisputeRecord = { dispute: Dispute; department: DepartmentLabel | null };

/** What the board filters on (every filter optional; `before`: the previous page's last id). */
export type DisputeFilter = {
  statuses?: readonly string[] | undefined;
  departmentId?: string | undefined;
  cause?: string | undefined;
  customerId?: string | undefined;
  invoiceId?: string | undefined;
  isOpen?: boolean | undefined;
  ids?: readonly string[] | undefined;
  /** `LIT-000123`, as stored. */
  reference?: string | undefined;
  before?: string | undefined;
  limit: number;
};

type InvoiceJson = { invoiceId: string; disputedCents: number | string | null };

/**
 * The company's disputes matching `filter`, newest first (ids are time-ordered), each with
 * its invoices and its department's label: one statement whatever the page size (the
 * invoices come aggregated as JSON, the department joined).
 */
export async function listDisputeRecords(
  q: Queryable,
  companyId: string,
  filter: DisputeFilter,
): Promise<DisputeRecord[]> {
  if (filter.ids?.length === 0 || filter.statuses?.length === 0) {
    return [];
  }
  let query = disputesDb(q)
    .selectFrom('dispute as d')
    .leftJoin('department as dep', (join) =>
      join.onRef('dep.company_id', '=', 'd.company_id').onRef('dep.id', '=', 'd.department_id'),
    )
    .selectAll('d')
    .select([
      'dep.code as department_code',
      'dep.name as department_name',
      sql<InvoiceJson[]>`coalesce((
        SELECT json_agg(json_build_object('invoiceId', di.invoice_id, 'disputedCents', di.disputed_cents)
          ORDER BY di.invoice_id)
        FROM dispute_invoice di
        WHERE di.company_id = d.company_id AND di.dispute_id = d.id), '[]'::json)`.as('invoices'),
    ])
    .where('d.company_id', '=', companyId);
  if (filter.ids !== undefined) {
    query = query.where('d.id', '=', anyOf(filter.ids, 'uuid'));
  }
  if (filter.reference !== undefined) {
    query = query.where('d.reference', '=', filter.reference);
  }
  if (filter.statuses !== undefined) {
    query = query.where('d.status', '=', anyOf(filter.statuses, 'text'));
  }
  if (filter.isOpen !== undefined) {
    query = query.where('d.status', filter.isOpen ? '<>' : '=', 'resolved');
  }
  if (filter.departmentId !== undefined) {
    query = query.where('d.department_id', '=', filter.departmentId);
  }
  if (filter.cause !== undefined) {
    query = query.where('d.cause', '=', filter.cause);
  }
  if (filter.customerId !== undefined) {
    query = query.where('d.customer_id', '=', filter.customerId);
  }
  if (filter.invoiceId !== undefined) {
    const invoiceId = filter.invoiceId;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('dispute_invoice as di')
          .select('di.invoice_id')
          .whereRef('di.company_id', '=', 'd.company_id')
          .whereRef('di.dispute_id', '=', 'd.id')
          .where('di.invoice_id', '=', invoiceId),
      ),
    );
  }
  if (filter.before !== undefined) {
    query = query.where('d.id', '<', filter.before);
  }
  const rows = await query.orderBy('d.id', 'desc').limit(filter.limit).execute();
  return rows.map((row) => {
    const invoices = (
      typeof row.invoices === 'string' ? (JSON.parse(row.invoices) as InvoiceJson[]) : row.invoices
    ).map((invoice) =>
      toDisputedInvoice({
        invoice_id: invoice.invoiceId,
        disputed_cents: invoice.disputedCents === null ? null : Number(invoice.disputedCents),
      }),
    );
    return {
      dispute: toDispute(row, invoices),
      department:
        row.department_id === null || row.department_code === null || row.department_name === null
          ? null
          : { id: row.department_id, code: row.department_code, name: row.department_name },
    };
  });
}

/**
 * The next number of the company's disputes (`LIT-` and it). The counter's row lock, held to
 * the commit, makes two disputes opened at once take their numbers one after the other.
 */
export async function takeDisputeNumber(q: Queryable, companyId: string): Promise<number> {
  const row = await disputesDb(q)
    .insertInto('dispute_counter')
    .values({ company_id: companyId, last_number: 1 })
    .onConflict((conflict) =>
      conflict
        .column('company_id')
        .doUpdateSet({ last_number: sql<number>`dispute_counter.last_number + 1` }),
    )
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return row.last_number;
}

/** A new dispute, as the service has checked it. */
export type NewDispute = Omit<
  Dispute,
  | 'status'
  | 'outcome'
  | 'creditNote'
  | 'resolvedOn'
  | 'resolvedBy'
  | 'resolutionNote'
  | 'remindedOn'
  | 'escalatedOn'
  | 'createdAt'
  | 'updatedAt'
>;

/**
 * Inserts the open dispute `dispute` with its invoices, unless one of them is already in an
 * open dispute: then nothing stays written (its number is given back too) and the answer is
 * the invoices already taken. A second writer at once waits on the first (the counter's
 * lock, then the partial unique key `dispute_invoice_open_key`) and finds the key taken:
 * `ON CONFLICT … DO NOTHING` rather than a unique violation, so the caller's transaction
 * stays usable (the agenda says so and goes on).
 */
export async function insertOpenDispute(
  q: Queryable,
  companyId: string,
  dispute: NewDispute,
  number: number,
  now: Date,
): Promise<{ dispute: Dispute; taken: [] } | { dispute: undefined; taken: string[] }> {
  const db = disputesDb(q);
  const row = await db
    .insertInto('dispute')
    .values({
      company_id: companyId,
      id: dispute.id,
      reference: dispute.reference,
      customer_id: dispute.customerId,
      cause: dispute.cause,
      description: dispute.description,
      amount_cents: dispute.amountCents,
      currency: dispute.currency,
      department_id: dispute.departmentId,
      assignee_name: dispute.assignee.name,
      assignee_email: dispute.assignee.email,
      deadline: dispute.deadline,
      source: dispute.source,
      sales_rep: dispute.salesRep,
      raised_on: dispute.raisedOn,
      raised_by: dispute.raisedBy.id,
      raised_by_name: dispute.raisedBy.name,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const inserted = await db
    .insertInto('dispute_invoice')
    .columns(['company_id', 'dispute_id', 'invoice_id', 'customer_id', 'disputed_cents'])
    .expression(
      sql`SELECT ${companyId}::uuid, ${dispute.id}::uuid, i.invoice_id, ${dispute.customerId}::uuid, i.disputed_cents
        FROM unnest(${arrayParameter(
          dispute.invoices.map((invoice) => invoice.invoiceId),
          'uuid',
        )}, ${arrayParameter(
          dispute.invoices.map((invoice) => invoice.disputedCents),
          'bigint',
        )}) AS i(invoice_id, disputed_cents)`,
    )
    .onConflict((conflict) =>
      conflict.columns(['company_id', 'invoice_id']).where('is_open', '=', true).doNothing(),
    )
    .returning('invoice_id')
    .execute();
  if (inserted.length === dispute.invoices.length) {
    return { dispute: toDispute(row, dispute.invoices), taken: [] };
  }
  const kept = new Set(inserted.map((invoice) => invoice.invoice_id));
  // Undone in this transaction, which holds the counter's lock: no one took a number since.
  await db
    .deleteFrom('dispute_invoice')
    .where('company_id', '=', companyId)
    .where('dispute_id', '=', dispute.id)
    .execute();
  await db
    .deleteFrom('dispute')
    .where('company_id', '=', companyId)
    .where('id', '=', dispute.id)
    .execute();
  await db
    .updateTable('dispute_counter')
    .set({ last_number: number - 1 })
    .where('company_id', '=', companyId)
    .where('last_number', '=', number)
    .execute();
  return {
    dispute: undefined,
    taken: dispute.invoices.map((invoice) => invoice.invoiceId).filter((id) => !kept.has(id)),
  };
}

/** What a change of a dispute may set (absent: left as it is). */
export type DisputePatch = {
  status?: DisputeStatus;
  departmentId?: string | null;
  assignee?: { name: string | null; email: string | null };
  deadline?: CalendarDate;
  cause?: string;
  description?: string | null;
};

/**
 * Applies `patch` to the dispute `id` unless it is resolved, and returns the dispute as it
 * is now; `undefined` when it is resolved (or unknown). One statement: a change and a
 * resolution at once are ordered by the row's lock.
 */
export async function updateOpenDispute(
  q: Queryable,
  companyId: string,
  id: string,
  patch: DisputePatch,
  now: Date,
): Promise<Dispute | undefined> {
  const row = await disputesDb(q)
    .updateTable('dispute')
    .set({
      ...(patch.status === undefined ? {} : { status: patch.status }),
      ...(patch.departmentId === undefined ? {} : { department_id: patch.departmentId }),
      ...(patch.assignee === undefined
        ? {}
        : { assignee_name: patch.assignee.name, assignee_email: patch.assignee.email }),
      ...(patch.deadline === undefined ? {} : { deadline: patch.deadline }),
      ...(patch.cause === undefined ? {} : { cause: patch.cause }),
      ...(patch.description === undefined ? {} : { description: patch.description }),
      updated_at: now,
    })
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .where('status', '<>', 'resolved')
    .returningAll()
    .executeTakeFirst();
  if (row === undefined) {
    return undefined;
  }
  return toDispute(row, (await invoicesOfDisputes(q, companyId, [id])).get(id) ?? []);
}

/** How one dispute is resolved. */
export type DisputeResolution = {
  disputeId: string;
  outcome: DisputeOutcome;
  creditNote: CreditNoteState | null;
  resolvedOn: CalendarDate;
  resolvedBy: DisputeActor;
  note: string | null;
};

/**
 * Resolves the disputes of `resolutions` that are still open, and frees their invoices
 * (`is_open = false`: a new dispute may be opened on them, the run no longer holds them
 * back). Two statements whatever their number (one array parameter per column). Returns the
 * ids of the disputes resolved now: one already resolved (by a second resolver at once, who
 * waited for the first's row lock) is left out.
 */
export async function resolveOpenDisputes(
  q: Queryable,
  companyId: string,
  resolutions: readonly DisputeResolution[],
  now: Date,
): Promise<Set<string>> {
  if (resolutions.length === 0) {
    return new Set();
  }
  const column = (
    pick: (resolution: DisputeResolution) => string | null,
    type: 'uuid' | 'text' | 'date',
  ) => arrayParameter(resolutions.map(pick), type);
  const { rows } = await sql<{ id: string }>`
    UPDATE dispute AS d SET
      status = 'resolved', outcome = r.outcome, credit_note = r.credit_note,
      resolved_on = r.resolved_on, resolved_by = r.resolved_by, resolved_by_name = r.resolved_by_name,
      resolution_note = r.note, updated_at = ${now}
    FROM unnest(
      ${column((r) => r.disputeId, 'uuid')}, ${column((r) => r.outcome, 'text')},
      ${column((r) => r.creditNote, 'text')}, ${column((r) => r.resolvedOn, 'date')},
      ${column((r) => r.resolvedBy.id, 'uuid')}, ${column((r) => r.resolvedBy.name, 'text')},
      ${column((r) => r.note, 'text')}
    ) AS r(id, outcome, credit_note, resolved_on, resolved_by, resolved_by_name, note)
    WHERE d.company_id = ${companyId} AND d.id = r.id AND d.status <> 'resolved'
    RETURNING d.id`.execute(q);
  const resolved = rows.map((row) => row.id);
  if (resolved.length > 0) {
    await disputesDb(q)
      .updateTable('dispute_invoice')
      .set({ is_open: false })
      .where('company_id', '=', companyId)
      .where('dispute_id', '=', anyOf(resolved, 'uuid'))
      .execute();
  }
  return new Set(resolved);
}

/**
 * The part of each of `invoiceIds` an open dispute holds back: the disputed part, or null
 * for all that is open. One statement whatever their number, on the partial unique index of
 * the open disputes' invoices. An invoice under no open dispute is absent.
 */
export async function findHeldBackParts(
  q: Queryable,
  companyId: string,
  invoiceIds: readonly string[],
): Promise<Map<string, Cents | null>> {
  if (invoiceIds.length === 0) {
    return new Map();
  }
  const rows = await disputesDb(q)
    .selectFrom('dispute_invoice')
    .select(['invoice_id', 'disputed_cents'])
    .where('company_id', '=', companyId)
    .where('invoice_id', '=', anyOf(invoiceIds, 'uuid'))
    .where('is_open', '=', true)
    .execute();
  return new Map(
    rows.map((row) => [
      row.invoice_id,
      row.disputed_cents === null ? null : cents(row.disputed_cents),
    ]),
  );
}

/** An open dispute's invoice, as closing by itself reads it. */
export type OpenDisputeInvoice = {
  disputeId: string;
  reference: string;
  customerId: string;
  raisedOn: CalendarDate;
  invoiceId: string;
};

/** Every invoice of the company's open disputes, by dispute: one statement. */
export async function listOpenDisputeInvoices(
  q: Queryable,
  companyId: string,
): Promise<OpenDisputeInvoice[]> {
  const rows = await disputesDb(q)
    .selectFrom('dispute_invoice as di')
    .innerJoin('dispute as d', (join) =>
      join.onRef('d.company_id', '=', 'di.company_id').onRef('d.id', '=', 'di.dispute_id'),
    )
    .select(['d.id', 'd.reference', 'd.customer_id', 'd.raised_on', 'di.invoice_id'])
    .where('di.company_id', '=', companyId)
    .where('di.is_open', '=', true)
    .orderBy('d.id')
    .execute();
  return rows.map((row) => ({
    disputeId: row.id,
    reference: row.reference,
    customerId: row.customer_id,
    raisedOn: row.raised_on as CalendarDate,
    invoiceId: row.invoice_id,
  }));
}

/**
 * A comment the system writes in disputes' threads (closing by itself): its code, worded
 * when read, and its French words in `body` for what reads the column as it is (exports).
 */
export type SystemComment = {
  id: string;
  disputeId: string;
  code: SystemCommentCode;
  body: string;
};

/** Writes `comments` by the system, in one statement whatever their number. */
export async function insertSystemComments(
  q: Queryable,
  companyId: string,
  comments: readonly SystemComment[],
  now: Date,
): Promise<void> {
  if (comments.length === 0) {
    return;
  }
  await sql`INSERT INTO dispute_comment
      (company_id, id, dispute_id, author_kind, body, system_code, created_at)
    SELECT ${companyId}::uuid, c.id, c.dispute_id, 'system', c.body, c.code, ${now}::timestamptz
    FROM unnest(
      ${arrayParameter(
        comments.map((comment) => comment.id),
        'uuid',
      )}, ${arrayParameter(
        comments.map((comment) => comment.disputeId),
        'uuid',
      )}, ${arrayParameter(
        comments.map((comment) => comment.body),
        'text',
      )}, ${arrayParameter(
        comments.map((comment) => comment.code),
        'text',
      )}) AS c(id, dispute_id, body, code)`.execute(q);
}

/** A comment of a dispute's thread. */
export type DisputeComment = {
  id: string;
  disputeId: string;
  authorKind: AuthorKind;
  authorName: string | null;
  /** As written; a system comment's French words (read `systemCode` instead, worded). */
  body: string;
  /** A system comment's message code; null for a person's. */
  systemCode: SystemCommentCode | null;
  proposedOutcome: DecidedOutcome | null;
  createdAt: Date;
};

/** An attachment's record, without its bytes. */
export type DisputeAttachmentInfo = {
  id: string;
  disputeId: string;
  commentId: string | null;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  uploadedByKind: AuthorKind;
  uploadedByName: string | null;
  createdAt: Date;
};

const COMMENT_COLUMNS = [
  'id',
  'dispute_id',
  'author_kind',
  'author_name',
  'body',
  'system_code',
  'proposed_outcome',
  'created_at',
] as const;

function toComment(
  row: Pick<Selectable<DisputeCommentTable>, (typeof COMMENT_COLUMNS)[number]>,
): DisputeComment {
  return {
    id: row.id,
    disputeId: row.dispute_id,
    authorKind: row.author_kind as AuthorKind,
    authorName: row.author_name,
    body: row.body,
    // The table's check keeps to the known codes; one unknown to this code reads as its body.
    systemCode: isSystemCommentCode(row.system_code) ? row.system_code : null,
    proposedOutcome: row.proposed_outcome as DecidedOutcome | null,
    createdAt: row.created_at,
  };
}

/** An attachment's columns but its bytes: what `toAttachment` reads (thread-store.ts too). */
export const ATTACHMENT_COLUMNS = [
  'id',
  'dispute_id',
  'comment_id',
  'file_name',
  'content_type',
  'size_bytes',
  'sha256',
  'uploaded_by_kind',
  'uploaded_by_name',
  'created_at',
] as const;

/** An attachment's record from its row (`ATTACHMENT_COLUMNS`), the one mapper of them. */
export function toAttachment(
  row: Pick<Selectable<DisputeAttachmentTable>, (typeof ATTACHMENT_COLUMNS)[number]>,
): DisputeAttachmentInfo {
  return {
    id: row.id,
    disputeId: row.dispute_id,
    commentId: row.comment_id,
    fileName: row.file_name,
    contentType: row.content_type,
    sizeBytes: row.size_bytes,
    sha256: row.sha256,
    uploadedByKind: row.uploaded_by_kind as AuthorKind,
    uploadedByName: row.uploaded_by_name,
    createdAt: row.created_at,
  };
}

/** The thread of the dispute `disputeId`, oldest first. */
export async function listDisputeComments(
  q: Queryable,
  companyId: string,
  disputeId: string,
): Promise<DisputeComment[]> {
  const rows = await disputesDb(q)
    .selectFrom('dispute_comment')
    .select(COMMENT_COLUMNS)
    .where('company_id', '=', companyId)
    .where('dispute_id', '=', disputeId)
    .orderBy('id')
    .execute();
  return rows.map(toComment);
}

/** The attachments of the dispute `disputeId` (never their bytes), oldest first. */
export async function listDisputeAttachmentInfos(
  q: Queryable,
  companyId: string,
  disputeId: string,
): Promise<DisputeAttachmentInfo[]> {
  const rows = await disputesDb(q)
    .selectFrom('dispute_attachment')
    .select(ATTACHMENT_COLUMNS)
    .where('company_id', '=', companyId)
    .where('dispute_id', '=', disputeId)
    .orderBy('id')
    .execute();
  return rows.map(toAttachment);
}
