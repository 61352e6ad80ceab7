import { describe, expect, it } from 'vitest';
import { operatingSystemUser } from './operator.ts';

const noAccount = () => {
  throw Object.assign(new Error('uv_os_get_passwd returned ENOENT'), { code: 'ERR_SYSTEM_ERROR' });
};

describe('operatingSystemUser', () => {
  it('is the account name of the process', () => {
    expect(operatingSystemUser(() => ({ username: 'alice' }), { USER: 'mallory' }, 1000)).toBe(
      'alice',
    );
  });

  it('falls back on the login variables when the uid has no account entry', () => {
    expect(operatingSystemUser(noAccount, { LOGNAME: 'bob' }, 1000)).toBe('bob');
    expect(operatingSystemUser(noAccount, { USER: '', USERNAME: 'carol' }, 1000)).toBe('carol');
  });

  it('falls back on the bare uid, never on nothing', () => {
    expect(operatingSystemUser(noAccount, {}, 1234)).toBe('uid 1234');
    expect(operatingSystemUser(noAccount, {}, null)).toBe('unknown');
  });
});
