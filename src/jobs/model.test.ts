import { describe, expect, it } from 'vitest';
import {
  checkNewMessage,
  decideDelivery,
  decideJobRetry,
  MAX_ATTEMPTS,
  messageIdHeader,
  nextAttemptAt,
  type NewMessage,
} from './model.ts';

const NOW = new Date('2026-12-02T08:00:00Z');

describe('the backoff', () => {
  it.each([
    [1, '2026-12-02T08:01:00.000Z'],
    [2, '2026-12-02T08:05:00.000Z'],
    [3, '2026-12-02T08:30:00.000Z'],
    [4, '2026-12-02T10:00:00.000Z'],
    [5, '2026-12-02T20:00:00.000Z'],
  ])('after %i failed attempts waits until %s', (attempts, expected) => {
    expect(nextAttemptAt(attempts, NOW)?.toISOString()).toBe(expected);
  });

  it('gives no attempt after the sixth', () => {
    expect(MAX_ATTEMPTS).toBe(6);
    expect(nextAttemptAt(6, NOW)).toBeUndefined();
  });
});

describe('deciding after an attempt', () => {
  it('records an accepted message sent, with what the server said of refused recipients', () => {
    expect(decideDelivery(1, { accepted: true }, NOW)).toEqual({ status: 'sent', note: null });
    expect(decideDelivery(1, { accepted: true, reason: 'refused: b@x.test' }, NOW)).toEqual({
      status: 'sent',
      note: 'refused: b@x.test',
    });
  });

  it('fails a permanent refusal at once, with its reason', () => {
    expect(
      decideDelivery(1, { accepted: false, permanent: true, reason: '550 No such user' }, NOW),
    ).toEqual({ status: 'failed', reason: '550 No such user' });
  });

  it('queues a temporary refusal again after the backoff', () => {
    expect(decideDelivery(2, { accepted: false, reason: '421 Try later' }, NOW)).toEqual({
      status: 'queued',
      nextAttemptAt: new Date('2026-12-02T08:05:00Z'),
      reason: '421 Try later',
    });
  });

  it('fails a temporary refusal of the last attempt, saying how many there were', () => {
    expect(decideDelivery(6, { accepted: false, reason: 'ECONNECTION' }, NOW)).toEqual({
      status: 'failed',
      reason: 'ECONNECTION (after 6 attempts)',
    });
  });

  it('retries a failed job after the same backoff, and fails a permanent one at once', () => {
    expect(decideJobRetry(1, { reason: 'boom', isPermanent: false }, NOW)).toEqual({
      status: 'queued',
      nextAttemptAt: new Date('2026-12-02T08:01:00Z'),
      reason: 'boom',
    });
    expect(decideJobRetry(1, { reason: 'bad payload', isPermanent: true }, NOW)).toEqual({
      status: 'failed',
      reason: 'bad payload',
    });
  });
});

describe('the rules of a channel', () => {
  const email: NewMessage = {
    channel: 'email',
    recipients: ['compta@client.test'],
    subject: 'Relance',
    bodyText: 'Bonjour',
    customerId: null,
    source: { type: 'test', id: null },
  };
  const pdf = { name: 'lettre.pdf', contentType: 'application/pdf', content: new Uint8Array(1) };

  it.each([
    ['an e-mail with a subject', email, undefined],
    ['an e-mail without one', { ...email, subject: null }, 'an e-mail needs a subject'],
    ['no recipient', { ...email, recipients: [] }, 'a message needs a recipient'],
    ['an SMS', { ...email, channel: 'sms', subject: null }, undefined],
    [
      'an SMS with a PDF',
      { ...email, channel: 'sms', attachment: pdf },
      'an SMS carries no attachment',
    ],
    ['a letter with its PDF', { ...email, channel: 'letter', attachment: pdf }, undefined],
    [
      'a letter without',
      { ...email, channel: 'letter' },
      'a letter is its PDF: it needs the attachment',
    ],
  ] as const)('%s', (_, message, expected) => {
    expect(checkNewMessage(message as NewMessage)).toBe(expected);
  });

  it('names a message by its outbox id, the same at every attempt', () => {
    expect(messageIdHeader('0192f0a0-0000-7000-8000-000000000001')).toBe(
      '<0192f0a0-0000-7000-8000-000000000001@encaisse>',
    );
  });
});
