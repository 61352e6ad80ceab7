/**
 * The dispute report at size (issue 10's target: under 300 ms at size L on PostgreSQL):
 * `GET /api/reports/disputes` through Fastify as the web asks it, and the use case alone,
 * on the demo as loaded (its disputes: src/demo/demo-disputes.ts).
 */
import { cliContext } from '../src/app/context.ts';
import type { Deps } from '../src/app/deps.ts';
import type { DemoResult } from '../src/demo/load-demo.ts';
import { ZDisputeReport } from '../src/disputes/report-schemas.ts';
import { disputeReport } from '../src/disputes/reports.ts';
import { buildApp } from '../src/server/app.ts';
import { signIn } from './query-phase.ts';
import { measure, type Sample } from './timing.ts';

export type DisputeReportBench = {
  /** The demo's disputes, and those open (what the report's open parts read). */
  disputes: number;
  open: number;
  /** The invoices whose held-back part the report asks the ledger for. */
  heldBackInvoices: number;
  /** The whole request: session, zod, the use case, JSON. */
  http: Sample;
  /** `disputeReport` alone: its statements and the folding. */
  service: Sample;
};

/** Times the dispute report of the demo's today, through HTTP and below it. */
export async function benchDisputeReports(
  deps: Deps,
  demo: DemoResult,
  options: { runs: number; warmup: number },
): Promise<DisputeReportBench> {
  const app = await buildApp({ deps, webDir: '/nonexistent' });
  try {
    const cookie = await signIn(app, demo);
    const request = async () => {
      const response = await app.inject({
        method: 'GET',
        url: '/api/reports/disputes',
        headers: { cookie },
      });
      if (response.statusCode !== 200) {
        throw new Error(
          `GET /api/reports/disputes answered ${response.statusCode}: ${response.body}`,
        );
      }
      return ZDisputeReport.parse(response.json());
    };
    const report = await request();
    const http = await measure(request, options);
    const ctx = cliContext(demo.company.id, 'bench');
    const service = await measure(() => disputeReport(deps, ctx), options);
    return {
      disputes: demo.disputes.total,
      open: demo.disputes.open,
      heldBackInvoices: report.blocked.reduce((sum, line) => sum + line.invoiceCount, 0),
      http,
      service,
    };
  } finally {
    await app.close();
  }
}
