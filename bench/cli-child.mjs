// Runs the command (bin/gen-report.cjs, as `npx gen-report` does) in this
// process and reports its peak memory on exit, so the benchmark measures a
// cold build the way a user runs it.
import { createRequire } from 'node:module';
import { resourceUsage } from 'node:process';

process.on('exit', () => {
  process.stderr.write(`\nBENCH ${JSON.stringify({ maxRssMb: Math.round(resourceUsage().maxRSS / 1024) })}\n`);
});
process.argv = [process.argv[0], 'gen-report', ...process.argv.slice(2)];
createRequire(import.meta.url)('../bin/gen-report.cjs');
