/**
 * The messages and their channels over HTTP: the SMTP settings (never the password back, a
 * password kept when omitted), a test e-mail through a real `smtp-server` on 127.0.0.1 and
 * its refusals as 502 problems in French and English; the SMS webhook settings and their
 * test against a real `node:http` server; the messages view paged by cursor, a message's
 * bodies and PDF; the letters' print batch as one PDF. Every answer is parsed with the
 * server's own schema.
 */
import { Buffer } from 'node:buffer';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import PdfKit from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../../src/app/context.ts';
import { inTransaction } from '../../../src/db/transaction.ts';
import type { NewMessage } from '../../../src/jobs/model.ts';
import { queueMessagesInTx, recordLettersPrinted } from '../../../src/jobs/outbox.ts';
import {
  ZLettersToPrint,
  ZMailSettings,
  ZMessageDetail,
  ZMessageList,
  ZSmsSettings,
  ZTestMailResult,
} from '../../../src/jobs/schemas.ts';
import { pdfPages } from '../../pdf-text.ts';
import { makeCompany, makeCustomer, makeUser } from '../../factories.ts';
import { closedPort, TestSmtpServer } from '../../smtp-server.ts';
import { expectProblem, signIn, useHttpApp, writeHeaders, type Session } from './http-helpers.ts';

const http = useHttpApp();

const smtp = new TestSmtpServer();
const mails = smtp.received;
const smsRequests: { authorization: string | undefined; body: unknown }[] = [];
const smsProvider: Server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { to: string };
    smsRequests.push({ authorization: request.headers.authorization, body });
    const isRefused = body.to.endsWith('0000');
    response.writeHead(isRefused ? 400 : 202, { 'content-type': 'text/plain' });
    response.end(isRefused ? 'unknown number' : 'queued');
  });
});
let smsPort = 0;

beforeAll(async () => {
  await smtp.start();
  await new Promise<void>((resolve) => {
    smsProvider.listen(0, '127.0.0.1', () => resolve());
  });
  smsPort = (smsProvider.address() as AddressInfo).port;
});
afterAll(async () => {
  await smtp.stop();
  await new Promise<void>((resolve) => {
    smsProvider.close(() => resolve());
  });
});

async function companyWith(role: 'admin' | 'credit_manager' | 'collector' | 'read_only') {
  const { ctx } = await makeCompany(http.deps);
  const user = await makeUser(http.deps, ctx, role);
  const session = await signIn(http.app, user.email, user.password);
  return { ctx, session };
}

