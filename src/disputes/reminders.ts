/**
 * Reminders and escalation of disputes waiting for an answer (issue 10, docs/disputes.md
 * « Reminders and escalation »), run each day with the dunning run: the person who must
 * answer gets one e-mail two days before the deadline and one the day after it passed; three
 * days after it, the department's manager gets one. Each e-mail carries a fresh department
 * link (14 days): an old e-mail that leaked is not made new again by a reminder.
 */
import type { Ctx } from '../app/context.ts';
import type { Deps } from '../app/deps.ts';
import { authorize } from '../app/policy.ts';
import { createAccessLinks, setAccessLinkMessages } from '../access/service.ts';
import { accessLinkUrl } from '../access/urls.ts';
import { recordEvents, type EventInput } from '../audit/service.ts';
import type { Tx } from '../db/client.ts';
import { queueMessagesInTx } from '../jobs/outbox.ts';
import { addDays, type CalendarDate } from '../shared/calendar-date.ts';
import type { Language } from '../shared/language.ts';
import {
  disputeLinkEmail,
  emailFacts,
  type DisputeEmailFacts,
  type DisputeEmailKind,
} from './department-link.ts';
import { DEFAULT_DEPARTMENT_LINK_DAYS, MAX_DEPARTMENT_LINK_DAYS } from './thread-schemas.ts';
import { lockDisputesToRemind, markReminders, type DisputeToRemind } from './thread-store.ts';

/** Days before the deadline the first reminder goes. */
export const REMIND_DAYS_BEFORE = 2;
/** Days after the deadline the manager is told. */
export const ESCALATE_DAYS_AFTER = 3;

/** What is due today for one dispute: a reminder to its assignee, an escalation to its manager. */
export type ReminderDue = { remind: 'reminder' | 'overdue' | null; escalate: boolean };

/**
 * What is due on `today` for `dispute` (pure):
 * - `reminder` from two days before the deadline to the deadline, unless one went since
 *   those two days began (a run missed on the day still sends it the next);
 * - `overdue` once the deadline passed, unless one went after the deadline;
 * - escalation from three days after the deadline, once, when its department has a
 *   manager's e-mail.
 */
export function reminderDue(
  dispute: Pick<DisputeToRemind, 'deadline' | 'remindedOn' | 'escalatedOn' | 'department'>,
  today: CalendarDate,
): ReminderDue {
  const { deadline, remindedOn } = dispute;
  const remindFrom = addDays(deadline, -REMIND_DAYS_BEFORE);
  let remind: ReminderDue['remind'] = null;
  if (today > deadline) {
    remind = remindedOn === null || remindedOn <= deadline ? 'overdue' : null;
  } else if (today >= remindFrom) {
    remind = remindedOn === null || remindedOn < remindFrom ? 'reminder' : null;
  }
  const escalate =
    dispute.escalatedOn === null &&
    today >= addDays(deadline, ESCALATE_DAYS_AFTER) &&
    (dispute.department?.managerEmail ?? null) !== null;
  return { remind, escalate };
}

/** What one day's reminders did. */
export type DisputeReminders = { reminded: number; escalated: number };

type Mail = {
  dispute: DisputeToRemind;
  kind: DisputeEmailKind;
  recipient: { name: string | null; email: string };
};

/**
 * Sends, in the caller's transaction `tx` (the daily run's), the reminders and escalations
 * due on `today` (`reminderDue`) for the company's disputes waiting for an answer, each with
 * a fresh department link to the dispute, through the outbox; records `reminded_on`,
 * `escalated_on` and the events `dispute.reminded` / `dispute.escalated`. A fixed number of
 * statements whatever the number of disputes; the disputes' rows are locked, so a second
 * run at once waits and then finds them reminded: each e-mail goes once.
 */
export async function remindDisputeOwnersInTx(
  deps: Deps,
  tx: Tx,
  ctx: Ctx,
  today: CalendarDate,
  options: { publicUrl: string; language?: Language },
): Promise<DisputeReminders> {
  authorize(ctx, 'dispute:manage');
  const language = options.language ?? 'fr';
  const candidates = await lockDisputesToRemind(
    tx,
    ctx.companyId,
    addDays(today, REMIND_DAYS_BEFORE),
  );
  const mails: Mail[] = [];
  for (const dispute of candidates) {
    const due = reminderDue(dispute, today);
    if (due.remind !== null) {
      mails.push({ dispute, kind: due.remind, recipient: dispute.assignee });
    }
    const managerEmail = dispute.department?.managerEmail ?? null;
    if (due.escalate && managerEmail !== null) {
      mails.push({
        dispute,
        kind: 'escalation',
        recipient: { name: dispute.department?.managerName ?? null, email: managerEmail },
      });
    }
  }
  if (mails.length === 0) {
    return { reminded: 0, escalated: 0 };
  }
  const now = deps.clock.now();
  const facts = await emailFacts(deps, tx, ctx, language, [
    ...new Map(mails.map((mail) => [mail.dispute.id, mail.dispute])).values(),
  ]);
  const links = await createAccessLinks(
    deps,
    tx,
    ctx,
    mails.map((mail) => ({
      audience: 'department' as const,
      disputeId: mail.dispute.id,
      customerId: mail.dispute.customerId,
      recipientName: mail.recipient.name,
      recipientEmail: mail.recipient.email,
      days: DEFAULT_DEPARTMENT_LINK_DAYS,
      maxDays: MAX_DEPARTMENT_LINK_DAYS,
      now,
    })),
  );
  const messageIds = await queueMessagesInTx(
    deps,
    tx,
    ctx,
    mails.map((mail, index) => {
      const { link, token } = links[index] as (typeof links)[number];
      const words = disputeLinkEmail(
        language,
        mail.kind,
        {
          ...(facts.get(mail.dispute.id) as DisputeEmailFacts),
          departmentName: mail.dispute.department?.name ?? '',
          assigneeName: mail.dispute.assignee.name ?? mail.dispute.assignee.email,
        },
        mail.recipient.name,
        { url: accessLinkUrl(options.publicUrl, 'department', token), expiresAt: link.expiresAt },
      );
      return {
        channel: 'email' as const,
        recipients: [mail.recipient.email],
        subject: words.subject,
        bodyText: words.bodyText,
        customerId: mail.dispute.customerId,
        source: { type: 'dispute', id: mail.dispute.id },
      };
    }),
  );
  await setAccessLinkMessages(
    tx,
    ctx,
    links.map((made, index) => ({ linkId: made.link.id, messageId: messageIds[index] ?? '' })),
  );
  const reminded = mails.filter((mail) => mail.kind !== 'escalation');
  const escalated = mails.filter((mail) => mail.kind === 'escalation');
  await markReminders(
    tx,
    ctx.companyId,
    today,
    reminded.map((mail) => mail.dispute.id),
    escalated.map((mail) => mail.dispute.id),
  );
  await recordEvents(
    tx,
    ctx,
    mails.map((mail, index): EventInput => ({
      action: mail.kind === 'escalation' ? 'dispute.escalated' : 'dispute.reminded',
      entityType: 'dispute',
      entityId: mail.dispute.id,
      customerId: mail.dispute.customerId,
      data: {
        reference: mail.dispute.reference,
        kind: mail.kind,
        deadline: mail.dispute.deadline,
        recipientEmail: mail.recipient.email,
        linkId: links[index]?.link.id ?? null,
        messageId: messageIds[index] ?? null,
      },
    })),
  );
  return { reminded: reminded.length, escalated: escalated.length };
}
