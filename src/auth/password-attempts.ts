import { RateLimitedError } from '../shared/errors.ts';
import { normaliseEmail } from './model.ts';

/** At most `max` wrong passwords in a window of `windowSeconds` opened by the first of them. */
export type AttemptLimit = { max: number; windowSeconds: number };

export type PasswordAttemptLimits = {
  /** Per client address (an IPv6 client by its /64): one address cannot spray many accounts. */
  perAddress: AttemptLimit;
  /** Per account, i.e. the e-mail tried, known or not: many addresses cannot pile onto one. */
  perAccount: AttemptLimit;
};

/**
 * Ten guesses at one account per quarter of an hour is ~1,000 a day: nothing against a
 * 12-character password, while a user who mistypes a few times is never stopped. An office
 * behind one NAT address shares the wider per-address allowance.
 */
export const DEFAULT_PASSWORD_ATTEMPT_LIMITS: PasswordAttemptLimits = {
  perAddress: { max: 30, windowSeconds: 15 * 60 },
  perAccount: { max: 10, windowSeconds: 15 * 60 },
};

/** Marks the running attempt as a wrong password (it stays counted) and returns `error` to throw. */
export type MarkWrong = <E extends Error>(error: E) => E;

/**
 * The wrong-password counters of one server process (ADR 10: several processes each keep
 * their own). Sign-in and password change share them: both are guesses at one password.
 */
export type PasswordAttempts = {
  /**
   * Runs one password check by `address` on `email`'s account. Refused with `RateLimitedError`
   * while either counter is full, before anything is checked, so the right password does not
   * pass either. The attempt is counted *before* `check` runs, so a burst of concurrent guesses
   * cannot all slip under the limit, and forgiven afterwards unless `check` marked it wrong.
   */
  run<T>(
    who: { address: string; email: string },
    now: Date,
    check: (markWrong: MarkWrong) => Promise<T>,
  ): Promise<T>;
};

type Window = { count: number; endsAt: number };

export function createPasswordAttempts(
  limits: PasswordAttemptLimits = DEFAULT_PASSWORD_ATTEMPT_LIMITS,
): PasswordAttempts {
  const windows = new Map<string, Window>();
  const sweepEveryMs =
    Math.min(limits.perAddress.windowSeconds, limits.perAccount.windowSeconds) * 1000;
  let nextSweep = 0;

  // Closed windows are dropped once per window length, so memory follows the keys seen lately.
  function sweep(at: number): void {
    if (at < nextSweep) {
      return;
    }
    for (const [key, window] of windows) {
      if (window.endsAt <= at) {
        windows.delete(key);
      }
    }
    nextSweep = at + sweepEveryMs;
  }

  return {
    async run(who, now, check) {
      const at = now.getTime();
      sweep(at);
      const counters = [
        { key: `address ${addressKey(who.address)}`, limit: limits.perAddress },
        { key: `account ${normaliseEmail(who.email)}`, limit: limits.perAccount },
      ].map(({ key, limit }) => {
        const open = windows.get(key);
        const window =
          open && open.endsAt > at ? open : { count: 0, endsAt: at + limit.windowSeconds * 1000 };
        return { key, limit, window };
      });
      const full = counters.filter(({ window, limit }) => window.count >= limit.max);
      if (full.length > 0) {
        const retryAfter = Math.max(
          ...full.map(({ window }) => Math.ceil((window.endsAt - at) / 1000)),
        );
        throw new RateLimitedError(retryAfter);
      }
      for (const { key, window } of counters) {
        window.count += 1;
        windows.set(key, window);
      }
      let isWrong = false;
      try {
        return await check((error) => {
          isWrong = true;
          return error;
        });
      } finally {
        if (!isWrong) {
          for (const { window } of counters) {
            window.count -= 1;
          }
        }
      }
    },
  };
}

const IPV4_MAPPED = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;

/**
 * The counter an address falls into: an IPv4 address (IPv4-mapped IPv6 included) as is, an
 * IPv6 address by its /64, the block a single subscriber is given (RFC 6177), since rotating
 * through its 2^64 addresses costs nothing.
 */
export function addressKey(address: string): string {
  const mapped = IPV4_MAPPED.exec(address);
  if (mapped?.[1]) {
    return mapped[1];
  }
  if (!address.includes(':')) {
    return address;
  }
  const [head = '', tail, ...more] = (address.split('%')[0] ?? '').split('::');
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = tail === undefined || tail === '' ? [] : tail.split(':');
  const groups =
    tail === undefined
      ? headGroups
      : [
          ...headGroups,
          ...Array.from({ length: 8 - headGroups.length - tailGroups.length }, () => '0'),
          ...tailGroups,
        ];
  if (more.length > 0 || groups.length !== 8 || !groups.every((g) => /^[0-9a-f]{1,4}$/i.test(g))) {
    return address.toLowerCase();
  }
  return `${groups
    .slice(0, 4)
    .map((group) => Number.parseInt(group, 16).toString(16))
    .join(':')}::/64`;
}
