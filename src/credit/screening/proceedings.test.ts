import { describe, expect, it } from 'vitest';
import { calendarDate } from '../../shared/calendar-date.ts';
import {
  proceedingSituation,
  type CollectiveProceeding,
  type ProceedingKind,
  type ProceedingState,
} from './proceedings.ts';

const LABELS: Readonly<Record<ProceedingKind, string>> = {
  safeguard: "Jugement d'ouverture d'une procédure de sauvegarde",
  receivership: "Jugement d'ouverture d'une procédure de redressement judiciaire",
  liquidation: "Jugement d'ouverture de liquidation judiciaire",
  plan: 'Jugement arrêtant le plan de redressement',
  closure: 'Jugement de clôture pour extinction du passif',
  other: 'Jugement modifiant le plan',
};

function judgement(
  kind: ProceedingKind,
  judgedOn: string | null,
  label = LABELS[kind],
  publishedOn = '2024-12-31',
): CollectiveProceeding {
  return {
    kind,
    judgedOn: judgedOn === null ? null : calendarDate(judgedOn),
    publishedOn: calendarDate(publishedOn),
    court: 'Tribunal de commerce de Lyon',
    label,
    reference: null,
  };
}

const INSUFFICIENT_ASSETS = "Jugement de clôture pour insuffisance d'actif";

describe('proceedingSituation', () => {
  it.each<[string, CollectiveProceeding[], ProceedingState, number | null]>([
    ['no proceeding', [], 'none', null],
    ['a safeguard opened', [judgement('safeguard', '2024-01-10')], 'safeguard', 0],
    ['a receivership opened', [judgement('receivership', '2024-01-10')], 'receivership', 0],
    ['a liquidation opened', [judgement('liquidation', '2024-01-10')], 'liquidated', 0],
    [
      'a receivership, then a plan: continuing under the plan',
      [judgement('receivership', '2023-01-10'), judgement('plan', '2023-09-01')],
      'plan',
      1,
    ],
    [
      'a safeguard converted into a receivership',
      [judgement('safeguard', '2023-01-10'), judgement('receivership', '2023-05-02')],
      'receivership',
      1,
    ],
    [
      'a receivership converted into a liquidation',
      [judgement('receivership', '2023-01-10'), judgement('liquidation', '2023-03-02')],
      'liquidated',
      1,
    ],
    [
      'a liquidation closed for insufficient assets stays liquidated',
      [
        judgement('liquidation', '2022-01-10'),
        judgement('closure', '2023-06-01', INSUFFICIENT_ASSETS),
      ],
      'liquidated',
      0,
    ],
    [
      'a closure for insufficient assets alone means a liquidation',
      [judgement('closure', '2023-06-01', INSUFFICIENT_ASSETS)],
      'liquidated',
      0,
    ],
    [
      'a liquidation closed for extinction of liabilities stays liquidated (C. civ. 1844-7)',
      [judgement('liquidation', '2022-01-10'), judgement('closure', '2023-06-01')],
      'liquidated',
      0,
    ],
    [
      'nothing reopens a liquidated company',
      [judgement('liquidation', '2022-01-10'), judgement('plan', '2023-06-01')],
      'liquidated',
      0,
    ],
    [
      'a safeguard ended by a closure',
      [judgement('safeguard', '2021-01-10'), judgement('closure', '2022-06-01')],
      'none',
      1,
    ],
    [
      'a plan, then its resolution and a liquidation',
      [
        judgement('receivership', '2020-01-10'),
        judgement('plan', '2020-09-01'),
        judgement('liquidation', '2023-02-01'),
      ],
      'liquidated',
      2,
    ],
    [
      'read by date, not by the order given (BODACC answers newest first)',
      [judgement('plan', '2023-09-01'), judgement('receivership', '2023-01-10')],
      'plan',
      0,
    ],
    [
      'on one day, the opening before the plan',
      [judgement('plan', '2023-09-01'), judgement('receivership', '2023-09-01')],
      'plan',
      0,
    ],
    [
      'without a judgement date, the publication date counts',
      [
        judgement('receivership', null, LABELS.receivership, '2023-01-20'),
        judgement('plan', '2023-09-01'),
      ],
      'plan',
      1,
    ],
    [
      'an unclassified notice alone changes nothing',
      [judgement('other', '2023-01-10')],
      'none',
      null,
    ],
  ])('%s', (_, proceedings, state, decisiveIndex) => {
    const situation = proceedingSituation(proceedings);
    expect(situation.state).toBe(state);
    expect(situation.decisive).toBe(decisiveIndex === null ? null : proceedings[decisiveIndex]);
  });

  it('keeps the unclassified notices after the last classified judgement, not before', () => {
    const before = judgement('other', '2023-01-01', 'Avis de dépôt de l’état des créances');
    const opening = judgement('receivership', '2023-01-10');
    const plan = judgement('plan', '2023-09-01');
    const after = judgement('other', '2024-03-01');
    const situation = proceedingSituation([after, plan, before, opening]);
    expect(situation).toEqual({ state: 'plan', decisive: plan, unclassified: [after] });
  });

  it('keeps every unclassified notice when nothing is classified', () => {
    const first = judgement('other', '2023-01-01');
    const second = judgement('other', '2023-02-01');
    expect(proceedingSituation([second, first]).unclassified).toEqual([first, second]);
  });
});
