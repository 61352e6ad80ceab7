/**
 * The department's link over HTTP (docs/disputes.md « The department's link »): a collector
 * gives the department a link; its holder, without an account, reads the dispute, answers
 * with a proposed outcome and attaches a document; staff comment and attach too. The link
 * opens nothing else (another dispute, the staff API); a tampered, revoked or expired token
 * is refused 401 with its code; an upload above 10 MiB is 413, one of a forbidden type 400
 * with a clear problem, and nothing is written. Answers are parsed with the routes' schemas.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Ctx } from '../../../src/app/context.ts';
import { inTransaction } from '../../../src/db/transaction.ts';
import { closeSettledDisputesInTx, openDispute } from '../../../src/disputes/service.ts';
import { findDispute, listDisputeAttachmentInfos } from '../../../src/disputes/store.ts';
import { ZLinkedDispute } from '../../../src/disputes/link-schemas.ts';
import { ZDisputeDetail } from '../../../src/disputes/schemas.ts';
import {
  ZCreatedDisputeLink,
  ZDisputeAttachment,
  ZDisputeComment,
} from '../../../src/disputes/thread-schemas.ts';
import { allocate } from '../../../src/ledger/allocation-changes.ts';
import { calendarDate } from '../../../src/shared/calendar-date.ts';
import { movableClock } from '../../db.ts';
import { makeCompany, makeCustomer, makeInvoices, makeUser } from '../../factories.ts';
import { expectProblem, signIn, writeHeaders, useHttpApp, type Session } from './http-helpers.ts';

const clock = movableClock();
const http = useHttpApp({ clock });
const NBSP = '\u00a0';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n');

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

async function setUp() {
  const { ctx } = await makeCompany(http.deps);
  const user = await makeUser(http.deps, ctx, 'collector');
  const session = await signIn(http.app, user.email, user.password);
  const customer = await makeCustomer(http.deps, ctx, { legalName: 'Bois & Fils SARL' });
  await makeInvoices(http.deps, ctx, customer.id, [
    { number: 'FA-7', issueDate: '2026-01-10', dueDate: '2026-02-10', amount: 123_456 },
    { number: 'FA-8', issueDate: '2026-01-12', dueDate: '2026-02-12', amount: 20_000 },
  ]);
  const { rows } = await sql<{ id: string }>`
    SELECT id FROM invoice WHERE company_id = ${ctx.companyId} ORDER BY number`.execute(
    http.deps.db,
  );
  const dispute = await openDispute(http.deps, ctx, {
    invoices: [{ invoiceId: rows[0]?.id ?? '', disputedCents: 41_152 }],
    cause: 'quantity',
    description: '2 palettes livrées sur 3',
    assignee: { name: 'Paul Martin', email: 'paul.martin@example.test' },
  });
  const other = await openDispute(http.deps, ctx, {
    invoices: [{ invoiceId: rows[1]?.id ?? '' }],
    cause: 'price',
  });
  return { ctx, session, customer, dispute, other };
}

async function giveLink(session: Session, disputeId: string, body: object = { send: false }) {
  const response = await http.app.inject({
    method: 'POST',
    url: `/api/disputes/${disputeId}/links`,
    headers: writeHeaders(session),
    payload: body as Record<string, unknown>,
  });
  expect(response.statusCode).toBe(201);
  const created = ZCreatedDisputeLink.parse(response.json());
  return { ...created, token: created.url.split('#')[1] ?? '' };
}

function asLink(
  token: string,
  method: 'GET' | 'POST',
  url: string,
  extra: { headers?: Record<string, string>; payload?: string | Buffer | object } = {},
) {
  return http.app.inject({
    method,
    url,
    headers: { 'x-access-token': token, ...extra.headers },
    ...(extra.payload === undefined
      ? {}
      : { payload: extra.payload as string | Buffer | Record<string, unknown> }),
  });
}

async function attachmentCount(ctx: Ctx, disputeId: string): Promise<number> {
  return (await listDisputeAttachmentInfos(http.deps.db, ctx.companyId, disputeId)).length;
}

describe('the department link', () => {
  it('reads the dispute, answers with a proposal and attaches, without an account', async () => {
    const { ctx, session, dispute } = await setUp();
    const { link, url, token } = await giveLink(session, dispute.id);
    // No PUBLIC_URL given: the link starts with the address the request came to.
    expect(url).toBe(`http://localhost:80/reponse#${token}`);
    expect(link).toMatchObject({
      recipientName: 'Paul Martin',
      recipientEmail: 'paul.martin@example.test',
      revokedAt: null,
      lastUsedAt: null,
    });

    const page = await asLink(token, 'GET', '/api/dispute-link');
    expect(page.statusCode).toBe(200);
    expect(ZLinkedDispute.parse(page.json())).toEqual({
      company: { legalName: 'Menuiseries Dupont SAS' },
      dispute: {
        reference: dispute.reference,
        cause: 'quantity',
        causeLabel: null,
        description: '2 palettes livrées sur 3',
        amountCents: 41_152,
        currency: 'EUR',
        deadline: dispute.deadline,
        status: 'waiting_department',
        raisedOn: '2026-03-15',
        customer: { code: expect.any(String), name: 'Bois & Fils SARL' },
        invoices: [
          {
            number: 'FA-7',
            issueDate: '2026-01-10',
            dueDate: '2026-02-10',
            amountCents: 123_456,
            disputedCents: 41_152,
          },
        ],
      },
      comments: [],
      attachments: [],
      recipient: { name: 'Paul Martin', email: 'paul.martin@example.test' },
      expiresAt: link.expiresAt,
    });

    const answered = await asLink(token, 'POST', '/api/dispute-link/comments', {
      payload: {
        body: 'Deux palettes seulement : facture à corriger.',
        proposedOutcome: 'corrected',
      },
    });
    expect(answered.statusCode).toBe(201);
    expect(ZDisputeComment.parse(answered.json())).toMatchObject({
      authorKind: 'department',
      authorName: 'Paul Martin',
      proposedOutcome: 'corrected',
    });
    expect((await findDispute(http.deps.db, ctx.companyId, dispute.id))?.status).toBe('open');

    const attached = await asLink(token, 'POST', '/api/dispute-link/attachments', {
      headers: {
        'content-type': 'application/pdf',
        'x-file-name': encodeURIComponent('bon de livraison été.pdf'),
      },
      payload: PDF,
    });
    expect(attached.statusCode).toBe(201);
    const attachment = ZDisputeAttachment.parse(attached.json());
    expect(attachment).toMatchObject({
      fileName: 'bon de livraison été.pdf',
      contentType: 'application/pdf',
      sizeBytes: PDF.length,
      sha256: sha256(PDF),
      uploadedByKind: 'department',
    });
    const download = await asLink(token, 'GET', `/api/dispute-link/attachments/${attachment.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="bon de livraison _t_.pdf"; filename*=UTF-8''${encodeURIComponent('bon de livraison été.pdf')}`,
    );
    expect(sha256(download.rawPayload)).toBe(sha256(PDF));

    // Staff see it all and answer in the same thread.
    const staffComment = await http.app.inject({
      method: 'POST',
      url: `/api/disputes/${dispute.id}/comments`,
      headers: writeHeaders(session),
      payload: { body: 'Merci, je fais corriger la facture.' },
    });
    expect(staffComment.statusCode).toBe(201);
    expect(ZDisputeComment.parse(staffComment.json())).toMatchObject({
      authorKind: 'staff',
      authorName: 'Test collector',
      proposedOutcome: null,
    });
    const staffDownload = await http.app.inject({
      url: `/api/disputes/${dispute.id}/attachments/${attachment.id}`,
      headers: { cookie: session.cookie },
    });
    expect(sha256(staffDownload.rawPayload)).toBe(sha256(PDF));
    const again = ZLinkedDispute.parse((await asLink(token, 'GET', '/api/dispute-link')).json());
    expect(again.comments.map((comment) => comment.authorKind)).toEqual(['department', 'staff']);
    expect(again.attachments.map((item) => item.id)).toEqual([attachment.id]);
  });

  it('opens nothing else: not another dispute, not the staff API', async () => {
    const { ctx, session, dispute, other } = await setUp();
    const { token } = await giveLink(session, dispute.id);
    const theirs = await http.app.inject({
      method: 'POST',
      url: `/api/disputes/${other.id}/attachments`,
      headers: {
        'content-type': 'application/pdf',
        cookie: session.cookie,
        'x-csrf-token': session.csrf,
      },
      payload: PDF,
    });
    expect(theirs.statusCode).toBe(201);
    const [otherAttachment] = await listDisputeAttachmentInfos(
      http.deps.db,
      ctx.companyId,
      other.id,
    );
    const foreign = await asLink(
      token,
      'GET',
      `/api/dispute-link/attachments/${otherAttachment?.id ?? ''}`,
    );
    expect(expectProblem(foreign, 404).reason).toBe('dispute_attachment_not_found');
    for (const url of [
      '/api/customers',
      `/api/disputes/${dispute.id}`,
      `/api/disputes/${other.id}`,
    ]) {
      expect(expectProblem(await asLink(token, 'GET', url), 401).code).toBe('unauthorized');
    }
    const staffWrite = await asLink(token, 'POST', `/api/disputes/${other.id}/comments`, {
      payload: { body: 'Et celui-ci ?' },
    });
    expect(staffWrite.statusCode).toBe(401);
    // A session opens no department page either: it knows links only.
    const bySession = await http.app.inject({
      url: '/api/dispute-link',
      headers: { cookie: session.cookie },
    });
    expect(expectProblem(bySession, 401).reason).toBe('link_invalid');
  });

  it('refuses a tampered, missing or revoked token with its code', async () => {
    const { session, dispute } = await setUp();
    const { token, link } = await giveLink(session, dispute.id);
    const tampered = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    const refused = expectProblem(await asLink(tampered, 'GET', '/api/dispute-link'), 401);
    expect(refused).toMatchObject({ code: 'unauthorized', reason: 'link_invalid' });
    expect(refused.detail).toBe(
      `Ce lien n’est pas valable${NBSP}: demandez-en un nouveau à son expéditeur`,
    );
    const none = await http.app.inject({ url: '/api/dispute-link' });
    expect(expectProblem(none, 401).reason).toBe('link_invalid');

    const revoked = await http.app.inject({
      method: 'POST',
      url: `/api/disputes/${dispute.id}/links/${link.id}/revoke`,
      headers: writeHeaders(session),
    });
    expect(revoked.statusCode).toBe(204);
    expect(expectProblem(await asLink(token, 'GET', '/api/dispute-link'), 401).reason).toBe(
      'link_revoked',
    );
    const upload = await asLink(token, 'POST', '/api/dispute-link/attachments', {
      headers: { 'content-type': 'application/pdf' },
      payload: PDF,
    });
    expect(expectProblem(upload, 401).reason).toBe('link_revoked');
  });

  it('answers 413 above 10 MiB and 400 for a forbidden type, with a clear problem: nothing written', async () => {
    const { ctx, session, dispute } = await setUp();
    const { token } = await giveLink(session, dispute.id);
    const big = await asLink(token, 'POST', '/api/dispute-link/attachments', {
      headers: { 'content-type': 'application/pdf', 'x-file-name': 'scan.pdf' },
      payload: Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024 + 1 - PDF.length)]),
    });
    expect(expectProblem(big, 413)).toMatchObject({
      code: 'file_too_large',
      reason: 'attachment_too_large',
      detail: 'Le fichier dépasse les 10 Mio permis pour une pièce jointe',
    });
    const program = await asLink(token, 'POST', '/api/dispute-link/attachments', {
      headers: { 'content-type': 'application/x-msdownload', 'x-file-name': 'facture.exe' },
      payload: Buffer.from([0x4d, 0x5a, 0x90, 0x00]),
    });
    expect(expectProblem(program, 400)).toMatchObject({
      code: 'invalid',
      reason: 'attachment_type_refused',
      params: { type: 'application/x-msdownload' },
      detail: `Un fichier de type application/x-msdownload ne peut pas être joint${NBSP}: PDF, PNG, JPEG, texte ou e-mail (.eml) seulement`,
    });
    const json = await asLink(token, 'POST', '/api/dispute-link/attachments', {
      headers: { 'content-type': 'application/json' },
      payload: '{"a":1}',
    });
    expect(expectProblem(json, 400).reason).toBe('attachment_type_refused');
    const disguised = await http.app.inject({
      method: 'POST',
      url: `/api/disputes/${dispute.id}/attachments`,
      headers: { ...writeHeaders(session), 'content-type': 'application/pdf' },
      payload: Buffer.from([0x4d, 0x5a, 0x90, 0x00]),
    });
    expect(expectProblem(disguised, 400).reason).toBe('attachment_content_mismatch');
    const staffBig = await http.app.inject({
      method: 'POST',
      url: `/api/disputes/${dispute.id}/attachments`,
      headers: { ...writeHeaders(session), 'content-type': 'text/plain' },
      payload: Buffer.alloc(10 * 1024 * 1024 + 1, 65),
    });
    expect(expectProblem(staffBig, 413).reason).toBe('attachment_too_large');
    expect(await attachmentCount(ctx, dispute.id)).toBe(0);
  });

  it('stops opening the dispute once expired', async () => {
    const { session, dispute } = await setUp();
    const { token, link } = await giveLink(session, dispute.id, { send: false, days: 1 });
    expect(new Date(link.expiresAt).getTime() - new Date(link.createdAt).getTime()).toBe(
      86_400_000,
    );
    expect((await asLink(token, 'GET', '/api/dispute-link')).statusCode).toBe(200);
    clock.advance(86_400);
    const expired = expectProblem(await asLink(token, 'GET', '/api/dispute-link'), 401);
    expect(expired.reason).toBe('link_expired');
  });
});

describe('the system’s comments', () => {
  it('words a dispute’s closing by a credit note in the reader’s language', async () => {
    const { ctx } = await makeCompany(http.deps);
    const user = await makeUser(http.deps, ctx, 'collector');
    const session = await signIn(http.app, user.email, user.password);
    const customer = await makeCustomer(http.deps, ctx, { legalName: 'Bois & Fils SARL' });
    await makeInvoices(http.deps, ctx, customer.id, [
      { number: 'FA-1', issueDate: '2026-01-30', dueDate: '2026-03-01', amount: 100_000 },
      {
        number: 'AV-1',
        issueDate: '2026-03-10',
        dueDate: '2026-03-10',
        amount: 100_000,
        kind: 'credit_note',
      },
    ]);
    const { rows } = await sql<{ id: string; number: string }>`
      SELECT id, number FROM invoice WHERE company_id = ${ctx.companyId}`.execute(http.deps.db);
    const id = (number: string) => rows.find((row) => row.number === number)?.id ?? '';
    const dispute = await openDispute(http.deps, ctx, {
      invoices: [{ invoiceId: id('FA-1') }],
      cause: 'price',
    });
    const { token } = await giveLink(session, dispute.id);
    await allocate(http.deps, ctx, {
      invoiceId: id('FA-1'),
      creditNoteId: id('AV-1'),
      amount: 100_000,
    });
    const closed = await inTransaction(http.deps.db, (tx) =>
      closeSettledDisputesInTx(http.deps, tx, ctx, calendarDate('2026-03-20')),
    );
    expect(closed).toEqual([expect.objectContaining({ reason: 'credit_note' })]);

    const read = async (language: string) => {
      const page = await asLink(token, 'GET', '/api/dispute-link', {
        headers: { 'accept-language': language },
      });
      expect(page.statusCode).toBe(200);
      return ZLinkedDispute.parse(page.json()).comments;
    };
    expect(await read('en')).toEqual([
      expect.objectContaining({
        authorKind: 'system',
        body: 'Closed by itself: a credit note was allocated to its invoices.',
      }),
    ]);
    expect(await read('fr')).toEqual([
      expect.objectContaining({
        authorKind: 'system',
        body: `Clos de lui-même${NBSP}: un avoir a été imputé sur ses factures.`,
      }),
    ]);
    // The staff's page of the dispute words it in theirs too.
    const staff = await http.app.inject({
      method: 'GET',
      url: `/api/disputes/${dispute.id}`,
      headers: { cookie: session.cookie, 'accept-language': 'en' },
    });
    expect(staff.statusCode).toBe(200);
    expect(ZDisputeDetail.parse(staff.json()).comments).toEqual([
      expect.objectContaining({
        authorKind: 'system',
        body: 'Closed by itself: a credit note was allocated to its invoices.',
      }),
    ]);
  });
});
