/**
 * The security headers of every answer: routes, static files, problems, and the answers
 * given before Fastify routes a request (framework errors, and what Node's HTTP parser
 * refuses, written straight to the socket). One table serves all of them, which is why we
 * set them ourselves rather than through helmet (ADR 10); the values are helmet's defaults
 * except where this table says otherwise.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "base-uri 'self'",
  "font-src 'self' https: data:",
  "form-action 'self'",
  "frame-ancestors 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "script-src 'self'",
  "script-src-attr 'none'",
  // Mantine writes inline style attributes.
  "style-src 'self' 'unsafe-inline'",
];

const ALWAYS = {
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'SAMEORIGIN',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
} as const;

const OVER_HTTP: Readonly<Record<string, string>> = Object.freeze({
  ...ALWAYS,
  'content-security-policy': CONTENT_SECURITY_POLICY.join('; '),
});

// Both only mean something over HTTPS: on a plain-HTTP address, upgrading would send the
// browser to a port nobody listens on, and RFC 6797 §7.2 forbids HSTS over plain HTTP.
const OVER_HTTPS: Readonly<Record<string, string>> = Object.freeze({
  ...ALWAYS,
  'content-security-policy': [...CONTENT_SECURITY_POLICY, 'upgrade-insecure-requests'].join('; '),
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
});

/** The headers for an answer over HTTPS (as Fastify sees it, through trusted proxies) or not. */
export function securityHeaders(isHttps: boolean): Readonly<Record<string, string>> {
  return isHttps ? OVER_HTTPS : OVER_HTTP;
}
