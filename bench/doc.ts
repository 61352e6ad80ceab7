import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export const BEGIN_MARKER =
  '<!-- bench:begin — written by `npm run bench`; edit outside these markers -->';
export const END_MARKER = '<!-- bench:end -->';

const SKELETON = `# Performance

How fast Encaisse loads and answers at size L (100,000 customers, ~1,000,000
invoices), measured by \`npm run bench\` (\`bench/run.ts\`). The section between the
markers below is rewritten by each full run; the notes after it are written by hand.

## Latest measurements

${BEGIN_MARKER}
${END_MARKER}

## Notes
`;

/**
 * Puts `results` between the markers of the report at `path`, keeping the hand-written
 * text around them; creates the report from a skeleton the first time.
 */
export function writeResults(path: string, results: string): void {
  const current = existsSync(path) ? readFileSync(path, 'utf8') : SKELETON;
  const begin = current.indexOf(BEGIN_MARKER);
  const end = current.indexOf(END_MARKER);
  const base =
    begin === -1 || end === -1 || end < begin
      ? `${current.trimEnd()}\n\n## Latest measurements\n\n${BEGIN_MARKER}\n${END_MARKER}\n`
      : current;
  const start = base.indexOf(BEGIN_MARKER) + BEGIN_MARKER.length;
  const stop = base.indexOf(END_MARKER);
  writeFileSync(path, `${base.slice(0, start)}\n${results.trim()}\n${base.slice(stop)}`);
}
