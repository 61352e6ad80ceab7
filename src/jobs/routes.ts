/**
 * The messages and their channels over HTTP (docs/api.md): the messages view, a message's
 * attachment, the letters' print batch, and the company's SMTP and SMS settings with their
 * tests. Thin: parse, call one use case, map to the answer's schema.
 */
import { Buffer } from 'node:buffer';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Deps } from '../app/deps.ts';
import { answer, problems } from '../http/openapi.ts';
import { requestLanguage, sendRouteProblem } from '../http/problem.ts';
import type { App } from '../http/types.ts';
import { DomainError } from '../shared/errors.ts';
import type { MessageCode, MessageParams } from '../shared/messages/catalogue.ts';
import { ZId, ZProblem } from '../shared/schemas.ts';
import {
  getMailSettings,
  testMailSettings,
  updateMailSettings,
  type MailSettings,
} from './mail-settings.ts';
import {
  getMessage,
  getMessageAttachment,
  listLettersWaiting,
  reportBounce,
  listMessagePage,
  printLetterBatch,
} from './messages.ts';
import {
  ZLettersToPrint,
  ZListMessagesRequest,
  ZMailSettings,
  ZMessageDetail,
  ZMessageList,
  ZReportBounceRequest,
  ZSaveMailSettingsRequest,
  ZSaveSmsSettingsRequest,
  ZSmsSettings,
  ZTestMailRequest,
  ZTestMailResult,
  ZTestSmsRequest,
  ZTestSmsResult,
  type TMailSettings,
  type TSmsSettings,
} from './schemas.ts';
import {
  getSmsSettings,
  testSmsSettings,
  updateSmsSettings,
  type SmsSettings,
} from './sms-settings.ts';

const ZIdParams = z.object({ id: ZId });
const messageTags = ['messages'];
const settingTags = ['settings'];

/** A file answer: the bytes as they are. */
const ZFile = z.string().meta({ format: 'binary' });

function pdfAnswer(description: string) {
  return { description, content: { 'application/pdf': { schema: ZFile } } };
}

/** The test of a setting that did not go through: the server's or provider's refusal. */
function refusedTest(description: string) {
  return { description, content: { 'application/problem+json': { schema: ZProblem } } };
}

function presentMailSettings(settings: MailSettings): TMailSettings {
  return {
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    username: settings.username,
    fromAddress: settings.fromAddress,
    fromName: settings.fromName,
    replyTo: settings.replyTo,
    hasPassword: settings.password !== null,
  };
}

function presentSmsSettings(settings: SmsSettings): TSmsSettings {
  return { url: settings.url, sender: settings.sender, hasToken: settings.token !== null };
}

/** `inline; filename=…`, the name kept readable in ASCII and exact in UTF-8 (RFC 6266). */
function inlineDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** Sends `bytes` as a file to open in the browser (a PDF), never cached. */
function sendFile(
  reply: FastifyReply,
  file: { name: string; contentType: string; content: Uint8Array },
  headers: Readonly<Record<string, string>> = {},
): FastifyReply {
  return reply
    .headers(headers)
    .header('content-type', file.contentType)
    .header('content-disposition', inlineDisposition(file.name))
    .header('cache-control', 'private, no-store')
    .send(Buffer.from(file.content));
}

/**
 * A 502 problem: the settings are well formed, but the server they name said no, or none
 * answered (RFC 9110 §15.6.3: a gateway's upstream refused). Not a 400: the input was read.
 */
function sendRefusal(
  request: FastifyRequest,
  reply: FastifyReply,
  reason: MessageCode,
  params: MessageParams,
): FastifyReply {
  return sendRouteProblem(request, reply, {
    status: 502,
    code: reason,
    title: 'upstream_refused',
    reason,
    params,
  });
}

export function registerMessageRoutes(app: App, deps: Deps): void {
  registerMessageViewRoutes(app, deps);
  registerBounceRoute(app, deps);
  registerLetterRoutes(app, deps);
  registerMailSettingRoutes(app, deps);
  registerSmsSettingRoutes(app, deps);
}

