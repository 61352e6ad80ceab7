import { describe, expect, it } from 'vitest';
import { mailRequest, mailValues, smsRequest, smsValues } from './sending-settings-model.ts';

const stored = {
  host: 'smtp.example.fr',
  port: 465,
  secure: true,
  username: 'relances',
  fromAddress: 'relances@example.fr',
  fromName: 'Service recouvrement',
  replyTo: null,
  hasPassword: true,
};

describe('the SMTP form', () => {
  it('starts from the submission port with STARTTLS when nothing is set', () => {
    expect(mailValues(null)).toMatchObject({ host: '', port: 587, secure: false, password: '' });
  });

  it('keeps the stored password when none is typed', () => {
    const request = mailRequest({ ...mailValues(stored), replyTo: '  ' });
    expect(request).toEqual({
      host: 'smtp.example.fr',
      port: 465,
      secure: true,
      username: 'relances',
      fromAddress: 'relances@example.fr',
      fromName: 'Service recouvrement',
      replyTo: null,
    });
    expect('password' in request).toBe(false);
  });

  it('replaces it when one is typed, and removes it with the user name', () => {
    expect(mailRequest({ ...mailValues(stored), password: 's3cret' }).password).toBe('s3cret');
    expect(mailRequest({ ...mailValues(stored), username: '', password: 'x' })).toMatchObject({
      username: null,
      password: null,
    });
  });
});

describe('the SMS form', () => {
  it('keeps the stored token unless one is typed', () => {
    const values = smsValues({ url: 'https://sms.example/send', sender: null, hasToken: true });
    expect(smsRequest(values)).toEqual({ url: 'https://sms.example/send', sender: null });
    expect(smsRequest({ ...values, token: 'tok', sender: ' ENCAISSE ' })).toEqual({
      url: 'https://sms.example/send',
      sender: 'ENCAISSE',
      token: 'tok',
    });
  });
});
