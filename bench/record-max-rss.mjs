// Preloaded (`node --import`) into the CLI processes the bench starts: when the
// process exits, writes its peak resident memory in kilobytes to $BENCH_MAX_RSS_FILE.
// The command itself runs unchanged; this only records what it cost.
import { writeFileSync } from 'node:fs';

const target = process.env['BENCH_MAX_RSS_FILE'];
if (target) {
  process.on('exit', () => {
    writeFileSync(target, String(process.resourceUsage().maxRSS));
  });
}
