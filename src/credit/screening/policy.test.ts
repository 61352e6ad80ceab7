import { describe, expect, it } from 'vitest';
import { checkScreeningPolicy, DEFAULT_SCREENING_POLICY, type ScreeningPolicy } from './policy.ts';

const policy = (changes: Partial<ScreeningPolicy>): ScreeningPolicy => ({
  ...DEFAULT_SCREENING_POLICY,
  ...changes,
});

describe('checkScreeningPolicy', () => {
  it('accepts the defaults, and equal thresholds (no deposit band)', () => {
    expect(checkScreeningPolicy(DEFAULT_SCREENING_POLICY)).toEqual([]);
    expect(checkScreeningPolicy(policy({ goMinScore: 50, depositMinScore: 50 }))).toEqual([]);
    expect(checkScreeningPolicy(policy({ goMinScore: 100, depositMinScore: 0 }))).toEqual([]);
    expect(checkScreeningPolicy(policy({ depositBps: 10_000, youngCompanyMonths: 0 }))).toEqual([]);
  });

  it.each<[Partial<ScreeningPolicy>, [string, string][]]>([
    [{ goMinScore: 101 }, [['goMinScore', 'screening_policy_score_out_of_range']]],
    [{ depositMinScore: -1 }, [['depositMinScore', 'screening_policy_score_out_of_range']]],
    [{ goMinScore: 60.5 }, [['goMinScore', 'screening_policy_score_out_of_range']]],
    [{ depositMinScore: 70 }, [['depositMinScore', 'screening_policy_deposit_above_go']]],
    [{ youngCompanyMonths: -1 }, [['youngCompanyMonths', 'screening_policy_not_whole']]],
    [{ youngCompanyMonths: 1.5 }, [['youngCompanyMonths', 'screening_policy_not_whole']]],
    [{ maxIncidents: 3 }, [['incidentsNoGo', 'screening_policy_incidents_order']]],
    [
      { maxIncidents: 0, incidentsNoGo: 0 },
      [['incidentsNoGo', 'screening_policy_incidents_order']],
    ],
    [{ depositBps: 0 }, [['depositBps', 'screening_policy_deposit_bps_out_of_range']]],
    [{ depositBps: 10_001 }, [['depositBps', 'screening_policy_deposit_bps_out_of_range']]],
    [{ depositBps: 12.5 }, [['depositBps', 'screening_policy_deposit_bps_out_of_range']]],
    [
      { goMinScore: 120, depositMinScore: 130, maxIncidents: -2, incidentsNoGo: -3, depositBps: 0 },
      [
        ['goMinScore', 'screening_policy_score_out_of_range'],
        ['depositMinScore', 'screening_policy_score_out_of_range'],
        ['depositMinScore', 'screening_policy_deposit_above_go'],
        ['maxIncidents', 'screening_policy_not_whole'],
        ['incidentsNoGo', 'screening_policy_not_whole'],
        ['incidentsNoGo', 'screening_policy_incidents_order'],
        ['depositBps', 'screening_policy_deposit_bps_out_of_range'],
      ],
    ],
  ])('%j breaks %j', (changes, expected) => {
    const issues = checkScreeningPolicy(policy(changes));
    expect(issues.map((issue) => [issue.field, issue.code])).toEqual(expected);
  });

  it('names the values in its params and its English sentence', () => {
    expect(checkScreeningPolicy(policy({ depositMinScore: 70 }))).toEqual([
      {
        field: 'depositMinScore',
        code: 'screening_policy_deposit_above_go',
        params: { depositMinScore: 70, goMinScore: 60 },
        message: 'The deposit threshold (70) is above the go threshold (60)',
      },
    ]);
  });
});
