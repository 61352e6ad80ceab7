/**
 * A loopback HTTP server that answers as the solvency screen's sources do, from the
 * fixtures of src/credit/screening/fixtures/: the API Sirene under `/sirene`, the BODACC's
 * Opendatasoft API under `/bodacc`, a score provider under `/scores`. The screen's real
 * adapters (http-sources.ts) talk to it over TCP, as they would to INSEE or the DILA.
 *
 * SIRENs (invented companies, valid keys): 812345676 an active SAS continuing under a plan;
 * 901234567 ceased and liquidated; 845678903 a sole trader created on 2024-02-01, no
 * proceeding; 444555668 partially diffusible, a notice half read; 552100554 a company Sirene
 * fails on (503) and the BODACC knows nothing of. Any other SIREN is unknown to both.
 */
import { readFileSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

const fixture = (name: string) =>
  readFileSync(new URL(`../src/credit/screening/fixtures/${name}`, import.meta.url), 'utf8');

/** The SIREN Sirene answers 503 for: a source that fails. */
export const SIRENE_FAILS_FOR = '552100554';

const SIRENE: Readonly<Record<string, string>> = {
  '812345676': 'sirene-active-sas.json',
  '901234567': 'sirene-ceased.json',
  '845678903': 'sirene-sole-trader.json',
  '444555668': 'sirene-partial.json',
};

const BODACC: Readonly<Record<string, string>> = {
  '812345676': 'bodacc-receivership-plan.json',
  '901234567': 'bodacc-liquidation.json',
  '444555668': 'bodacc-unreadable.json',
};

function send(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(body);
}

/** The fixture sources' server: its base URLs, the requests it was asked, and its end. */
export type ScreeningFixtures = {
  sireneUrl: string;
  bodaccUrl: string;
  scoresUrl: string;
  /** Paths asked so far (with their query), in order. */
  asked: string[];
  close: () => Promise<void>;
};

/**
 * Starts the server on a free loopback port. `scores` are the provider's answers by SIREN
 * (a JSON body; any other SIREN is a 404, unknown to the provider).
 */
export async function startScreeningFixtures(
  scores: Readonly<Record<string, unknown>> = {},
): Promise<ScreeningFixtures> {
  const asked: string[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    asked.push(`${url.pathname}${url.search}`);
    const [, api = ''] = url.pathname.split('/');
    if (api === 'sirene') {
      const siren = url.pathname.split('/').at(-1) ?? '';
      if (siren === SIRENE_FAILS_FOR) {
        return send(res, 503, '{"fault": "Service unavailable"}');
      }
      const name = SIRENE[siren];
      return name === undefined
        ? send(res, 404, fixture('sirene-not-found.json'))
        : send(res, 200, fixture(name));
    }
    if (api === 'bodacc') {
      const siren = /registre="(\d{9})"/.exec(url.searchParams.get('where') ?? '')?.[1] ?? '';
      return send(res, 200, fixture(BODACC[siren] ?? 'bodacc-empty.json'));
    }
    if (api === 'scores') {
      const answer = scores[url.pathname.split('/').at(-1) ?? ''];
      return answer === undefined
        ? send(res, 404, '{"error": "unknown company"}')
        : send(res, 200, JSON.stringify(answer));
    }
    return send(res, 500, '{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    sireneUrl: `${base}/sirene`,
    bodaccUrl: `${base}/bodacc`,
    scoresUrl: `${base}/scores`,
    asked,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
