/**
 * The department's link (issue 10, docs/disputes.md « The department's link »): a
 * department member answers one dispute without an account. Staff make a link (and e-mail
 * it through the outbox), list and revoke them; the link's holder reads the dispute, its
 * invoices and thread, comments (with a proposed outcome) and attaches documents. The
 * reminders (reminders.ts) send links of their own, worded here too (`disputeLinkEmail`).
 */
import type { Ctx } from '../app/context.ts';
import type { Deps } from '../app/deps.ts';
import { readerFor } from '../app/policy.ts';
import {
  createAccessLink,
  listAccessLinks,
  revokeAccessLinks,
  setAccessLinkMessages,
  type AccessLink,
} from '../access/service.ts';
import { accessLinkUrl } from '../access/urls.ts';
import { recordEvents } from '../audit/service.ts';
import { findCompany, getCompany } from '../companies/service.ts';
import type { Queryable, Tx } from '../db/client.ts';
import { inTransaction } from '../db/transaction.ts';
import { queueMessagesInTx } from '../jobs/outbox.ts';
import { listInvoicesByIds } from '../ledger/service.ts';
import type { CalendarDate } from '../shared/calendar-date.ts';
import { DomainError, invalidField, UnauthorizedError } from '../shared/errors.ts';
import type { Language } from '../shared/language.ts';
import { findMessage, messageOf, type MessageCode } from '../shared/messages/catalogue.ts';
import type { Cents } from '../shared/money.ts';
import type { DisputeCause } from './causes.ts';
import type { Dispute } from './model.ts';
import { causesIn } from './service.ts';
import type { TLinkedDispute } from './link-schemas.ts';
import { MAX_DEPARTMENT_LINK_DAYS } from './thread-schemas.ts';
import { listDisputeAttachmentInfos, listDisputeComments } from './store.ts';
import { disputeFor, presentAttachment, presentComment, touchOpenDispute } from './thread.ts';

/** How a link's e-mail is worded: sent by hand, a reminder before or after the deadline, an escalation. */
export type DisputeEmailKind = 'link' | 'reminder' | 'overdue' | 'escalation';

const SUBJECTS: Record<DisputeEmailKind, MessageCode> = {
  link: 'dispute_link_subject',
  reminder: 'dispute_reminder_subject',
  overdue: 'dispute_overdue_subject',
  escalation: 'dispute_escalation_subject',
};
const INTROS: Record<DisputeEmailKind, MessageCode> = {
  link: 'dispute_link_intro',
  reminder: 'dispute_reminder_intro',
  overdue: 'dispute_overdue_intro',
  escalation: 'dispute_escalation_intro',
};

/** What a link's e-mail says of its dispute. */
export type DisputeEmailFacts = {
  reference: string;
  customerName: string;
  causeLabel: string;
  amountCents: Cents;
  currency: string;
  deadline: CalendarDate;
  companyName: string;
  /** Escalation only: the department and whom the dispute was given to. */
  departmentName?: string;
  assigneeName?: string;
};

/**
 * The subject and text of an e-mail carrying a department link: whom it greets, the
 * dispute (reference, customer, cause, amount, deadline), the link's URL and until when it
 * opens, the company's signature.
 */
export function disputeLinkEmail(
  language: Language,
  kind: DisputeEmailKind,
  facts: DisputeEmailFacts,
  recipientName: string | null,
  link: { url: string; expiresAt: Date },
): { subject: string; bodyText: string } {
  const params = {
    reference: facts.reference,
    customer: facts.customerName,
    cause: facts.causeLabel,
    amount: facts.amountCents,
    currency: facts.currency,
    deadline: facts.deadline,
    department: facts.departmentName ?? '',
    assignee: facts.assigneeName ?? '',
  };
  const lines = [
    recipientName === null
      ? messageOf(language, 'dispute_email_greeting_anonymous')
      : messageOf(language, 'dispute_email_greeting', { name: recipientName }),
    '',
    messageOf(language, INTROS[kind], params),
    '',
    messageOf(language, 'dispute_email_facts', params),
    '',
    messageOf(language, 'dispute_email_link', { url: link.url }),
    messageOf(language, 'dispute_email_link_note', {
      expires: link.expiresAt.toISOString().slice(0, 10),
    }),
    '',
    messageOf(language, 'dispute_email_signature', { company: facts.companyName }),
  ];
  return {
    subject: messageOf(language, SUBJECTS[kind], params),
    bodyText: `${lines.join('\n')}\n`,
  };
}

