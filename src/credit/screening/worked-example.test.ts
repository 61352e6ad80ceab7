/** The worked example of docs/screening.md, from the fixtures to the recommendation. */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { calendarDate } from '../../shared/calendar-date.ts';
import { parseBodaccPage } from './bodacc.ts';
import { parseBureauFile } from './bureau-file.ts';
import { recommend } from './model.ts';
import { DEFAULT_SCREENING_POLICY } from './policy.ts';
import { parseSireneAnswer } from './sirene.ts';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));

it('screens ATELIERS NUMERIQUES DU RHONE as docs/screening.md says', () => {
  const asOf = calendarDate('2025-06-30');
  const sirene = parseSireneAnswer(200, fixture('sirene-active-sas.json'), {
    siren: '812345676',
    asOf,
  });
  const bodacc = parseBodaccPage(fixture('bodacc-receivership-plan.json'), '812345676');
  const bureau = parseBureauFile(
    'siren;score;scale;incidents;incident_amount;assessed_on;source\n' +
      '812345676;14;1-20;1;1234,50;31/05/2025;Assureur\n',
  );
  const [row] = bureau.rows;
  if (!sirene.ok || !bodacc.ok || row === undefined || row.incidents === null) {
    throw new Error('the fixtures of the example no longer read');
  }
  const recommendation = recommend(
    {
      identity: { siren: '812345676', siret: '81234567600009' },
      company: sirene.company,
      proceedings: bodacc.proceedings,
      incidents: row.incidents,
      score: row.score,
      asOf,
    },
    DEFAULT_SCREENING_POLICY,
  );
  expect(recommendation).toEqual({
    verdict: 'go_with_deposit',
    depositBps: 3000,
    reasons: [
      {
        code: 'proceeding_plan',
        params: {
          date: '2023-09-05',
          court: 'TRIBUNAL DE COMMERCE DE LYON',
          label: 'Jugement arrêtant le plan de redressement',
        },
      },
      {
        code: 'payment_incidents',
        params: { count: 1, amount: 123_450, currency: 'EUR', limit: 0 },
      },
      {
        code: 'score_sufficient',
        params: { score: 68, source: 'Assureur', raw: '14', threshold: 60 },
      },
    ],
  });
});
