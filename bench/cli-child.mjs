// Runs the CLI in this process and reports its peak memory on exit, so the
// benchmark can measure a cold build the way a user runs it.
import { resourceUsage } from 'node:process';

process.on('exit', () => {
  process.stderr.write(`\nBENCH ${JSON.stringify({ maxRssMb: Math.round(resourceUsage().maxRSS / 1024) })}\n`);
});
process.argv = [process.argv[0], 'gen-report', ...process.argv.slice(2)];
await import('../dist/cli/main.js');
