/**
 * The screen's sources over HTTP (issue 12): the INSEE Sirene register, the BODACC's
 * open data, and a credit insurer's or bureau's score API behind `RiskScoreSource`. Each
 * `lookup` resolves to the parsed answer or a typed failure (http-get.ts), never throws
 * for what the network or the source does. docs/screening.md has their configuration.
 */
import type { CalendarDate } from '../../shared/calendar-date.ts';
import type { Issue } from '../../shared/errors.ts';
import { isValidSiren, normalizeSiren } from '../../shared/identifiers.ts';
import { parseBodaccPage } from './bodacc.ts';
import {
  DEFAULT_SOURCE_TIMEOUT_MS,
  getText,
  parseJsonBody,
  sourceFailure,
  type Fetch,
  type SourceLookup,
} from './http-get.ts';
import type { CompanyRecord, PaymentIncidents } from './model.ts';
import type { CollectiveProceeding } from './proceedings.ts';
import type { RiskScore } from './score.ts';
import { parseScoreAnswer, type ScoreFieldMap } from './score-answer.ts';
import { parseSireneAnswer } from './sirene.ts';

/** The API Sirene 3.11 on INSEE's portal (portail-api.insee.fr). */
export const SIRENE_BASE_URL = 'https://api.insee.fr/api-sirene/3.11';

/** The DILA's Opendatasoft API (v2.1), which serves the `annonces-commerciales` dataset. */
export const BODACC_BASE_URL = 'https://bodacc-datadila.opendatasoft.com/api/explore/v2.1';

/** What every adapter takes: where the API is, and (tests) another `fetch` or timeout. */
type HttpOptions = { baseUrl: string; fetch?: Fetch | undefined; timeoutMs?: number | undefined };

function settings(options: HttpOptions, source: string) {
  return {
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    http: {
      source,
      fetch: options.fetch ?? globalThis.fetch,
      timeoutMs: options.timeoutMs ?? DEFAULT_SOURCE_TIMEOUT_MS,
    },
  };
}

/** The SIREN to ask for; a malformed one is the caller's mistake (`recommend` says it without asking). */
function sirenToAsk(siren: string): string {
  const normalized = normalizeSiren(siren);
  if (!isValidSiren(normalized)) {
    throw new RangeError(`Not a valid SIREN: ${siren}`);
  }
  return normalized;
}

/** The Sirene register: the company (null for a SIREN it does not know), read on `asOf`. */
export type SireneSource = {
  lookup(
    siren: string,
    asOf: CalendarDate,
  ): Promise<SourceLookup<{ company: CompanyRecord | null }>>;
};

/**
 * The API Sirene, `GET {baseUrl}/siren/{siren}`; `token` is the portal's API key, sent as
 * `X-INSEE-Api-Key-Integration` (the header of portail-api.insee.fr since 2024).
 */
export function createSireneSource(
  options: HttpOptions & { token?: string | undefined },
): SireneSource {
  const { baseUrl, http } = settings(options, 'Sirene');
  const headers: Record<string, string> =
    options.token === undefined ? {} : { 'x-insee-api-key-integration': options.token };
  return {
    lookup: async (siren, asOf) => {
      const asked = sirenToAsk(siren);
      const answer = await getText(`${baseUrl}/siren/${asked}`, headers, http);
      if (!answer.ok) {
        return answer;
      }
      if (answer.status !== 200 && answer.status !== 404) {
        return sourceFailure(http.source, 'bad_answer', answer.status, `HTTP ${answer.status}`);
      }
      // A 404's body is not needed (INSEE's "Aucun élément trouvé"), nor always JSON.
      const json =
        answer.status === 404
          ? { ok: true as const, body: null }
          : parseJsonBody(answer.text, http.source, 200);
      if (!json.ok) {
        return json;
      }
      const result = parseSireneAnswer(answer.status, json.body, { siren: asked, asOf });
      if (result.ok || result.isUnknownSiren) {
        return { ok: true, answer: { company: result.ok ? result.company : null } };
      }
      return { ok: false, failure: 'bad_answer', httpStatus: answer.status, issues: result.issues };
    },
  };
}

/** The BODACC: the company's collective proceedings, and the notices that could not be fully read. */
export type BodaccSource = {
  lookup(
    siren: string,
  ): Promise<SourceLookup<{ proceedings: CollectiveProceeding[]; issues: Issue[] }>>;
};

