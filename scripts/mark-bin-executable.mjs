// `npx gen-report` in this folder runs the bin file directly, so it must be
// executable, also after a checkout or an unzip that dropped the bit.
// dist/cli/main.js was the bin before the bundle: npx keeps a folder's bin link
// in its cache (~/.npm/_npx) and does not refresh it, so a folder that ran
// `npx gen-report` before still runs that file (it hands over to the bin, see
// src/cli/main.ts). tsc writes it without the bit.
import { chmodSync, readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const runnable = [...Object.values(pkg.bin ?? {}), 'dist/cli/main.js'];
for (const file of runnable) chmodSync(new URL(`../${file}`, import.meta.url), 0o755);
