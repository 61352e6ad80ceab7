/**
 * The published rates French late-payment penalties are computed from, per half-year
 * (`2026-H1` is January–June 2026), in basis points (2,15 % = 215). This is the table
 * Encaisse ships; a company may edit its own copy (docs/formulas.md says how they are
 * used).
 *
 * - `ecbMainRefinancing`: the ECB's main refinancing operations rate in force on the
 *   half-year's first day (C. com. L441-10 II: "le taux en vigueur au 1er janvier de
 *   l'année en question pour le premier semestre, au 1er juillet pour le second").
 *   Source: ECB key interest rates (decisions taking effect 2016-03-16 at 0 %,
 *   2022-07-27 0,50 %, 2022-12-21 2,50 %, 2023-06-21 4,00 %, 2023-09-20 4,50 %,
 *   2024-06-12 4,25 %, 2024-12-18 3,15 %, 2025-06-11 2,15 %).
 * - `legalInterest`: the French legal interest rate for creditors other than private
 *   persons (C. mon. fin. L313-2, fixed each half-year by arrêté); three times it is the
 *   lowest contractual penalty rate allowed (L441-10 II).
 */
export type HalfYear = `${number}-H${1 | 2}`;

export type PenaltyRateTable = {
  ecbMainRefinancing: Readonly<Partial<Record<HalfYear, number>>>;
  legalInterest: Readonly<Partial<Record<HalfYear, number>>>;
};

export const PUBLISHED_RATES: PenaltyRateTable = {
  ecbMainRefinancing: {
    '2016-H2': 0,
    '2017-H1': 0,
    '2017-H2': 0,
    '2018-H1': 0,
    '2018-H2': 0,
    '2019-H1': 0,
    '2019-H2': 0,
    '2020-H1': 0,
    '2020-H2': 0,
    '2021-H1': 0,
    '2021-H2': 0,
    '2022-H1': 0,
    '2022-H2': 0,
    '2023-H1': 250,
    '2023-H2': 400,
    '2024-H1': 450,
    '2024-H2': 425,
    '2025-H1': 315,
    '2025-H2': 215,
    '2026-H1': 215,
  },
  legalInterest: {
    '2020-H1': 87,
    '2020-H2': 84,
    '2021-H1': 79,
    '2021-H2': 76,
    '2022-H1': 76,
    '2022-H2': 77,
    '2023-H1': 206,
    '2023-H2': 422,
    '2024-H1': 507,
    '2024-H2': 492,
    '2025-H1': 371,
    '2025-H2': 276,
    '2026-H1': 262,
  },
};
