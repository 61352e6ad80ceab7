/**
 * What the messages and their channels say, in English, by stable code (merged into the
 * catalogue's `codes`): the messages view, the print batch of letters, the SMTP and SMS
 * settings and their tests (docs/messages.md). `messages.fr.ts` has the same keys.
 */
export const messagesEn = {
  message_not_found: 'Message {{key}} not found',
  message_attachment_not_found: 'Message {{key}} has no attachment',
  message_not_sent:
    'Message {{key}} has not gone out yet (it is {{status}}): only a message sent can come back',
  message_cursor_invalid: 'This cursor was not given by the messages list: start again without it',
  letters_none_to_print: 'No letter is waiting to be printed',
  mail_settings_not_found: 'The company has no mail server set yet',
  mail_password_required: 'A user name needs its password',
  mail_username_required: 'A password needs its user name',
  sms_settings_not_found: 'The company has no SMS provider set yet',
  phone_number_e164: 'A phone number in international form, such as +33612345678',
  smtp_unreachable: 'The mail server {{host}}:{{port}} cannot be reached ({{reason}})',
  smtp_auth_refused: 'The mail server refused the user name or the password ({{reason}})',
  smtp_recipient_refused: 'The mail server refused the address {{to}} ({{reason}})',
  smtp_refused: 'The mail server refused the test e-mail ({{reason}})',
  sms_webhook_unreachable: 'The SMS provider cannot be reached ({{reason}})',
  sms_webhook_refused: 'The SMS provider refused the test text ({{reason}})',
  mail_test_subject: 'Encaisse: test e-mail',
  mail_test_body:
    'This e-mail was sent by Encaisse to check the mail settings of {{company}}. Reminders will leave the same way, from {{from}}. There is nothing to do.',
  sms_test_text: 'Encaisse: test text for {{company}}. Reminders by SMS will reach this number.',
} as const;

/** The help of `encaisse messages` and `encaisse letters` (merged into `cliHelp`). */
export const messagesCliHelpEn = {
  messages: 'The messages sent or waiting: e-mails, SMS and letters, see docs/messages.md',
  messagesList: 'List the messages, newest first',
  messagesCustomer: 'Only the messages about the customer of this code',
  messagesStatus: 'Only the messages of this status (queued, sending, sent, failed, bounced)',
  messagesChannel: 'Only the messages of this channel (email, sms, letter)',
  messagesLimit: 'At most this many messages (all of them by default)',
  letters: 'The letters to print and post',
  lettersPrint: 'Write every letter waiting into one PDF to print, and mark them printed (sent)',
  lettersOut: 'The PDF file to write',
} as const;

/** What `encaisse messages list` and `encaisse letters print` print (merged into `cliOutput`). */
export const messagesCliOutputEn = {
  columnCreated: 'Created',
  columnChannel: 'Channel',
  columnRecipients: 'Recipients',
  columnMessageStatus: 'Status',
  columnReason: 'Reason',
  messagesShown_one: '{{count, number}} message shown',
  messagesShown_other: '{{count, number}} messages shown',
  lettersPrinted_one: '{{count, number}} letter written to {{file}} and marked printed',
  lettersPrinted_other: '{{count, number}} letters written to {{file}} and marked printed',
  lettersNone: 'No letter is waiting to be printed: no file written',
  messageStatusQueued: 'queued',
  messageStatusSending: 'sending',
  messageStatusSent: 'sent',
  messageStatusFailed: 'failed',
  messageStatusBounced: 'bounced',
  messageChannelEmail: 'email',
  messageChannelSms: 'text',
  messageChannelLetter: 'letter',
} as const;
