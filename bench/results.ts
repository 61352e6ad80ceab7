import type { AgedBalanceBench } from './aged-balance-phase.ts';
import type { DemoSize } from '../src/demo/generate.ts';
import type { CreditCheckBench } from './credit-phase.ts';
import type { DisputeReportBench } from './dispute-report-phase.ts';
import type { DunningRunResults } from './dunning-phase.ts';
import type { ForecastBench } from './forecast-phase.ts';
import type { ImportPhaseRun } from './import-phase.ts';
import type { GeneratorTimings, LoadTimings } from './load-phase.ts';
import type { FecDatabaseRun } from './fec-phase.ts';
import type { DatabaseInfo, Machine } from './machine.ts';
import type { MatchingRun } from './match-phase.ts';
import type { PortalAccountBench } from './portal-phase.ts';
import type { BenchDatabase } from './options.ts';
import type { QueryResults } from './query-phase.ts';

export type DatabaseRun = {
  kind: BenchDatabase;
  label: string;
  info: DatabaseInfo;
  load: LoadTimings;
  /** Empty when only the match phase asked for the load. */
  queries: QueryResults;
  /** The dispute report on the loaded demo, timed with the queries (the load phase). */
  disputeReports?: DisputeReportBench | undefined;
  /** The biggest customer's portal account, timed with the queries (the load phase). */
  portalAccount?: PortalAccountBench | undefined;
  /** The credit check over entities given limits and orders (the credit phase, last). */
  creditCheck?: CreditCheckBench | undefined;
  /** The aged balance as of today and of a past date, timed with the queries (the load phase). */
  agedBalance?: AgedBalanceBench | undefined;
  /** The cash forecast and its backtest on the loaded demo (the forecast phase). */
  forecast?: ForecastBench | undefined;
  /**
   * The dunning phase on the loaded database, after the queries and before the match
   * phase (which applies payments), when it was run.
   */
  dunning: DunningRunResults | undefined;
  /** The match phase on the loaded database, after the queries, when it was run. */
  matching: MatchingRun | undefined;
  /** One-minute load average of the machine before and after this database's run. */
  loadAverage: { before: number; after: number };
};

export type BenchRun = {
  startedAt: Date;
  finishedAt: Date;
  size: DemoSize;
  seed: number;
  today: string;
  runs: number;
  warmup: number;
  machine: Machine;
  generator: GeneratorTimings | undefined;
  /** The load phase, one run per database (empty when the phase was not run). */
  databases: DatabaseRun[];
  /** The import phase, when it was run. */
  imports: ImportPhaseRun | undefined;
  /** The FEC phase, one run per database (empty when the phase was not run). */
  fec: FecDatabaseRun[];
};