function send(
  session: Session,
  method: 'POST' | 'PUT',
  url: string,
  payload?: object,
  language?: 'fr' | 'en',
) {
  return http.app.inject({
    method,
    url,
    headers: {
      ...writeHeaders(session),
      ...(language === undefined ? {} : { 'accept-language': language }),
    },
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
}

function get(session: Session, url: string) {
  return http.app.inject({ url, headers: { cookie: session.cookie } });
}

function mailSettings(overrides: Record<string, unknown> = {}) {
  return {
    host: '127.0.0.1',
    port: smtp.port,
    secure: false,
    username: 'dupont',
    password: 'secret smtp',
    fromAddress: 'relances@dupont.test',
    fromName: 'Menuiseries Dupont',
    replyTo: null,
    ...overrides,
  };
}

describe('/api/settings/mail', () => {
  it('is 404 before any is set, stores them, never answers the password, keeps it when omitted', async () => {
    const { session } = await companyWith('admin');
    const none = expectProblem(await get(session, '/api/settings/mail'), 404);
    expect(none.reason).toBe('mail_settings_not_found');

    const saved = await send(session, 'PUT', '/api/settings/mail', mailSettings());
    expect(saved.statusCode).toBe(200);
    expect(saved.body).not.toContain('secret smtp');
    expect(ZMailSettings.parse(saved.json())).toEqual({
      host: '127.0.0.1',
      port: smtp.port,
      secure: false,
      username: 'dupont',
      fromAddress: 'relances@dupont.test',
      fromName: 'Menuiseries Dupont',
      replyTo: null,
      hasPassword: true,
    });

    const { password: _omitted, ...withoutPassword } = mailSettings({ fromName: 'Dupont' });
    const kept = await send(session, 'PUT', '/api/settings/mail', withoutPassword);
    expect(ZMailSettings.parse(kept.json())).toMatchObject({
      fromName: 'Dupont',
      hasPassword: true,
    });
    // The kept password still logs in: the test e-mail goes.
    const tested = await send(session, 'POST', '/api/settings/mail/test', {
      to: 'moi@dupont.test',
    });
    expect(tested.statusCode).toBe(200);

    const read = await get(session, '/api/settings/mail');
    expect(ZMailSettings.parse(read.json())).toMatchObject({
      fromName: 'Dupont',
      hasPassword: true,
    });

    const anonymous = await send(
      session,
      'PUT',
      '/api/settings/mail',
      mailSettings({ username: null, password: null }),
    );
    expect(ZMailSettings.parse(anonymous.json())).toMatchObject({
      username: null,
      hasPassword: false,
    });
  });

  it('refuses a bad port, an empty host and an invalid address with each field named', async () => {
    const { session } = await companyWith('admin');
    const problem = expectProblem(
      await send(
        session,
        'PUT',
        '/api/settings/mail',
        mailSettings({ host: '', port: 70000, fromAddress: 'pas une adresse' }),
      ),
      400,
    );
    expect(problem.code).toBe('invalid');
    expect(problem.issues?.map((issue) => issue.field).sort()).toEqual([
      'fromAddress',
      'host',
      'port',
    ]);
  });

  it('refuses a user name without its password, in French', async () => {
    const { session } = await companyWith('admin');
    const { password: _none, ...withoutPassword } = mailSettings();
    const problem = expectProblem(
      await send(session, 'PUT', '/api/settings/mail', withoutPassword),
      400,
    );
    expect(problem.issues).toMatchObject([
      {
        field: 'password',
        code: 'mail_password_required',
        message: 'Un nom d’utilisateur a besoin de son mot de passe',
      },
    ]);
  });

  it('is for administrators only', async () => {
    const { session } = await companyWith('credit_manager');
    const refusals = [
      await get(session, '/api/settings/mail'),
      await send(session, 'PUT', '/api/settings/mail', mailSettings()),
      await send(session, 'POST', '/api/settings/mail/test', { to: 'moi@dupont.test' }),
      await get(session, '/api/settings/sms'),
    ].map((response) => expectProblem(response, 403).reason);
    expect(refusals).toEqual([
      'role_forbidden',
      'role_forbidden',
      'role_forbidden',
      'role_forbidden',
    ]);
  });
});

describe('POST /api/settings/mail/test', () => {
  it('sends a real e-mail through the settings being edited, in the caller’s language', async () => {
    const { session } = await companyWith('admin');
    mails.length = 0;
    const response = await send(
      session,
      'POST',
      '/api/settings/mail/test',
      { to: 'moi@dupont.test', settings: mailSettings() },
      'fr',
    );
    expect(response.statusCode).toBe(200);
    const result = ZTestMailResult.parse(response.json());
    expect(result.messageId).toMatch(/^<.+@.+>$/);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.to).toEqual(['moi@dupont.test']);
    expect(mails[0]?.raw).toContain(`Message-ID: ${result.messageId}`);
    // « Encaisse : e-mail d’essai », with its no-break space, encoded on the wire.
    expect(mails[0]?.raw).toContain(
      'Subject: =?UTF-8?Q?Encaisse=C2=A0=3A_e-mail_d=E2=80=99essai?=',
    );
    expect(mails[0]?.raw).toContain('r=C3=A9glages d=E2=80=99e-mail de Menuiseries Dupont.');
    // Nothing was stored: the settings were only tried.
    expectProblem(await get(session, '/api/settings/mail'), 404);

    mails.length = 0;
    await send(
      session,
      'POST',
      '/api/settings/mail/test',
      { to: 'moi@dupont.test', settings: mailSettings() },
      'en',
    );
    expect(mails[0]?.raw).toContain('Subject: Encaisse: test e-mail');
  });

  it('answers 502 smtp_unreachable when nothing listens, in French and in English', async () => {
    const { session } = await companyWith('admin');
    const port = await closedPort();
    const body = { to: 'moi@dupont.test', settings: mailSettings({ port }) };
    const fr = expectProblem(
      await send(session, 'POST', '/api/settings/mail/test', body, 'fr'),
      502,
    );
    expect(fr).toMatchObject({ code: 'smtp_unreachable', reason: 'smtp_unreachable' });
    expect(fr.params).toMatchObject({ host: '127.0.0.1', port });
    expect(String(fr.params?.['reason'])).toContain('ECONNREFUSED');
    expect(fr.detail).toMatch(
      new RegExp(`^Le serveur d’e-mail 127\\.0\\.0\\.1:${port} est injoignable \\(.*ECONNREFUSED`),
    );
    const en = expectProblem(
      await send(session, 'POST', '/api/settings/mail/test', body, 'en'),
      502,
    );
    expect(en.detail).toMatch(
      new RegExp(`^The mail server 127\\.0\\.0\\.1:${port} cannot be reached \\(.*ECONNREFUSED`),
    );
  });

  it('answers 502 smtp_auth_refused and smtp_recipient_refused with the server’s words', async () => {
    const { session } = await companyWith('admin');
    const auth = expectProblem(
      await send(
        session,
        'POST',
        '/api/settings/mail/test',
        { to: 'moi@dupont.test', settings: mailSettings({ password: 'wrong' }) },
        'en',
      ),
      502,
    );
    expect(auth.code).toBe('smtp_auth_refused');
    expect(auth.detail).toMatch(/^The mail server refused the user name or the password \(535/);

    const recipient = expectProblem(
      await send(
        session,
        'POST',
        '/api/settings/mail/test',
        { to: 'personne@refused.test', settings: mailSettings() },
        'fr',
      ),
      502,
    );
    expect(recipient.code).toBe('smtp_recipient_refused');
    expect(recipient.detail).toMatch(
      /^Le serveur d’e-mail a refusé l’adresse personne@refused\.test \(550 5\.1\.1 <personne@refused\.test>: user unknown\)$/,
    );
  });

  it('is 404 without stored settings nor settings to try', async () => {
    const { session } = await companyWith('admin');
    const problem = expectProblem(
      await send(session, 'POST', '/api/settings/mail/test', { to: 'moi@dupont.test' }),
      404,
    );
    expect(problem.reason).toBe('mail_settings_not_found');
  });
});

describe('/api/settings/sms', () => {
  it('stores the webhook without answering its token, and tests it against the provider', async () => {
    const { session } = await companyWith('admin');
    expectProblem(await get(session, '/api/settings/sms'), 404);
    const url = `http://127.0.0.1:${smsPort}/send`;
    const saved = await send(session, 'PUT', '/api/settings/sms', {
      url,
      sender: 'DUPONT',
      token: 'tok-secret',
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.body).not.toContain('tok-secret');
    expect(ZSmsSettings.parse(saved.json())).toEqual({ url, sender: 'DUPONT', hasToken: true });
    const kept = await send(session, 'PUT', '/api/settings/sms', { url, sender: null });
    expect(ZSmsSettings.parse(kept.json())).toEqual({ url, sender: null, hasToken: true });

    smsRequests.length = 0;
    const tested = await send(session, 'POST', '/api/settings/sms/test', { to: '+33612345678' });
    expect(tested.statusCode).toBe(200);
    expect(tested.json()).toEqual({ sent: true });
    expect(smsRequests).toHaveLength(1);
    expect(smsRequests[0]?.authorization).toBe('Bearer tok-secret');
    expect(smsRequests[0]?.body).toMatchObject({ to: '+33612345678', from: null });

    const refused = expectProblem(
      await send(session, 'POST', '/api/settings/sms/test', { to: '+33600000000' }, 'en'),
      502,
    );
    expect(refused.code).toBe('sms_webhook_refused');
    expect(refused.detail).toBe(
      'The SMS provider refused the test text (HTTP 400: unknown number)',
    );

    const port = await closedPort();
    const away = expectProblem(
      await send(session, 'POST', '/api/settings/sms/test', {
        to: '+33612345678',
        settings: { url: `http://127.0.0.1:${port}/send`, sender: null },
      }),
      502,
    );
    expect(away.code).toBe('sms_webhook_unreachable');
  });

  it('refuses a URL that is not http(s) and a number not in international form', async () => {
    const { session } = await companyWith('admin');
    const url = expectProblem(
      await send(session, 'PUT', '/api/settings/sms', { url: 'ftp://sms.test/', sender: null }),
      400,
    );
    expect(url.issues?.map((issue) => issue.field)).toEqual(['url']);
    const number = expectProblem(
      await send(session, 'POST', '/api/settings/sms/test', { to: '0612345678' }),
      400,
    );
    expect(number.issues).toMatchObject([
      {
        field: 'to',
        message: 'to : Un numéro de téléphone au format international, comme +33612345678',
      },
    ]);
  });
});

/** A PDF of `pages`, each the lines given, as the dunning letters are made (pdfkit). */
async function letterPdf(pages: readonly string[]): Promise<Uint8Array> {
  const document = new PdfKit({ size: 'A4', autoFirstPage: false });
  const chunks: Buffer[] = [];
  document.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve) => document.on('end', () => resolve()));
  for (const text of pages) {
    document.addPage().text(text);
  }
  document.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

async function queue(ctx: Ctx, messages: readonly NewMessage[]): Promise<string[]> {
  const ids: string[] = [];
  // One transaction each, a millisecond apart: the view's order is their creation's.
  for (const message of messages) {
    ids.push(
      ...(await inTransaction(http.deps.db, (tx) =>
        queueMessagesInTx(http.deps, tx, ctx, [message]),
      )),
    );
  }
  return ids;
}

function email(customerId: string | null, subject: string): NewMessage {
  return {
    channel: 'email',
    recipients: ['compta@client.test'],
    subject,
    bodyText: `Bonjour, ${subject}`,
    bodyHtml: `<p>Bonjour, ${subject}</p>`,
    customerId,
    source: { type: 'dunning_action', id: subject },
  };
}

async function letter(customerId: string, text: string, pages = 1): Promise<NewMessage> {
  return {
    channel: 'letter',
    recipients: ['Client SARL', '3 rue du Port', '13002 Marseille'],
    subject: null,
    bodyText: text,
    attachment: {
      name: `lettre-${text}.pdf`,
      contentType: 'application/pdf',
      content: await letterPdf(Array.from({ length: pages }, (_, page) => `${text} p${page + 1}`)),
    },
    customerId,
    source: { type: 'dunning_action', id: text },
  };
}

describe('/api/messages', () => {
  it('pages newest first by cursor, filters, and opens one with its bodies', async () => {
    const { ctx, session } = await companyWith('read_only');
    const customer = await makeCustomer(http.deps, ctx);
    const ids = await queue(ctx, [
      email(customer.id, 'un'),
      email(null, 'deux'),
      email(customer.id, 'trois'),
      email(customer.id, 'quatre'),
      email(customer.id, 'cinq'),
    ]);

    const subjects: string[] = [];
    let url = '/api/messages?limit=2';
    for (let page = 0; page < 5; page += 1) {
      const response = await get(session, url);
      expect(response.statusCode).toBe(200);
      const list = ZMessageList.parse(response.json());
      subjects.push(...list.items.map((item) => item.subject ?? ''));
      if (list.nextCursor === null) {
        break;
      }
      url = `/api/messages?limit=2&before=${list.nextCursor}`;
    }
    // Created in one instant (the fixed clock): newest first is by id, uuid v7, in order.
    expect(subjects).toEqual(['cinq', 'quatre', 'trois', 'deux', 'un']);

    const ofCustomer = ZMessageList.parse(
      (
        await get(session, `/api/messages?customerId=${customer.id}&status=queued&channel=email`)
      ).json(),
    );
    expect(ofCustomer.items.map((item) => item.subject)).toEqual(['cinq', 'quatre', 'trois', 'un']);
    expect(ofCustomer.nextCursor).toBeNull();
    expect(ofCustomer.items[0]).toMatchObject({
      channel: 'email',
      recipients: ['compta@client.test'],
      bodyText: 'Bonjour, cinq',
      status: 'queued',
      attempts: 0,
      lastError: null,
      customer: { id: customer.id },
      source: { type: 'dunning_action', id: 'cinq' },
      sentAt: null,
      hasAttachment: false,
    });
    const none = ZMessageList.parse(
      (await get(session, '/api/messages?sourceType=promise_confirmation')).json(),
    );
    expect(none.items).toEqual([]);

    const detail = ZMessageDetail.parse((await get(session, `/api/messages/${ids[1]}`)).json());
    expect(detail).toMatchObject({
      subject: 'deux',
      bodyHtml: '<p>Bonjour, deux</p>',
      customer: null,
    });
    const noFile = expectProblem(await get(session, `/api/messages/${ids[1]}/attachment`), 404);
    expect(noFile.reason).toBe('message_attachment_not_found');
  });

  it('refuses a cursor it did not give, and knows no message of another company', async () => {
    const { session } = await companyWith('read_only');
    const other = await companyWith('admin');
    const [elsewhere] = await queue(other.ctx, [email(null, 'ailleurs')]);
    const problem = expectProblem(await get(session, '/api/messages?before=bm90LWEtY3Vyc29y'), 400);
    expect(problem.issues).toMatchObject([{ field: 'before', code: 'message_cursor_invalid' }]);
    const missing = expectProblem(await get(session, `/api/messages/${elsewhere}`), 404);
    expect(missing.reason).toBe('message_not_found');
  });
});

describe('POST /api/messages/:id/bounce', () => {
  it('records a message sent that came back, once, and refuses one not gone out yet', async () => {
    const { ctx, session } = await companyWith('credit_manager');
    const customer = await makeCustomer(http.deps, ctx);
    const [id = ''] = await queue(ctx, [await letter(customer.id, 'Mise en demeure')]);
    const early = expectProblem(
      await send(session, 'POST', `/api/messages/${id}/bounce`, { reason: 'NPAI' }),
      409,
    );
    expect(early.reason).toBe('message_not_sent');
    await recordLettersPrinted(http.deps, ctx, [id]);
    for (let report = 0; report < 2; report += 1) {
      const bounced = await send(session, 'POST', `/api/messages/${id}/bounce`, { reason: 'NPAI' });
      expect(bounced.statusCode).toBe(200);
      expect(ZMessageDetail.parse(bounced.json())).toMatchObject({
        status: 'bounced',
        lastError: 'NPAI',
      });
    }
    const other = await companyWith('credit_manager');
    expectProblem(
      await send(other.session, 'POST', `/api/messages/${id}/bounce`, { reason: 'NPAI' }),
      404,
    );
    expectProblem(await send(session, 'POST', `/api/messages/${id}/bounce`, { reason: ' ' }), 400);
  });
});

describe('/api/letters', () => {
  it('lists the letters waiting, prints them in one PDF, marks them sent, then has none left', async () => {
    const { ctx, session } = await companyWith('collector');
    const customer = await makeCustomer(http.deps, ctx);
    const [first = '', second = ''] = await queue(ctx, [
      await letter(customer.id, 'Dupont', 2),
      await letter(customer.id, 'Martin'),
    ]);

    const attachment = await get(session, `/api/messages/${first}/attachment`);
    expect(attachment.statusCode).toBe(200);
    expect(attachment.headers['content-type']).toBe('application/pdf');
    expect(attachment.headers['content-disposition']).toBe(
      'inline; filename="lettre-Dupont.pdf"; filename*=UTF-8\'\'lettre-Dupont.pdf',
    );
    expect(await pdfPages(new Uint8Array(attachment.rawPayload))).toEqual([
      'Dupont p1',
      'Dupont p2',
    ]);

    const waiting = ZLettersToPrint.parse((await get(session, '/api/letters/to-print')).json());
    expect(waiting.count).toBe(2);
    expect(waiting.items.map((item) => item.id)).toEqual([first, second]);

    const printed = await send(session, 'POST', '/api/letters/print');
    expect(printed.statusCode).toBe(200);
    expect(printed.headers['content-type']).toBe('application/pdf');
    expect(printed.headers['x-letter-count']).toBe('2');
    expect(printed.headers['x-letters-remaining']).toBe('0');
    expect(await pdfPages(new Uint8Array(printed.rawPayload))).toEqual([
      'Dupont p1',
      'Dupont p2',
      'Martin p1',
    ]);

    const after = ZLettersToPrint.parse((await get(session, '/api/letters/to-print')).json());
    expect(after).toEqual({ count: 0, items: [] });
    const sent = ZMessageDetail.parse((await get(session, `/api/messages/${second}`)).json());
    expect(sent).toMatchObject({ status: 'sent', sentAt: expect.any(String) as unknown });
    const again = expectProblem(
      await send(session, 'POST', '/api/letters/print', undefined, 'fr'),
      409,
    );
    expect(again.detail).toBe('Aucun courrier n’attend d’être imprimé');
  });

  it('is refused to a role that cannot assign dunning', async () => {
    const { session } = await companyWith('read_only');
    const refusals = [
      await get(session, '/api/letters/to-print'),
      await send(session, 'POST', '/api/letters/print'),
    ].map((response) => expectProblem(response, 403).params);
    expect(refusals).toEqual([
      { role: 'read_only', permission: 'dunning:assign' },
      { role: 'read_only', permission: 'dunning:assign' },
    ]);
  });
});
