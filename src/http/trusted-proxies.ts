import { isIP } from 'node:net';
import { z } from 'zod';

/** Names Fastify (proxy-addr) understands for whole ranges. */
const RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isProxyEntry(entry: string): boolean {
  if (RANGE_NAMES.has(entry)) {
    return true;
  }
  const [address = '', prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) {
    return false;
  }
  return (
    prefix === undefined ||
    (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128))
  );
}

/**
 * The reverse proxies whose `X-Forwarded-For` / `X-Forwarded-Proto` we believe: a
 * comma-separated list of addresses, CIDR ranges or `loopback`, `linklocal`, `uniquelocal`
 * (`--trusted-proxies`, `TRUSTED_PROXIES`). Empty, the default, trusts none: the client is the
 * socket's peer, whatever headers it sends (ADR 10).
 */
export const ZTrustedProxies = z
  .string()
  .transform((text) =>
    text
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== ''),
  )
  .pipe(
    z.array(
      z.string().refine(isProxyEntry, {
        message:
          'each entry must be an IP address, a CIDR range (10.0.0.0/8) or loopback, linklocal, uniquelocal',
      }),
    ),
  );