/** The words of `code` among `causes`: the company's label, else the catalogue's, else the code. */
export function causeWords(
  language: Language,
  causes: readonly DisputeCause[],
  code: string,
): string {
  const label = causes.find((cause) => cause.code === code)?.label ?? null;
  return label ?? findMessage(language, `dispute_cause_${code}`) ?? code;
}

/** What staff give to make a department link. */
export type NewDepartmentLink = {
  recipientName?: string | null | undefined;
  /** Absent: the dispute's assignee. */
  recipientEmail?: string | null | undefined;
  days: number;
  /** Whether the link is e-mailed to the recipient through the outbox. */
  send: boolean;
  /** The e-mail's language. */
  language: Language;
  /** Where the application is reached from outside (`PUBLIC_URL`). */
  publicUrl: string;
};

/**
 * Makes a department link to the dispute (`dispute:manage`), for 1 to 60 days, and e-mails
 * it through the outbox unless told not to (400 `dispute_link_recipient_required` when
 * there is nobody to send it to). A dispute still `open` then waits for its department
 * (`waiting_department`). The event `dispute.link_sent` says to whom, until when, and
 * which e-mail carried it. The link and its URL, given this once (its token is not kept).
 */
export async function createDepartmentLink(
  deps: Deps,
  ctx: Ctx,
  disputeId: string,
  input: NewDepartmentLink,
): Promise<{ link: AccessLink; url: string }> {
  const now = deps.clock.now();
  return inTransaction(deps.db, async (tx) => {
    const dispute = await disputeFor(tx, ctx, disputeId, 'dispute:manage');
    const recipientEmail = input.recipientEmail?.trim() || dispute.assignee.email;
    const recipientName =
      input.recipientName?.trim() ||
      (recipientEmail === dispute.assignee.email ? dispute.assignee.name : null);
    if (input.send && recipientEmail === null) {
      throw invalidField('recipientEmail', 'dispute_link_recipient_required');
    }
    const toDepartment = dispute.status === 'open';
    await touchOpenDispute(
      tx,
      ctx,
      dispute,
      toDepartment ? { status: 'waiting_department' } : {},
      now,
    );
    const { link, token } = await createAccessLink(deps, tx, ctx, {
      audience: 'department',
      disputeId: dispute.id,
      customerId: dispute.customerId,
      recipientName,
      recipientEmail,
      days: input.days,
      maxDays: MAX_DEPARTMENT_LINK_DAYS,
      now,
    });
    const url = accessLinkUrl(input.publicUrl, 'department', token);
    let messageId: string | null = null;
    if (input.send && link.recipientEmail !== null) {
      const facts = await emailFacts(deps, tx, ctx, input.language, [dispute]);
      const words = disputeLinkEmail(
        input.language,
        'link',
        facts.get(dispute.id) as DisputeEmailFacts,
        link.recipientName,
        { url, expiresAt: link.expiresAt },
      );
      [messageId = null] = await queueMessagesInTx(deps, tx, ctx, [
        {
          channel: 'email',
          recipients: [link.recipientEmail],
          subject: words.subject,
          bodyText: words.bodyText,
          customerId: dispute.customerId,
          source: { type: 'dispute', id: dispute.id },
        },
      ]);
      if (messageId !== null) {
        await setAccessLinkMessages(tx, ctx, [{ linkId: link.id, messageId }]);
      }
    }
    await recordEvents(tx, ctx, [
      {
        action: 'dispute.link_sent',
        entityType: 'dispute',
        entityId: dispute.id,
        customerId: dispute.customerId,
        data: {
          reference: dispute.reference,
          linkId: link.id,
          recipientName: link.recipientName,
          recipientEmail: link.recipientEmail,
          expiresAt: link.expiresAt.toISOString(),
          messageId,
          ...(toDepartment
            ? { changes: { status: { from: dispute.status, to: 'waiting_department' } } }
            : {}),
        },
      },
    ]);
    return { link: { ...link, messageId }, url };
  });
}

/**
 * What the e-mails about `disputes` say of each (its customer's name, its cause's words,
 * the company's name), read in `tx` in three statements whatever their number.
 */
export async function emailFacts(
  deps: Deps,
  tx: Tx,
  ctx: Ctx,
  language: Language,
  disputes: readonly Pick<
    Dispute,
    'id' | 'reference' | 'customerId' | 'cause' | 'amountCents' | 'currency' | 'deadline'
  >[],
): Promise<Map<string, DisputeEmailFacts>> {
  const company = await getCompany({ ...deps, db: tx }, ctx.companyId);
  const causes = await causesIn(tx, ctx);
  const customers = await deps.customers.namesOf(tx, readerFor(ctx), [
    ...new Set(disputes.map((dispute) => dispute.customerId)),
  ]);
  return new Map(
    disputes.map((dispute) => [
      dispute.id,
      {
        reference: dispute.reference,
        customerName: customers.get(dispute.customerId)?.name ?? '',
        causeLabel: causeWords(language, causes, dispute.cause),
        amountCents: dispute.amountCents,
        currency: dispute.currency,
        deadline: dispute.deadline,
        companyName: company.legalName,
      },
    ]),
  );
}

