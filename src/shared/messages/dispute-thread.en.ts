/**
 * What a dispute's thread, its attachments and its links say, in English, by stable code
 * (merged into the catalogue's `codes`): the refusals, and the e-mails that carry a
 * department's link (sent by hand, reminders, escalation). `dispute-thread.fr.ts` has the
 * same keys.
 */
export const disputeThreadEn = {
  attachment_empty: 'The file is empty',
  attachment_too_large: 'The file is larger than the {{max, number}} MiB an attachment may be',
  attachment_type_refused:
    'A file of type {{type}} cannot be attached: PDF, PNG, JPEG, plain text or an e-mail (.eml) only',
  attachment_content_mismatch: 'The file does not contain what its type ({{type}}) says',
  attachment_comment_unknown: 'The dispute has no comment {{key}} to attach the file to',
  dispute_attachment_not_found: 'Attachment {{key}} not found',
  comment_body_required: 'The comment is empty',
  dispute_link_not_found: 'The dispute has no link {{key}}',
  dispute_link_recipient_required:
    'Whom should the link be sent to? The dispute has no assignee e-mail: give one',
  link_invalid: 'This link is not valid: ask the sender for a new one',
  link_expired: 'This link expired on {{date}}: ask the sender for a new one',
  link_revoked: 'This link was withdrawn: ask the sender for a new one',
  link_lifetime: 'A link lasts from 1 to {{max}} days',
  dispute_email_greeting: 'Hello {{name}},',
  dispute_email_greeting_anonymous: 'Hello,',
  dispute_email_facts:
    'Dispute {{reference}} — {{customer}} — {{cause}}: {{amount, money}}, answer due on {{deadline, day}}.',
  dispute_email_link:
    'Open the dispute, read its documents and answer (no account needed): {{url}}',
  dispute_email_link_note:
    'This link opens this dispute only, until {{expires, day}}. Do not forward it: whoever holds it can answer in your name.',
  dispute_email_signature: 'The credit management team, {{company}}',
  dispute_link_subject: 'Dispute {{reference}} ({{customer}}): your answer is needed',
  dispute_link_intro: 'A customer disputes an invoice, and your department is asked to answer.',
  dispute_reminder_subject:
    'Reminder: dispute {{reference}} ({{customer}}) is due on {{deadline, day}}',
  dispute_reminder_intro:
    'The answer to this dispute is due in two days. Thank you for giving it in time.',
  dispute_overdue_subject:
    'Dispute {{reference}} ({{customer}}): the answer was due on {{deadline, day}}',
  dispute_overdue_intro:
    'The answer to this dispute was due yesterday: the customer is waiting, and so are its invoices.',
  dispute_escalation_subject:
    'Escalation: dispute {{reference}} ({{customer}}) unanswered since {{deadline, day}}',
  dispute_escalation_intro:
    'A dispute routed to your department ({{department}}) is unanswered three days after its deadline. It was given to {{assignee}}.',
} as const;
