import { describe, expect, it } from 'vitest';
import { RateLimitedError, UnauthorizedError } from '../shared/errors.ts';
import { addressKey, createPasswordAttempts } from './password-attempts.ts';

const T0 = new Date('2026-03-15T11:00:00Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

describe('addressKey', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['2001:db8:1:2:aaaa:bbbb:cccc:dddd', '2001:db8:1:2::/64'],
    ['2001:0DB8:0001:0002::1', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['not an address', 'not an address'],
  ])('%s counts as %s', (address, key) => {
    expect(addressKey(address)).toBe(key);
  });
});

describe('password attempts', () => {
  const limits = {
    perAddress: { max: 3, windowSeconds: 60 },
    perAccount: { max: 2, windowSeconds: 600 },
  };
  const wrong = (markWrong: <E extends Error>(error: E) => E) =>
    Promise.reject(markWrong(new UnauthorizedError('wrong_credentials')));
  const right = () => Promise.resolve('signed in');

  it('refuses once an account has its wrong passwords, for the rest of its window', async () => {
    const attempts = createPasswordAttempts(limits);
    const anne = (address: string) => ({ address, email: 'anne@example.test' });
    await expect(attempts.run(anne('10.0.0.1'), at(0), wrong)).rejects.toThrow(UnauthorizedError);
    await expect(attempts.run(anne('10.0.0.2'), at(100), wrong)).rejects.toThrow(UnauthorizedError);
    const refused = attempts.run(anne('10.0.0.3'), at(250), right);
    await expect(refused).rejects.toThrow(RateLimitedError);
    await expect(refused).rejects.toMatchObject({ retryAfterSeconds: 350 });
    await expect(attempts.run(anne('10.0.0.3'), at(600), right)).resolves.toBe('signed in');
  });

  it('does not count right passwords, nor checks that fail for another reason', async () => {
    const attempts = createPasswordAttempts(limits);
    const who = { address: '10.0.0.1', email: 'anne@example.test' };
    for (let i = 0; i < 5; i += 1) {
      await attempts.run(who, at(i), right);
      await expect(
        attempts.run(who, at(i), () => Promise.reject(new Error('db down'))),
      ).rejects.toThrow('db down');
    }
    await expect(attempts.run(who, at(10), wrong)).rejects.toThrow(UnauthorizedError);
    await expect(attempts.run(who, at(10), right)).resolves.toBe('signed in');
  });

  it('refuses an address that sprayed accounts, with the longer wait of two full counters', async () => {
    const attempts = createPasswordAttempts(limits);
    for (const [i, email] of ['a@x.test', 'b@x.test', 'c@x.test'].entries()) {
      await expect(attempts.run({ address: '2001:db8::1', email }, at(i), wrong)).rejects.toThrow(
        UnauthorizedError,
      );
    }
    // Another address of the same /64 is the same client.
    const refused = attempts.run({ address: '2001:db8::2', email: 'd@x.test' }, at(30), right);
    await expect(refused).rejects.toMatchObject({ code: 'rate_limited', retryAfterSeconds: 30 });
    await expect(
      attempts.run({ address: '2001:db8:0:1::2', email: 'd@x.test' }, at(30), right),
    ).resolves.toBe('signed in');
  });

  it('counts an attempt while it runs, so concurrent guesses cannot overrun the limit', async () => {
    const attempts = createPasswordAttempts(limits);
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, (_, i) =>
        attempts.run({ address: `10.0.0.${i}`, email: 'ANNE@example.test ' }, at(0), wrong),
      ),
    );
    expect(
      results.map((r) => (r.status === 'rejected' ? (r.reason as { code: string }).code : 'ok')),
    ).toEqual(['unauthorized', 'unauthorized', 'rate_limited', 'rate_limited', 'rate_limited']);
  });
});