/**
 * Revokes one department link of the dispute (`dispute:manage`): its next use is refused
 * `link_revoked`. 404 `dispute_link_not_found` when the dispute has no such link still
 * open. Recorded as `dispute.updated` (`revokedLink`).
 */
export async function revokeDepartmentLink(
  deps: Deps,
  ctx: Ctx,
  disputeId: string,
  linkId: string,
): Promise<void> {
  const now = deps.clock.now();
  await inTransaction(deps.db, async (tx) => {
    const dispute = await disputeFor(tx, ctx, disputeId, 'dispute:manage');
    const [revoked] = await revokeAccessLinks(
      tx,
      ctx,
      { audience: 'department', disputeId: dispute.id, linkId },
      now,
    );
    if (revoked === undefined) {
      throw new DomainError('not_found', 'dispute_link_not_found', { key: linkId });
    }
    await recordEvents(tx, ctx, [
      {
        action: 'dispute.updated',
        entityType: 'dispute',
        entityId: dispute.id,
        customerId: dispute.customerId,
        data: {
          reference: dispute.reference,
          revokedLink: { id: revoked.id, recipientEmail: revoked.recipientEmail },
        },
      },
    ]);
  });
}

/** The dispute a department link's holder may see: its own, from its context. */
export function linkedDisputeId(ctx: Ctx): string {
  if (ctx.audience?.kind !== 'department') {
    // The link routes authenticate department links only (authenticate-link.ts).
    throw new UnauthorizedError('link_invalid');
  }
  return ctx.audience.disputeId;
}

/**
 * What the department's page shows (`GET /api/dispute-link`): the company, the dispute
 * (reference, cause, customer, amount, deadline, status, invoices), its comments and
 * attachments (the system's worded in `language`), and to whom and until when the link was
 * given. No staff-only field.
 */
export async function readLinkedDispute(
  deps: Deps,
  ctx: Ctx,
  language: Language,
): Promise<TLinkedDispute> {
  const q: Queryable = deps.db;
  const dispute = await disputeFor(q, ctx, linkedDisputeId(ctx), 'dispute:read');
  const reading = readerFor(ctx);
  const company = await findCompany(deps, ctx.companyId);
  const invoices = await listInvoicesByIds(
    q,
    reading,
    dispute.invoices.map((invoice) => invoice.invoiceId),
  );
  const customers = await deps.customers.namesOf(q, reading, [dispute.customerId]);
  const causes = await causesIn(q, ctx);
  const [link] = await listAccessLinks(q, ctx, { linkId: ctx.actor.id ?? '' });
  const comments = await listDisputeComments(q, ctx.companyId, dispute.id);
  const attachments = await listDisputeAttachmentInfos(q, ctx.companyId, dispute.id);
  const byId = new Map(invoices.map((invoice) => [invoice.id, invoice]));
  const customer = customers.get(dispute.customerId);
  return {
    company: { legalName: company?.legalName ?? '' },
    dispute: {
      reference: dispute.reference,
      cause: dispute.cause,
      causeLabel: causes.find((cause) => cause.code === dispute.cause)?.label ?? null,
      description: dispute.description,
      amountCents: dispute.amountCents,
      currency: dispute.currency,
      deadline: dispute.deadline,
      status: dispute.status,
      raisedOn: dispute.raisedOn,
      customer: { code: customer?.code ?? '', name: customer?.name ?? '' },
      invoices: dispute.invoices.flatMap((part) => {
        const invoice = byId.get(part.invoiceId);
        return invoice === undefined
          ? []
          : [
              {
                number: invoice.number,
                issueDate: invoice.issueDate,
                dueDate: invoice.dueDate,
                amountCents: invoice.amountCents,
                disputedCents: part.disputedCents,
              },
            ];
      }),
    },
    comments: comments.map((comment) => presentComment(comment, language)),
    attachments: attachments.map(presentAttachment),
    recipient: { name: link?.recipientName ?? null, email: link?.recipientEmail ?? null },
    expiresAt: link?.expiresAt.toISOString() ?? '',
  };
}
