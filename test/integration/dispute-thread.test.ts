/**
 * A dispute's thread on a real database (docs/disputes.md « The thread and its
 * attachments »): staff and the department member of a link comment; the department's
 * answer, with its proposed outcome, sends the dispute back to the collector; attachments
 * are checked before anything is written (type refused, content that is not its type, too
 * big, empty) and kept byte for byte with their SHA-256; a link opens its one dispute; a
 * resolved dispute's thread is closed.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../src/app/context.ts';
import type { Deps } from '../../src/app/deps.ts';
import { authenticateAccessLink, listAccessLinks } from '../../src/access/service.ts';
import { readEntityEvents } from '../../src/audit/service.ts';
import type { DbHandle } from '../../src/db/client.ts';
import { addAttachment, readAttachment } from '../../src/disputes/attachments.ts';
import { createDepartmentLink, revokeDepartmentLink } from '../../src/disputes/department-link.ts';
import { resolveDispute } from '../../src/disputes/manage.ts';
import { openDispute } from '../../src/disputes/service.ts';
import {
  findDispute,
  listDisputeAttachmentInfos,
  listDisputeComments,
} from '../../src/disputes/store.ts';
import { addComment } from '../../src/disputes/thread.ts';
import { listInvoicesByIds } from '../../src/ledger/service.ts';
import {
  ConflictError,
  DomainError,
  ForbiddenError,
  InvalidError,
} from '../../src/shared/errors.ts';
import { openTestRuntime, TEST_NOW } from '../db.ts';
import { makeCompany, makeCustomer, makeInvoices } from '../factories.ts';
import { sql } from 'kysely';

let handle: DbHandle;
let deps: Deps;

beforeAll(async () => {
  ({ handle, deps } = await openTestRuntime());
});
afterAll(async () => {
  await handle.close();
});

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n');
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

async function invoiceIdsOf(ctx: Ctx, customerId: string): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    SELECT id FROM invoice WHERE company_id = ${ctx.companyId} AND customer_id = ${customerId}
    ORDER BY number`.execute(deps.db);
  return rows.map((row) => row.id);
}

/** A company, a customer with two invoices, a dispute on the first, and a department link to it. */
async function disputed() {
  const { ctx } = await makeCompany(deps);
  const customer = await makeCustomer(deps, ctx);
  await makeInvoices(deps, ctx, customer.id, [
    { number: 'F1', issueDate: '2026-02-01', dueDate: '2026-03-03', amount: 100_000 },
    { number: 'F2', issueDate: '2026-02-10', dueDate: '2026-03-12', amount: 50_000 },
  ]);
  const [first = '', second = ''] = await invoiceIdsOf(ctx, customer.id);
  const dispute = await openDispute(deps, ctx, {
    invoices: [{ invoiceId: first, disputedCents: 40_000 }],
    cause: 'quantity',
    description: '2 palettes livrées sur 3',
    assignee: { name: 'Paul Martin', email: 'paul.martin@example.test' },
  });
  const other = await openDispute(deps, ctx, { invoices: [{ invoiceId: second }], cause: 'price' });
  const { url } = await createDepartmentLink(deps, ctx, dispute.id, {
    days: 14,
    send: false,
    language: 'fr',
    publicUrl: 'https://encaisse.example.test',
  });
  const token = url.split('#')[1] ?? '';
  const { ctx: department } = await authenticateAccessLink(deps, token, TEST_NOW);
  return { ctx, department, customer, dispute, other, url };
}

