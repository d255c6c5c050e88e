import { it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { writeDocx } from '../../../src/writers/docx/index.js';
import { sampleModel, sampleCharts, hostileModel, TIMESTAMP } from './fixtures.js';
it('writes samples', async () => {
  for (const p of ['report', 'gbt9704'] as const) {
    const t = Date.now();
    const r = await writeDocx(sampleModel(p), sampleCharts(), { timestamp: TIMESTAMP });
    console.log(p, Date.now() - t, 'ms', r.warnings);
    writeFileSync(`/tmp/docx-out/${p}.docx`, r.result);
    writeFileSync(`/tmp/docx-out/hostile-${p}.docx`, (await writeDocx(hostileModel(p), sampleCharts(), { timestamp: TIMESTAMP })).result);
  }
});
