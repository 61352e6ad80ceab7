/**
 * Who hears of a credit alert, and what they read (issue 12: « crossing a threshold raises an
 * alert to the credit manager and the sales rep »): an e-mail to every active credit manager
 * and administrator, and to the account's sales rep when the record names one of the users
 * (by e-mail or name), each in the user's language, queued in the decision's transaction.
 */
import type { User } from '../auth/model.ts';
import type { NewMessage } from '../jobs/model.ts';
import type { Language } from '../shared/language.ts';
import { messageOf } from '../shared/messages/catalogue.ts';

/** Someone an alert is sent to. */
export type AlertRecipient = {
  email: string;
  name: string;
  language: Language;
  isManager: boolean;
};

/** The users who hear of every alert (credit managers, administrators), and the others by name. */
export function alertRecipientsOf(users: readonly User[]): AlertRecipient[] {
  return users
    .filter((user) => user.isActive)
    .map((user) => ({
      email: user.email,
      name: user.displayName,
      language: user.language ?? 'fr',
      isManager: user.role === 'credit_manager' || user.role === 'admin',
    }));
}

/** The recipients of one account's alert: the managers, and its sales rep if a user. */
export function recipientsFor(
  recipients: readonly AlertRecipient[],
  salesRep: string | null,
): AlertRecipient[] {
  const rep = salesRep?.trim().toLowerCase() ?? '';
  return recipients.filter(
    (recipient) =>
      recipient.isManager ||
      (rep !== '' &&
        (recipient.email.toLowerCase() === rep || recipient.name.toLowerCase() === rep)),
  );
}

/** The e-mails of an alert, one per recipient, in their language. */
export function alertMessages(
  recipients: readonly AlertRecipient[],
  alert: {
    level: 'alert' | 'block';
    customerId: string;
    customerCode: string;
    customerName: string;
    exposureCents: number;
    limitCents: number;
    currency: string;
    alertId: string;
  },
): NewMessage[] {
  const usedPercent =
    alert.limitCents === 0 ? 100 : Math.floor((alert.exposureCents * 100) / alert.limitCents);
  return recipients.map((recipient) => {
    const params = {
      customer: `${alert.customerCode} ${alert.customerName}`,
      exposure: alert.exposureCents,
      limit: alert.limitCents,
      currency: alert.currency,
      percent: usedPercent,
    };
    const say = (code: Parameters<typeof messageOf>[1]) =>
      messageOf(recipient.language, code, params);
    return {
      channel: 'email',
      recipients: [recipient.email],
      subject: say(alert.level === 'block' ? 'credit_alert_block_subject' : 'credit_alert_subject'),
      bodyText: [
        say(alert.level === 'block' ? 'credit_alert_block_body' : 'credit_alert_body'),
        '',
        say('credit_alert_figures'),
      ].join('\n'),
      customerId: alert.customerId,
      source: { type: 'credit_alert', id: alert.alertId },
    };
  });
}