async function actions(ctx: Ctx, disputeId: string): Promise<string[]> {
  const events = await readEntityEvents(
    deps.db,
    ctx,
    [{ entityType: 'dispute', entityId: disputeId }],
    50,
  );
  return events.map((event) => event.action);
}

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error: unknown = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe('the thread', () => {
  it('gives the department a link: the URL shown once, the dispute waiting for it', async () => {
    const { ctx, dispute, department, url } = await disputed();
    expect(url).toMatch(/^https:\/\/encaisse\.example\.test\/reponse#[A-Za-z0-9_-]{43}$/);
    expect(department.audience).toMatchObject({ kind: 'department', disputeId: dispute.id });
    expect(department.actor).toMatchObject({ type: 'department', name: 'Paul Martin' });
    const [link] = await listAccessLinks(deps.db, ctx, { disputeId: dispute.id });
    expect(link).toMatchObject({
      recipientName: 'Paul Martin',
      recipientEmail: 'paul.martin@example.test',
      expiresAt: new Date(TEST_NOW.getTime() + 14 * 86_400_000),
      messageId: null,
    });
    expect((await findDispute(deps.db, ctx.companyId, dispute.id))?.status).toBe(
      'waiting_department',
    );
    expect(await actions(ctx, dispute.id)).toEqual(['dispute.link_sent', 'dispute.raised']);
  });

  it('keeps staff comments as they are, and a department answer sends the dispute back with its proposal', async () => {
    const { ctx, dispute, department } = await disputed();
    const asked = await addComment(deps, ctx, dispute.id, {
      body: '  Pouvez-vous confirmer la livraison ?  ',
    });
    expect(asked).toMatchObject({
      authorKind: 'staff',
      authorName: 'tester',
      body: 'Pouvez-vous confirmer la livraison ?',
      proposedOutcome: null,
      createdAt: TEST_NOW,
    });
    expect((await findDispute(deps.db, ctx.companyId, dispute.id))?.status).toBe(
      'waiting_department',
    );

    const answered = await addComment(deps, department, dispute.id, {
      body: 'Le bon de livraison montre 2 palettes : avoir justifié.',
      proposedOutcome: 'justified',
    });
    expect(answered).toMatchObject({
      authorKind: 'department',
      authorId: null,
      authorName: 'Paul Martin',
      proposedOutcome: 'justified',
    });
    expect((await findDispute(deps.db, ctx.companyId, dispute.id))?.status).toBe('open');
    const comments = await listDisputeComments(deps.db, ctx.companyId, dispute.id);
    expect(comments.map((comment) => [comment.authorKind, comment.proposedOutcome])).toEqual([
      ['staff', null],
      ['department', 'justified'],
    ]);
    const events = await readEntityEvents(
      deps.db,
      ctx,
      [{ entityType: 'dispute', entityId: dispute.id }],
      1,
    );
    expect(events[0]).toMatchObject({
      action: 'dispute.commented',
      actorType: 'department',
      data: {
        reference: dispute.reference,
        commentId: answered.id,
        authorKind: 'department',
        proposedOutcome: 'justified',
        changes: { status: { from: 'waiting_department', to: 'open' } },
      },
    });
  });

  it('refuses an empty or too long comment, and nothing is written', async () => {
    const { ctx, dispute } = await disputed();
    const empty = await refusal(addComment(deps, ctx, dispute.id, { body: '   ' }));
    expect(empty).toBeInstanceOf(InvalidError);
    expect(empty.issues).toMatchObject([{ field: 'body', code: 'comment_body_required' }]);
    const long = await refusal(addComment(deps, ctx, dispute.id, { body: 'x'.repeat(5_001) }));
    expect(long.issues).toMatchObject([
      { field: 'body', code: 'dispute_note_too_long', params: { max: 5_000 } },
    ]);
    expect(await listDisputeComments(deps.db, ctx.companyId, dispute.id)).toEqual([]);
  });

  it('opens its one dispute to the link: another is refused before it is read', async () => {
    const { dispute, other, department, ctx } = await disputed();
    const error = await refusal(addComment(deps, department, other.id, { body: 'Et celui-ci ?' }));
    expect(error).toBeInstanceOf(ForbiddenError);
    expect(error.reason).toBe('link_forbidden');
    const unknown = await refusal(
      addComment(deps, department, '0190a4c0-0000-7000-8000-000000000000', { body: 'x' }),
    );
    expect(unknown).toBeInstanceOf(ForbiddenError);
    const attach = await refusal(
      addAttachment(deps, department, other.id, {
        fileName: 'bl.pdf',
        contentType: 'application/pdf',
        bytes: PDF,
      }),
    );
    expect(attach).toBeInstanceOf(ForbiddenError);
    expect(await listDisputeComments(deps.db, ctx.companyId, other.id)).toEqual([]);
    expect((await findDispute(deps.db, ctx.companyId, dispute.id))?.status).toBe(
      'waiting_department',
    );
  });

  it('closes the thread of a resolved dispute, to staff and to the link', async () => {
    const { ctx, dispute, department } = await disputed();
    await resolveDispute(deps, ctx, dispute.id, { outcome: 'rejected' });
    for (const who of [ctx, department]) {
      const error = await refusal(addComment(deps, who, dispute.id, { body: 'Encore un mot' }));
      expect(error).toBeInstanceOf(ConflictError);
      expect(error.reason).toBe('dispute_resolved');
    }
    const attach = await refusal(
      addAttachment(deps, department, dispute.id, {
        fileName: 'bl.pdf',
        contentType: 'application/pdf',
        bytes: PDF,
      }),
    );
    expect(attach.reason).toBe('dispute_resolved');
    expect(await listDisputeComments(deps.db, ctx.companyId, dispute.id)).toEqual([]);
  });

  it('revokes a link: its holder is refused from then on', async () => {
    const { ctx, dispute, url } = await disputed();
    const [link] = await listAccessLinks(deps.db, ctx, { disputeId: dispute.id });
    await revokeDepartmentLink(deps, ctx, dispute.id, link?.id ?? '');
    const token = url.split('#')[1] ?? '';
    const error = await refusal(authenticateAccessLink(deps, token, TEST_NOW));
    expect(error.reason).toBe('link_revoked');
    const again = await refusal(revokeDepartmentLink(deps, ctx, dispute.id, link?.id ?? ''));
    expect(again.reason).toBe('dispute_link_not_found');
    expect((await actions(ctx, dispute.id))[0]).toBe('dispute.updated');
  });
});

describe('attachments', () => {
  it('keeps a file byte for byte with its SHA-256, from staff and from the department', async () => {
    const { ctx, dispute, department } = await disputed();
    const comment = await addComment(deps, department, dispute.id, { body: 'Voici le BL' });
    const pdf = await addAttachment(deps, department, dispute.id, {
      fileName: 'C:\\fakepath\\bon de livraison.pdf',
      contentType: 'Application/PDF; charset=binary',
      bytes: PDF,
      commentId: comment.id,
    });
    expect(pdf).toMatchObject({
      commentId: comment.id,
      fileName: 'C:\\fakepath\\bon de livraison.pdf',
      contentType: 'application/pdf',
      sizeBytes: PDF.length,
      sha256: sha256(PDF),
      uploadedByKind: 'department',
      uploadedByName: 'Paul Martin',
    });
    const png = await addAttachment(deps, ctx, dispute.id, {
      fileName: 'photo.png',
      contentType: 'image/png',
      bytes: PNG,
    });
    expect(png).toMatchObject({
      uploadedByKind: 'staff',
      uploadedByName: 'tester',
      commentId: null,
    });

    const read = await readAttachment(deps, ctx, dispute.id, pdf.id);
    expect(Buffer.from(read.content).equals(Buffer.from(PDF))).toBe(true);
    expect(sha256(read.content)).toBe(pdf.sha256);
    const byLink = await readAttachment(deps, department, dispute.id, png.id);
    expect(Buffer.from(byLink.content).equals(Buffer.from(PNG))).toBe(true);
    const infos = await listDisputeAttachmentInfos(deps.db, ctx.companyId, dispute.id);
    expect(infos.map((info) => [info.id, info.sha256])).toEqual([
      [pdf.id, sha256(PDF)],
      [png.id, sha256(PNG)],
    ]);
    const events = await readEntityEvents(
      deps.db,
      ctx,
      [{ entityType: 'dispute', entityId: dispute.id }],
      2,
    );
    expect(events.map((event) => [event.action, event.data['sha256']])).toEqual([
      ['dispute.attachment_added', sha256(PNG)],
      ['dispute.attachment_added', sha256(PDF)],
    ]);
    const missing = await refusal(
      readAttachment(deps, ctx, dispute.id, '0190a4c0-0000-7000-8000-000000000000'),
    );
    expect(missing.reason).toBe('dispute_attachment_not_found');
  });

  it('refuses a type outside the five, content that is not its type, an empty or too big file: nothing written', async () => {
    const { ctx, dispute, other } = await disputed();
    const cases = [
      {
        file: {
          contentType: 'application/x-msdownload',
          bytes: Uint8Array.from([0x4d, 0x5a, 0x90]),
        },
        code: 'attachment_type_refused',
        params: { type: 'application/x-msdownload' },
      },
      {
        file: { contentType: 'application/pdf', bytes: Uint8Array.from([0x4d, 0x5a, 0x90, 0]) },
        code: 'attachment_content_mismatch',
        params: { type: 'application/pdf' },
      },
      {
        file: { contentType: 'image/jpeg', bytes: PNG },
        code: 'attachment_content_mismatch',
        params: { type: 'image/jpeg' },
      },
      {
        file: { contentType: 'text/plain', bytes: new Uint8Array() },
        code: 'attachment_empty',
        params: {},
      },
      {
        file: { contentType: 'text/plain', bytes: new Uint8Array(10 * 1024 * 1024 + 1).fill(65) },
        code: 'attachment_too_large',
        params: { max: 10 },
      },
    ];
    for (const { file, code, params } of cases) {
      const error = await refusal(addAttachment(deps, ctx, dispute.id, { fileName: 'f', ...file }));
      expect(error).toBeInstanceOf(InvalidError);
      expect(error.reason).toBe(code);
      expect(error.issues).toEqual([expect.objectContaining({ field: 'file', code, params })]);
    }
    const exactly = new Uint8Array(10 * 1024 * 1024).fill(65);
    const largest = await addAttachment(deps, ctx, dispute.id, {
      fileName: 'log.txt',
      contentType: 'text/plain',
      bytes: exactly,
    });
    expect(largest.sizeBytes).toBe(10_485_760);

    const otherComment = await addComment(deps, ctx, other.id, { body: 'Autre litige' });
    const misplaced = await refusal(
      addAttachment(deps, ctx, dispute.id, {
        fileName: 'bl.pdf',
        contentType: 'application/pdf',
        bytes: PDF,
        commentId: otherComment.id,
      }),
    );
    expect(misplaced.issues).toMatchObject([
      { field: 'commentId', code: 'attachment_comment_unknown' },
    ]);
    const infos = await listDisputeAttachmentInfos(deps.db, ctx.companyId, dispute.id);
    expect(infos.map((info) => info.id)).toEqual([largest.id]);
  });

  it('lets a customer attach to a dispute of its own account only', async () => {
    const { ctx, dispute, customer } = await disputed();
    const theirs = {
      ...ctx,
      role: 'read_only' as const,
      audience: { kind: 'customer' as const, linkId: 'x', customerId: customer.id, ip: null },
    };
    const attached = await addAttachment(deps, theirs, dispute.id, {
      fileName: 'photo.png',
      contentType: 'image/png',
      bytes: PNG,
    });
    expect(attached.uploadedByKind).toBe('customer');
    const stranger = await makeCustomer(deps, ctx);
    const notTheirs = { ...theirs, audience: { ...theirs.audience, customerId: stranger.id } };
    const error = await refusal(
      addAttachment(deps, notTheirs, dispute.id, {
        fileName: 'photo.png',
        contentType: 'image/png',
        bytes: PNG,
      }),
    );
    expect(error).toBeInstanceOf(ForbiddenError);
    // Invoices stay as they were: attaching changes nothing of the ledger.
    const [invoice] = await listInvoicesByIds(deps.db, ctx, [dispute.invoices[0]?.invoiceId ?? '']);
    expect(invoice?.openCents).toBe(100_000);
  });
});