/** Records per page: the most the Opendatasoft v2.1 API gives at once. */
const BODACC_PAGE_SIZE = 100;

/** Pages read at most: 1,000 collective notices, far beyond any one company's. */
const BODACC_MAX_PAGES = 10;

/**
 * The BODACC open data, `GET {baseUrl}/catalog/datasets/annonces-commerciales/records`,
 * filtered on `familleavis="collective"` and the SIREN written both ways `registre`
 * holds it (`812345676`, `812 345 676`), paged by 100 until `total_count`.
 */
export function createBodaccSource(options: HttpOptions): BodaccSource {
  const { baseUrl, http } = settings(options, 'BODACC');
  return {
    lookup: async (siren) => {
      const asked = sirenToAsk(siren);
      const spaced = `${asked.slice(0, 3)} ${asked.slice(3, 6)} ${asked.slice(6)}`;
      const where = `familleavis="collective" AND (registre="${asked}" OR registre="${spaced}")`;
      const proceedings: CollectiveProceeding[] = [];
      const issues: Issue[] = [];
      for (let page = 0, offset = 0; page < BODACC_MAX_PAGES; page += 1) {
        const query = new URLSearchParams({
          where,
          order_by: 'dateparution desc',
          limit: String(BODACC_PAGE_SIZE),
          offset: String(offset),
        });
        const url = `${baseUrl}/catalog/datasets/annonces-commerciales/records?${query.toString()}`;
        const answer = await getText(url, {}, http);
        if (!answer.ok) {
          return answer;
        }
        if (answer.status !== 200) {
          return sourceFailure(http.source, 'bad_answer', answer.status, `HTTP ${answer.status}`);
        }
        const json = parseJsonBody(answer.text, http.source, 200);
        if (!json.ok) {
          return json;
        }
        const result = parseBodaccPage(json.body, asked);
        if (!result.ok) {
          return { ok: false, failure: 'bad_answer', httpStatus: 200, issues: result.issues };
        }
        proceedings.push(...result.proceedings);
        issues.push(...result.issues);
        offset += result.recordCount;
        if (result.recordCount === 0 || offset >= result.totalCount) {
          break;
        }
      }
      return { ok: true, answer: { proceedings, issues } };
    },
  };
}

/** A score provider: the company's score and incidents (null when it has none for it). */
export type RiskScoreSource = {
  name: string;
  lookup(
    siren: string,
  ): Promise<SourceLookup<{ score: RiskScore | null; incidents: PaymentIncidents | null }>>;
};

/**
 * A provider's score API: `GET {baseUrl}/{siren}`, or `baseUrl` with `{siren}` replaced
 * when it has the placeholder (`https://api.example/v1/companies/{siren}/score`); `token`
 * goes as `Authorization: Bearer`. A 404 is "the provider does not know the company".
 */
export function createHttpScoreSource(
  options: HttpOptions & { name: string; token?: string | undefined; fieldMap: ScoreFieldMap },
): RiskScoreSource {
  const { baseUrl, http } = settings(options, options.name);
  const headers: Record<string, string> =
    options.token === undefined ? {} : { authorization: `Bearer ${options.token}` };
  return {
    name: options.name,
    lookup: async (siren) => {
      const asked = sirenToAsk(siren);
      const url = baseUrl.includes('{siren}')
        ? baseUrl.replaceAll('{siren}', asked)
        : `${baseUrl}/${asked}`;
      const answer = await getText(url, headers, http);
      if (!answer.ok) {
        return answer;
      }
      if (answer.status === 404) {
        return { ok: true, answer: { score: null, incidents: null } };
      }
      if (answer.status !== 200) {
        return sourceFailure(http.source, 'bad_answer', answer.status, `HTTP ${answer.status}`);
      }
      const json = parseJsonBody(answer.text, http.source, 200);
      if (!json.ok) {
        return json;
      }
      const read = parseScoreAnswer(json.body, options.fieldMap, options.name);
      return read.ok
        ? { ok: true, answer: { score: read.score, incidents: read.incidents } }
        : { ok: false, failure: 'bad_answer', httpStatus: 200, issues: read.issues };
    },
  };
}
