import { readFileSync } from 'node:fs';
import {
  createServer,
  type IncomingHttpHeaders,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarDate } from '../../shared/calendar-date.ts';
import { createBodaccSource, createHttpScoreSource, createSireneSource } from './http-sources.ts';

const AS_OF = calendarDate('2025-06-30');

const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

type Seen = { path: string; query: URLSearchParams; headers: IncomingHttpHeaders };

const seen: Seen[] = [];
const hanging: ServerResponse[] = [];
let server: Server;
let base = '';

function send(
  res: ServerResponse,
  status: number,
  body: string,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(body);
}

/** Serves the fixtures the way each API answers, by the first segment of the path. */
function answer(path: string, query: URLSearchParams, res: ServerResponse): void {
  const [, api = '', ...rest] = path.split('/');
  // The SIREN is wherever the API puts it: its 9-digit segment.
  const last = rest.find((segment) => /^\d{9}$/.test(segment)) ?? '';
  switch (api) {
    case 'sirene':
      if (last === '812345676') {
        return send(res, 200, fixture('sirene-active-sas.json'));
      }
      if (last === '901234567') {
        return send(res, 200, '{"uniteLegale": {"siren": "901234567"}}');
      }
      return send(res, 404, fixture('sirene-not-found.json'));
    case 'unauthorized':
      return send(res, 401, '{"message": "Invalid API key"}');
    case 'forbidden':
      return send(res, 403, '{"message": "No subscription"}');
    case 'limited':
      return send(res, 429, '{"message": "Too many requests"}', { 'retry-after': '30' });
    case 'down':
      return send(res, 503, '<html>Service unavailable</html>', { 'content-type': 'text/html' });
    case 'malformed':
      return send(res, 200, '{"uniteLegale": ');
    case 'teapot':
      return send(res, 418, '{}');
    case 'hang':
      hanging.push(res);
      return;
    case 'bodacc': {
      // Two pages: the fixture's 5 records, then 1 more, of a total of 6.
      if (query.get('offset') === '0') {
        const page = JSON.parse(fixture('bodacc-receivership-plan.json')) as {
          total_count: number;
        };
        return send(res, 200, JSON.stringify({ ...page, total_count: 6 }));
      }
      const closure = JSON.stringify({
        nature: 'Jugement de clôture pour extinction du passif',
        date: '2031-02-01',
      });
      const record = {
        id: 'A203100000001',
        dateparution: '2031-02-10',
        familleavis: 'collective',
        tribunal: 'TC',
        registre: ['812345676'],
        jugement: closure,
      };
      return send(res, 200, JSON.stringify({ total_count: 6, results: [record] }));
    }
    case 'score':
      if (last === '812345676') {
        return send(
          res,
          200,
          JSON.stringify({ data: { rating: { value: 14 }, incidents: 1, amount: '1234,50' } }),
        );
      }
      if (last === '845678903') {
        return send(res, 200, JSON.stringify({ data: { rating: { value: null } } }));
      }
      if (last === '444555668') {
        return send(res, 200, JSON.stringify({ data: { note: 14 } }));
      }
      if (last === '901234567') {
        return send(res, 200, JSON.stringify({ data: { rating: { value: 25 } } }));
      }
      return send(res, 404, '{"error": "unknown company"}');
    default:
      return send(res, 500, '{}');
  }
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    seen.push({ path: url.pathname, query: url.searchParams, headers: req.headers });
    answer(url.pathname, url.searchParams, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const res of hanging) {
    res.destroy();
  }
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const lastSeen = () => seen.at(-1);

describe('createSireneSource', () => {
  const sirene = (api = 'sirene', timeoutMs?: number) =>
    createSireneSource({ baseUrl: `${base}/${api}/`, token: 'test-key', timeoutMs });

  it('reads a known SIREN, sending the API key in the portal’s header', async () => {
    const result = await sirene().lookup('812 345 676', AS_OF);
    expect(result).toEqual({
      ok: true,
      answer: {
        company: expect.objectContaining({
          siren: '812345676',
          name: 'ATELIERS NUMERIQUES DU RHONE',
          asOf: AS_OF,
        }),
      },
    });
    expect(lastSeen()?.path).toBe('/sirene/siren/812345676');
    expect(lastSeen()?.headers['x-insee-api-key-integration']).toBe('test-key');
    expect(lastSeen()?.headers.accept).toBe('application/json');
  });

  it('reads a 404 as an unknown SIREN, not as a failure', async () => {
    expect(await sirene().lookup('123456782', AS_OF)).toEqual({
      ok: true,
      answer: { company: null },
    });
  });

  it.each([
    ['unauthorized', 'unauthorized', 401, 'source_unauthorized', { source: 'Sirene', status: 401 }],
    ['forbidden', 'unauthorized', 403, 'source_unauthorized', { source: 'Sirene', status: 403 }],
    [
      'limited',
      'rate_limited',
      429,
      'source_rate_limited',
      { source: 'Sirene', retryAfter: 'Retry-After: 30' },
    ],
    ['down', 'unreachable', 503, 'source_unreachable', { source: 'Sirene', detail: 'HTTP 503' }],
    [
      'teapot',
      'bad_answer',
      418,
      'source_bad_answer',
      { source: 'Sirene', status: 418, detail: 'HTTP 418' },
    ],
  ])('turns an answer of /%s into %s', async (api, failure, httpStatus, code, params) => {
    expect(await sirene(api).lookup('812345676', AS_OF)).toEqual({
      ok: false,
      failure,
      httpStatus,
      issues: [expect.objectContaining({ field: 'source', code, params })],
    });
  });

  it('turns malformed JSON into bad_answer', async () => {
    const result = await sirene('malformed').lookup('812345676', AS_OF);
    expect(result).toEqual({
      ok: false,
      failure: 'bad_answer',
      httpStatus: 200,
      issues: [
        expect.objectContaining({
          code: 'source_bad_answer',
          params: expect.objectContaining({ detail: expect.stringMatching(/^not JSON: /) }),
        }),
      ],
    });
  });

  it('turns an answer of another shape into bad_answer, with the parser’s issues', async () => {
    const result = await sirene().lookup('901234567', AS_OF);
    expect(result.ok).toBe(false);
    expect(!result.ok && [result.failure, result.issues.map((issue) => issue.field)]).toEqual([
      'bad_answer',
      ['uniteLegale.statutDiffusionUniteLegale', 'uniteLegale.periodesUniteLegale'],
    ]);
  });

  it('gives up on a source that never answers after its timeout', async () => {
    const started = performance.now();
    const result = await sirene('hang', 200).lookup('812345676', AS_OF);
    expect(result).toEqual({
      ok: false,
      failure: 'unreachable',
      httpStatus: null,
      issues: [
        expect.objectContaining({
          code: 'source_unreachable',
          params: { source: 'Sirene', detail: 'no answer within 0.2 s' },
        }),
      ],
    });
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('says why a closed port cannot be reached', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const result = await createSireneSource({ baseUrl: `http://127.0.0.1:${port}` }).lookup(
      '812345676',
      AS_OF,
    );
    expect(!result.ok && [result.failure, result.issues[0]?.params?.detail]).toEqual([
      'unreachable',
      'fetch failed (ECONNREFUSED)',
    ]);
  });

  it('refuses to ask for a malformed SIREN', async () => {
    await expect(sirene().lookup('123456789', AS_OF)).rejects.toThrow(RangeError);
  });
});

describe('createBodaccSource', () => {
  it('asks for the collective notices of both spellings of the SIREN, page by page', async () => {
    const before = seen.length;
    const result = await createBodaccSource({ baseUrl: `${base}/bodacc` }).lookup('812345676');
    expect(result.ok && result.answer.proceedings.map((p) => [p.kind, p.reference])).toEqual([
      ['plan', 'A202301760412'],
      ['other', 'A202300950088'],
      ['receivership', 'A202300170201'],
      ['closure', 'A203100000001'],
    ]);
    expect(result.ok && result.answer.issues).toEqual([]);
    const requests = seen.slice(before);
    expect(requests.map((request) => request.path)).toEqual([
      '/bodacc/catalog/datasets/annonces-commerciales/records',
      '/bodacc/catalog/datasets/annonces-commerciales/records',
    ]);
    expect(requests.map((request) => Object.fromEntries(request.query))).toEqual(
      ['0', '5'].map((offset) => ({
        where: 'familleavis="collective" AND (registre="812345676" OR registre="812 345 676")',
        order_by: 'dateparution desc',
        limit: '100',
        offset,
      })),
    );
  });

  it.each([
    ['limited', 'rate_limited'],
    ['malformed', 'bad_answer'],
    ['teapot', 'bad_answer'],
  ])('turns an answer of /%s into %s', async (api, failure) => {
    const result = await createBodaccSource({ baseUrl: `${base}/${api}` }).lookup('812345676');
    expect(!result.ok && result.failure).toBe(failure);
  });

  it('turns a page of another shape into bad_answer', async () => {
    const result = await createBodaccSource({ baseUrl: `${base}/sirene` }).lookup('812345676');
    expect(!result.ok && [result.failure, result.httpStatus]).toEqual(['bad_answer', 404]);
  });
});

describe('createHttpScoreSource', () => {
  const provider = (
    baseUrl = `${base}/score/companies/{siren}/rating`,
    auth: { token?: string } = { token: 'secret' },
  ) =>
    createHttpScoreSource({
      name: 'Assureur',
      baseUrl,
      ...auth,
      fieldMap: {
        score: 'data.rating.value',
        scale: '1-20',
        incidents: 'data.incidents',
        incidentAmount: 'data.amount',
      },
    });

  it('reads the mapped fields, with the bearer token, at the SIREN’s place in the URL', async () => {
    expect(await provider().lookup('812345676')).toEqual({
      ok: true,
      answer: {
        score: { source: 'Assureur', raw: '14', scale: '1-20', normalized: 68 },
        incidents: { count: 1, amountCents: 123_450, lastOn: null },
      },
    });
    expect(lastSeen()?.path).toBe('/score/companies/812345676/rating');
    expect(lastSeen()?.headers.authorization).toBe('Bearer secret');
  });

  it('appends the SIREN to a URL without placeholder, and sends no token when none is set', async () => {
    const result = await provider(`${base}/score`, {}).lookup('845678903');
    expect(result).toEqual({ ok: true, answer: { score: null, incidents: null } });
    expect(lastSeen()?.path).toBe('/score/845678903');
    expect(lastSeen()?.headers.authorization).toBeUndefined();
  });

  it('reads a 404 as a company the provider does not know', async () => {
    expect(await provider().lookup('123456782')).toEqual({
      ok: true,
      answer: { score: null, incidents: null },
    });
  });

  it.each([
    ['444555668', 'score_field_missing'],
    ['901234567', 'score_out_of_scale'],
  ])('turns the answer for %s into bad_answer: %s', async (siren, code) => {
    expect(await provider().lookup(siren)).toEqual({
      ok: false,
      failure: 'bad_answer',
      httpStatus: 200,
      issues: [expect.objectContaining({ code })],
    });
  });

  it('turns a refused token into unauthorized', async () => {
    const result = await provider(`${base}/unauthorized`).lookup('812345676');
    expect(!result.ok && result.failure).toBe('unauthorized');
  });
});
