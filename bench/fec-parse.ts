/**
 * How fast the FEC reader is, without a database: builds a FEC of N lines in memory
 * (default 1,000,000: sales of three lines, payments of two, lettered) in UTF-8 or in
 * ISO-8859-15, then times `parseFec` (decoding included) and `planFec` once, in a fresh
 * process as an import runs them. Usage:
 * `node --import tsx bench/fec-parse.ts [lines] [utf-8|iso-8859-15]`. The import's target
 * is 150,000 lines/s end to end into PostgreSQL, so these two must take a small part of it.
 */
import { parseFec } from '../src/imports/fec/parse-fec.ts';
import { planFec } from '../src/imports/fec/plan-fec.ts';
import { parseCurrencyCode } from '../src/shared/money.ts';
import { buildFec } from './fec-file.ts';

const lineCount = Number(process.argv[2] ?? 1_000_000);
const encoding = process.argv[3] ?? 'utf-8';
const currency = parseCurrencyCode('EUR');
if (
  !Number.isSafeInteger(lineCount) ||
  lineCount < 1 ||
  (encoding !== 'utf-8' && encoding !== 'iso-8859-15') ||
  currency === undefined
) {
  throw new Error('Usage: node --import tsx bench/fec-parse.ts [lines] [utf-8|iso-8859-15]');
}

/** ISO-8859-15 bytes of a text whose characters all have one (`€` is 0xA4). */
function iso885915(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    bytes[index] = code === 0x20ac ? 0xa4 : code;
  }
  return bytes;
}

const text = buildFec(lineCount);
const bytes = encoding === 'utf-8' ? new TextEncoder().encode(text) : iso885915(text);
const started = performance.now();
const parsed = parseFec(bytes, 'bench.txt');
const parsedAt = performance.now();
if (!parsed.ok || parsed.issues.length > 0) {
  throw new Error(`The bench file is refused: ${JSON.stringify(parsed.issues.slice(0, 3))}`);
}
const plan = planFec(parsed.lines, { currency });
const plannedAt = performance.now();
const lines = parsed.lines.length;
const count = (value: number): string => value.toLocaleString('en-US');
const rate = (ms: number): string => `${count(Math.round(lines / (ms / 1000)))} lines/s`;
console.log(
  `${encoding}: ${count(lines)} lines (${(bytes.length / 1e6).toFixed(0)} MB); ` +
    `parse ${(parsedAt - started).toFixed(0)} ms (${rate(parsedAt - started)}); ` +
    `plan ${(plannedAt - parsedAt).toFixed(0)} ms (${count(plan.invoices.length)} invoices, ` +
    `${count(plan.payments.length)} payments, ${count(plan.allocations.length)} allocations); ` +
    `together ${rate(plannedAt - started)}; heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`,
);
