/**
 * A real SMTP server on 127.0.0.1 for the tests (the `smtp-server` package), and the reading
 * of what it received from the raw RFC 5322 text (HOUSE_STYLE §7: only what leaves the
 * building is faked, and this is a real server).
 */
import { createServer, type AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';

export type Received = { from: string; to: string[]; raw: string; user: string | undefined };

/** Recipients at `refused.test` are refused 550; messages to `later.test` get 451 at DATA. */
export class TestSmtpServer {
  readonly received: Received[] = [];
  private readonly server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    // No TLS certificate here: the conversation stays in clear on 127.0.0.1.
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth: (auth, _session, callback) => {
      if (auth.username === 'dupont' && auth.password === 'secret smtp') {
        callback(null, { user: auth.username });
      } else {
        callback(Object.assign(new Error('Invalid credentials'), { responseCode: 535 }));
      }
    },
    onRcptTo: (address: SMTPServerAddress, _session, callback) => {
      if (address.address.endsWith('@refused.test')) {
        callback(
          Object.assign(new Error(`5.1.1 <${address.address}>: user unknown`), {
            responseCode: 550,
          }),
        );
        return;
      }
      callback();
    },
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const to = session.envelope.rcptTo.map((address) => address.address);
        if (to.some((address) => address.endsWith('@later.test'))) {
          callback(
            Object.assign(new Error('4.3.0 Mailbox busy, try later'), { responseCode: 451 }),
          );
          return;
        }
        const from = session.envelope.mailFrom;
        this.received.push({
          from: from === false ? '' : from.address,
          to,
          raw: Buffer.concat(chunks).toString('utf8'),
          user: typeof session.user === 'string' ? session.user : undefined,
        });
        callback();
      });
    },
  });

  port = 0;

  async start(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server.listen(0, '127.0.0.1', () => resolve());
    });
    this.port = (this.server.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
    });
  }
}

/** A port nothing listens on: bound, then released. */
export async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => {
    probe.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => {
    probe.close(() => resolve());
  });
  return port;
}

/** The headers of a part (unfolded, names in lower case) and its body. */
export function parsePart(raw: string): { headers: Map<string, string>; body: string } {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const headers = new Map<string, string>();
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body: raw.slice(split + 4) };
}

/** RFC 2047 encoded words (`=?UTF-8?Q?…?=`, `=?UTF-8?B?…?=`), as a subject may carry. */
export function decodeWords(text: string): string {
  return text
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, encoding: string, data: string) =>
      encoding.toLowerCase() === 'b'
        ? Buffer.from(data, 'base64').toString('utf8')
        : decodeQuotedPrintable(data.replace(/_/g, ' ')),
    );
}

export function decodeQuotedPrintable(text: string): string {
  const bytes = text
    .replace(/=\r\n/g, '')
    .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

export function decodeBody(part: { headers: Map<string, string>; body: string }): Buffer {
  const encoding = part.headers.get('content-transfer-encoding')?.toLowerCase();
  if (encoding === 'base64') {
    return Buffer.from(part.body.replace(/\s+/g, ''), 'base64');
  }
  if (encoding === 'quoted-printable') {
    return Buffer.from(decodeQuotedPrintable(part.body), 'utf8');
  }
  return Buffer.from(part.body, 'utf8');
}

/** Every leaf part of a MIME message, depth first. */
export function leafParts(raw: string): { headers: Map<string, string>; body: string }[] {
  const part = parsePart(raw);
  const boundary = /boundary="?([^";]+)"?/.exec(part.headers.get('content-type') ?? '')?.[1];
  if (boundary === undefined) {
    return [part];
  }
  return (
    part.body
      .split(`--${boundary}`)
      .slice(1, -1)
      // The line break before a delimiter belongs to the delimiter (RFC 2046 §5.1.1).
      .flatMap((child) => leafParts(child.replace(/^\r\n/, '').replace(/\r\n$/, '')))
  );
}