function registerMessageViewRoutes(app: App, deps: Deps): void {
  app.get(
    '/messages',
    {
      schema: {
        operationId: 'listMessages',
        tags: messageTags,
        summary: 'The company’s messages (e-mails, SMS, letters), newest first',
        description:
          'A page at a time: pass the answer’s `nextCursor` as `before` for the next one (docs/messages.md).',
        querystring: ZListMessagesRequest,
        response: {
          200: answer('The messages, and the cursor of the next page', ZMessageList),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request) => listMessagePage(deps, request.ctx, request.query),
  );
  app.get(
    '/messages/:id',
    {
      schema: {
        operationId: 'getMessage',
        tags: messageTags,
        summary: 'One message, with its bodies as sent',
        params: ZIdParams,
        response: {
          200: answer('The message', ZMessageDetail),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request) => getMessage(deps, request.ctx, request.params.id),
  );
  app.get(
    '/messages/:id/attachment',
    {
      schema: {
        operationId: 'getMessageAttachment',
        tags: messageTags,
        summary: 'The file a message carries: a letter’s PDF',
        params: ZIdParams,
        response: {
          200: pdfAnswer('The file, to open in the browser (`Content-Disposition: inline`)'),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const attachment = await getMessageAttachment(deps, request.ctx, request.params.id);
      return sendFile(reply, attachment);
    },
  );
}

function registerBounceRoute(app: App, deps: Deps): void {
  app.post(
    '/messages/:id/bounce',
    {
      schema: {
        operationId: 'reportMessageBounce',
        tags: messageTags,
        summary: 'Record that a message sent came back, with the reason the report gives',
        description:
          'For a mail gateway’s delivery reports (with an API token) or a letter returned by the post. The dunning step it carried counts as failed: its invoices do not escalate. 409 `message_not_sent` for a message that has not gone out.',
        params: ZIdParams,
        body: ZReportBounceRequest,
        response: {
          200: answer('The message, bounced', ZMessageDetail),
          ...problems(400, 401, 403, 404, 409),
        },
      },
    },
    async (request) => reportBounce(deps, request.ctx, request.params.id, request.body.reason),
  );
}

function registerLetterRoutes(app: App, deps: Deps): void {
  app.get(
    '/letters/to-print',
    {
      schema: {
        operationId: 'listLettersToPrint',
        tags: messageTags,
        summary: 'The letters waiting for their print batch, oldest first',
        response: {
          200: answer('How many wait, and the first 500', ZLettersToPrint),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request) => listLettersWaiting(deps, request.ctx),
  );
  app.post(
    '/letters/print',
    {
      schema: {
        operationId: 'printLetters',
        tags: messageTags,
        summary: 'The print batch: every waiting letter (500 at most) in one PDF, marked printed',
        description:
          'Each letter of the batch becomes `sent`, with its event in the customer’s history; `X-Letter-Count` and `X-Letters-Remaining` say how many are in it and how many still wait. 409 when none waits.',
        response: {
          200: pdfAnswer('The batch’s PDF'),
          ...problems(400, 401, 403, 409),
        },
      },
    },
    async (request, reply) => {
      const batch = await printLetterBatch(deps, request.ctx);
      return sendFile(
        reply,
        { name: 'courriers.pdf', contentType: 'application/pdf', content: batch.pdf },
        {
          'x-letter-count': String(batch.letters.length),
          'x-letters-remaining': String(batch.remaining),
        },
      );
    },
  );
}

function registerMailSettingRoutes(app: App, deps: Deps): void {
  app.get(
    '/settings/mail',
    {
      schema: {
        operationId: 'getMailSettings',
        tags: settingTags,
        summary: 'The company’s SMTP server, which its e-mails leave through (never the password)',
        response: {
          200: answer('The settings', ZMailSettings),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request) => {
      const settings = await getMailSettings(deps, request.ctx);
      if (settings === undefined) {
        throw new DomainError('not_found', 'mail_settings_not_found');
      }
      return presentMailSettings(settings);
    },
  );
  app.put(
    '/settings/mail',
    {
      schema: {
        operationId: 'saveMailSettings',
        tags: settingTags,
        summary: 'Set the company’s SMTP server',
        description:
          '`password` omitted keeps the stored one; `null` removes it. A user name needs a password.',
        body: ZSaveMailSettingsRequest,
        response: {
          200: answer('The settings stored', ZMailSettings),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request) =>
      presentMailSettings(await updateMailSettings(deps, request.ctx, request.body)),
  );
  app.post(
    '/settings/mail/test',
    {
      schema: {
        operationId: 'testMailSettings',
        tags: settingTags,
        summary: 'Send a test e-mail through the stored settings, or through `settings` unsaved',
        body: ZTestMailRequest,
        response: {
          200: answer('The server accepted it', ZTestMailResult),
          ...problems(400, 401, 403, 404),
          502: refusedTest(
            'The server could not be reached (`smtp_unreachable`), refused the user name or password (`smtp_auth_refused`), the address (`smtp_recipient_refused`) or the message (`smtp_refused`); `params.reason` has its words',
          ),
        },
      },
    },
    async (request, reply) => {
      const outcome = await testMailSettings(deps, request.ctx, {
        to: request.body.to,
        settings: request.body.settings,
        language: requestLanguage(request),
      });
      if (outcome.sent) {
        return { sent: true as const, messageId: outcome.messageId };
      }
      return sendRefusal(request, reply, outcome.refusal, {
        host: outcome.settings.host,
        port: outcome.settings.port,
        to: request.body.to,
        reason: outcome.reason,
      });
    },
  );
}

function registerSmsSettingRoutes(app: App, deps: Deps): void {
  app.get(
    '/settings/sms',
    {
      schema: {
        operationId: 'getSmsSettings',
        tags: settingTags,
        summary: 'The company’s SMS webhook (never the token)',
        response: {
          200: answer('The settings', ZSmsSettings),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request) => {
      const settings = await getSmsSettings(deps, request.ctx);
      if (settings === undefined) {
        throw new DomainError('not_found', 'sms_settings_not_found');
      }
      return presentSmsSettings(settings);
    },
  );
  app.put(
    '/settings/sms',
    {
      schema: {
        operationId: 'saveSmsSettings',
        tags: settingTags,
        summary: 'Set the company’s SMS webhook',
        description:
          'Each SMS is POSTed to `url` as JSON `{ to, from, text, reference }` with `Authorization: Bearer <token>` (docs/messages.md). `token` omitted keeps the stored one; `null` removes it.',
        body: ZSaveSmsSettingsRequest,
        response: {
          200: answer('The settings stored', ZSmsSettings),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request) => presentSmsSettings(await updateSmsSettings(deps, request.ctx, request.body)),
  );
  app.post(
    '/settings/sms/test',
    {
      schema: {
        operationId: 'testSmsSettings',
        tags: settingTags,
        summary: 'Send a test SMS through the stored webhook, or through `settings` unsaved',
        body: ZTestSmsRequest,
        response: {
          200: answer('The provider accepted it', ZTestSmsResult),
          ...problems(400, 401, 403, 404),
          502: refusedTest(
            'The provider could not be reached (`sms_webhook_unreachable`) or did not answer 2xx (`sms_webhook_refused`); `params.reason` has its answer',
          ),
        },
      },
    },
    async (request, reply) => {
      const outcome = await testSmsSettings(deps, request.ctx, {
        to: request.body.to,
        settings: request.body.settings,
        language: requestLanguage(request),
      });
      if (outcome.sent) {
        return { sent: true as const };
      }
      return sendRefusal(request, reply, outcome.refusal, {
        to: request.body.to,
        reason: outcome.reason,
      });
    },
  );
}
