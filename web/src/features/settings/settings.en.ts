import type { settingsFr } from './settings.fr.ts';

/** The sending settings' words in English (same keys as `settings.fr.ts`). */
export const settingsEn: typeof settingsFr = {
  mail: {
    title: 'Sending e-mails (SMTP)',
    explanation:
      'Reminders leave through the company’s own mail server, from its address, as if a person had sent them.',
    host: 'SMTP server',
    port: 'Port',
    secure: 'TLS from the first byte (port 465)',
    secureHint: 'Otherwise STARTTLS when the server offers it (port 587).',
    username: 'User name',
    password: 'Password',
    passwordKept: 'Stored (leave empty to keep it)',
    fromAddress: 'Sender’s address',
    fromName: 'Sender’s name',
    replyTo: 'Reply-to address',
    save: 'Save',
    saved: 'Sending settings saved.',
    testTo: 'Send a test to',
    testSend: 'Send a test e-mail',
    testSent: 'Test e-mail sent to {{to}} ({{messageId}}).',
  },
  sms: {
    title: 'Sending SMS',
    explanation:
      'Text messages are handed to your provider by an HTTP call (webhook) with the number, the sender and the text.',
    url: 'Webhook URL',
    sender: 'Sender',
    token: 'Token',
    tokenKept: 'Stored (leave empty to keep it)',
    save: 'Save',
    saved: 'SMS settings saved.',
    testTo: 'Send a test to',
    testSend: 'Send a test SMS',
    testSent: 'Test SMS sent to {{to}}.',
  },
};
