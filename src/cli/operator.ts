import { userInfo } from 'node:os';

/**
 * The operating-system user running the command, recorded as the actor of what
 * the CLI does. The account database first (`os.userInfo()`); a process whose uid
 * has no entry there (containers often run so) falls back on the login variables,
 * then on the bare uid, so an event never goes without one.
 */
export function operatingSystemUser(
  readUser: () => { username: string } = userInfo,
  env: NodeJS.ProcessEnv = process.env,
  uid: number | null = process.getuid?.() ?? null,
): string {
  try {
    const { username } = readUser();
    if (username !== '') {
      return username;
    }
  } catch {
    // No account entry for this uid (SystemError ENOENT): the fallbacks below.
  }
  const fromLogin = [env['USER'], env['LOGNAME'], env['USERNAME']].find(
    (name) => name !== undefined && name !== '',
  );
  if (fromLogin !== undefined) {
    return fromLogin;
  }
  return uid === null ? 'unknown' : `uid ${uid}`;
}
