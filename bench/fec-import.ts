/**
 * How fast a FEC lands in the ledger (issue 8's target: 1,000,000 lines into PostgreSQL
 * at 150,000 lines/s or more end to end, into PGlite at 60,000): runs the bench's FEC
 * phase on one database (`benchFec`: a FEC of N lines built by `fec-file.ts`, default
 * 100,000; the limit, decoding it and splitting it into fields alone, best of 3; then,
 * into a fresh database, `importFec` end to end, parse to commit, and the same file
 * again). `npm run bench -- --phases fec` runs the same phase on both databases.
 * Usage: `node --import tsx bench/fec-import.ts [lines] [postgres|pglite] [admin URL]`;
 * the server is `$DATABASE_URL` unless given (docs/PERFORMANCE.md, "FEC import").
 */
import { benchFec, buildFecBytes } from './fec-phase.ts';
import { fecSummaryLines } from './report.ts';

const lineCount = Number(process.argv[2] ?? 100_000);
const kind = process.argv[3] ?? 'postgres';
const adminUrl =
  process.argv[4] ?? process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
if (
  !Number.isSafeInteger(lineCount) ||
  lineCount < 1 ||
  (kind !== 'postgres' && kind !== 'pglite')
) {
  throw new Error('Usage: node --import tsx bench/fec-import.ts [lines] [postgres|pglite] [URL]');
}

const run = await benchFec(kind, adminUrl, buildFecBytes(lineCount));
for (const line of fecSummaryLines(run)) {
  console.log(line);
}
if (run.import.failure !== undefined || run.reimport.failure !== undefined) {
  process.exitCode = 1;
}
